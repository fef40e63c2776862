// Starts the real silo process (Kestrel, the hub, the grains) on free ports with a database of its own,
// and stops it again: the process is killed and the database dropped, also when a test run fails.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const artifacts = join(repoRoot, 'tests/e2e/artifacts');
export const siloDll = join(repoRoot, 'src/Silo/bin/Release/net10.0/Platform.Silo.dll');

// The same default as the .NET tests (README, "Configuration").
const defaultServer = 'Host=localhost;Port=5432;Username=platform;Password=platform;Database=postgres';

/**
 * A port nobody uses right now. Not one the system picks: those come from the range it also gives outgoing
 * connections (from 32768 on Linux), which can take the port while the silo process is starting.
 */
export async function freePort() {
  while (true) {
    const port = 10000 + Math.floor(Math.random() * (32768 - 10000));
    const free = await new Promise(done => {
      const server = createServer();
      server.unref();
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (free) return port;
  }
}

/** `Key=Value;...` as an object with lower-cased keys. */
function parseConnectionString(text) {
  const parts = {};
  for (const pair of text.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) parts[pair.slice(0, at).trim().toLowerCase()] = pair.slice(at + 1).trim();
  }
  return parts;
}

function withDatabase(text, database) {
  return /Database=[^;]*/i.test(text) ? text.replace(/Database=[^;]*/i, `Database=${database}`) : `${text};Database=${database}`;
}

/**
 * Drops a database with psql (the silo created it); quietly does nothing when it is gone already. Tries a few
 * times: FORCE cannot end a backend of another role (an autovacuum worker, say) that happens to be in it.
 */
async function dropDatabase(server, database) {
  const parts = parseConnectionString(server);
  let result;
  for (let attempt = 1; attempt <= 5; attempt++) {
    result = spawnSync('psql', [
      '-h', parts.host ?? 'localhost', '-p', parts.port ?? '5432', '-U', parts.username ?? parts['user id'] ?? 'platform',
      '-d', 'postgres', '-XqtA', '-v', 'ON_ERROR_STOP=1', '-c', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
    ], { env: { ...process.env, PGPASSWORD: parts.password ?? '', PGCONNECT_TIMEOUT: '5' }, encoding: 'utf8' });
    if (result.status === 0) return;
    await new Promise(resolve => setTimeout(resolve, 500 * attempt));
  }
  console.error(`could not drop database ${database}: ${result.stderr || result.error}`);
}

/** The first column of the first row of a query, run with psql against a connection string of the silo's. */
export function queryScalar(connectionString, sql) {
  const parts = parseConnectionString(connectionString);
  const result = spawnSync('psql', [
    '-h', parts.host ?? 'localhost', '-p', parts.port ?? '5432', '-U', parts.username ?? parts['user id'] ?? 'platform',
    '-d', parts.database, '-XqtA', '-v', 'ON_ERROR_STOP=1', '-c', sql,
  ], { env: { ...process.env, PGPASSWORD: parts.password ?? '', PGCONNECT_TIMEOUT: '5' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql: ${result.stderr || result.error}`);
  return result.stdout.trim();
}

const running = new Set();
// Whatever happens to this process, the silos it started go with it.
process.on('exit', () => { for (const child of running) child.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { for (const child of running) child.kill('SIGKILL'); process.exit(130); });
}

/**
 * Starts the silo and waits until `/api/ready` answers 200. `settings` are extra environment variables
 * (`Platform__Section__Key`). Returns `{ url, signingKey, logPath, stop(), connectionString }`.
 */
export async function startSilo({ settings = {}, name = 'e2e', readyTimeoutMs = 90_000 } = {}) {
  if (!existsSync(siloDll)) throw new Error(`${siloDll} is missing: build first (dotnet build Platform.sln -c Release)`);
  mkdirSync(artifacts, { recursive: true });

  const server = process.env.PLATFORM_TEST_DB || defaultServer;
  const database = `platform_${name}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const [httpPort, siloPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${httpPort}`;
  // Our own key, so tests can make tokens the server would have signed (an expired one, say).
  const signingKey = randomBytes(32).toString('base64');
  const logPath = join(artifacts, `silo-${name}.log`);
  const log = createWriteStream(logPath);

  const child = spawn('dotnet', [siloDll], {
    cwd: dirname(siloDll),
    env: {
      ...process.env,
      DOTNET_NOLOGO: '1',
      ASPNETCORE_URLS: url,
      Urls: url, // appsettings.json names a URL too, and it would win over ASPNETCORE_URLS
      Platform__Postgres__ConnectionString: withDatabase(server, database),
      Platform__Silo__Port: String(siloPort),
      Platform__Auth__SigningKey: signingKey,
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise(done => child.once('exit', (code, signal) => { running.delete(child); done(signal ?? code); }));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    await dropDatabase(server, database);
  };

  try {
    await waitUntilReady(url, exited, readyTimeoutMs);
  } catch (error) {
    await stop();
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${error.message}\n--- last lines of ${logPath} ---\n${tail}`);
  }
  return { url, signingKey, logPath, stop, pid: child.pid, connectionString: withDatabase(server, database) };
}

async function waitUntilReady(url, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let gone = null;
  exited.then(code => { gone = code; });
  while (Date.now() < deadline) {
    if (gone !== null) throw new Error(`the silo exited (${gone}) before it was ready`);
    try {
      const response = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise(done => setTimeout(done, 200)); // polling the server, not waiting for an event
  }
  throw new Error(`the silo at ${url} was not ready within ${timeoutMs / 1000} s`);
}
