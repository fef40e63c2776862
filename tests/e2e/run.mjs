// Runs the end-to-end and browser tests against one real silo this runner starts, and stops it after.
// Last line: `e2e: N passed, N failed, N skipped`, which ./platform test adds to the .NET counts.
//   node tests/e2e/run.mjs [test files...]
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { startSilo } from './lib/silo.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.length > 2
  ? process.argv.slice(2).map(file => resolve(file))
  : readdirSync(here).filter(file => file.endsWith('.test.mjs')).sort().map(file => join(here, file));

const counts = { passed: 0, failed: 0, skipped: 0 };
let silo;
try {
  const started = Date.now();
  // Short-lived access tokens, so that the web client's refresh before expiry happens within a test.
  silo = await startSilo({ name: 'e2e', settings: { Platform__Auth__AccessTokenLifetime: '00:00:30' } });
  console.log(`e2e: silo ready at ${silo.url} in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${silo.logPath})`);
  process.env.PLATFORM_E2E_URL = silo.url;
  process.env.PLATFORM_E2E_SIGNING_KEY = silo.signingKey;

  const stream = run({ files, concurrency: 1, timeout: 60_000 });
  stream.on('test:pass', ({ details, skip, todo }) => {
    if (details.type === 'suite') return;
    if (skip || todo) counts.skipped++; else counts.passed++;
  });
  stream.on('test:fail', ({ details }) => {
    // A suite fails with its tests, which are counted; a file that could not run at all counts once.
    if (details.type !== 'suite') counts.failed++;
  });
  await new Promise((done, fail) => {
    stream.compose(spec).on('data', chunk => process.stdout.write(chunk)).on('end', done).on('error', fail);
  });
} catch (error) {
  console.error(`e2e: ${error.stack ?? error}`);
  counts.failed++;
} finally {
  await silo?.stop();
}
console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = counts.failed > 0 ? 1 : 0;
