// Quiz load program: many games at once, every player a client of the official SignalR client in this one
// process, against a silo process it starts. It reports the time from SubmitAnswer to its reply, the spread
// between the first and the last player of a game receiving each `question` event, and whether every answer
// the server accepted is stored (its count against the rows of game_answers).
//
//   ./platform load quiz [--games 200] [--players 4] [--questions 3] [--seconds 5] [--think-ms 2000] [--url http://host:port]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as signalR from '@microsoft/signalr';
import { call, uniqueName } from '../lib/api.mjs';
import { hubPath } from '../lib/hub.mjs';
import { manyUsersSettings } from '../lib/load.mjs';
import { queryScalar, startSilo } from '../lib/silo.mjs';

const { values: options } = parseArgs({
  options: {
    games: { type: 'string', default: '200' },
    players: { type: 'string', default: '4' },
    questions: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    'think-ms': { type: 'string', default: '2000' },
    url: { type: 'string' },
  },
});
const games = Number(options.games);
const playersPerGame = Number(options.players);
const questionCount = Number(options.questions);
const seconds = Number(options.seconds);
const thinkMs = Number(options['think-ms']);

const now = () => performance.timeOrigin + performance.now();
const log = (...parts) => console.error(`[${(performance.now() / 1000).toFixed(1)}s]`, ...parts);
const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Runs `work` over `items`, at most `limit` at a time. */
async function inBatches(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  }));
  return results;
}

const silo = options.url ? null : await startSilo({
  name: 'load-quiz',
  settings: manyUsersSettings,
});
const url = options.url ?? silo.url;
process.env.PLATFORM_E2E_URL = url;

const answerLatencies = [];
const questionSeen = new Map(); // `${gameId}/${index}` → receive times
let accepted = 0;
let refused = 0;
let failed = 0;
let ended = 0;
let allEnded;
const everyoneEnded = new Promise(resolve => { allEnded = resolve; });

try {
  const total = games * playersPerGame;
  log(`registering ${total} players`);
  const sessions = await inBatches(Array.from({ length: total }, (_, i) => i), 16, async () => {
    const username = uniqueName('p');
    return call('POST', '/api/auth/register', { body: { email: `${username}@example.test`, username, password: 'correct horse battery' } });
  });

  log(`connecting ${total} hub clients`);
  const connections = await inBatches(sessions, 50, async session => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(url + hubPath, { accessTokenFactory: () => session.accessToken, transport: signalR.HttpTransportType.WebSockets })
      .configureLogging(signalR.LogLevel.Error)
      .build();
    connection.on('question', question => {
      const key = `${question.gameId}/${question.index}`;
      if (!questionSeen.has(key)) questionSeen.set(key, []);
      questionSeen.get(key).push(now());
      setTimeout(async () => {
        const started = now();
        try {
          const reply = await connection.invoke('SubmitAnswer', question.gameId, question.index, Math.floor(Math.random() * question.options.length));
          answerLatencies.push(now() - started);
          if (reply.accepted) accepted++; else refused++;
        } catch {
          failed++;
        }
      }, Math.random() * thinkMs);
    });
    connection.on('gameEnded', () => { if (++ended === total) allEnded(); });
    await connection.start();
    return connection;
  });

  log(`opening ${games} lobbies`);
  const lobbies = await inBatches(Array.from({ length: games }, (_, g) => g), 16, async g => {
    const players = connections.slice(g * playersPerGame, (g + 1) * playersPerGame);
    const host = sessions[g * playersPerGame];
    const lobby = await call('POST', '/api/lobbies', {
      token: host.accessToken,
      body: { name: `load ${g}`, maxPlayers: playersPerGame, questionCount, secondsPerQuestion: seconds, isPrivate: true },
    });
    for (const player of players) await player.invoke('JoinLobby', lobby.code);
    for (const player of players) await player.invoke('SetReady', lobby.code, true);
    return { code: lobby.code, host: players[0] };
  });

  log(`starting ${games} games at once: ${questionCount} questions of ${seconds} s, answers after 0–${thinkMs} ms`);
  const started = now();
  await Promise.all(lobbies.map(lobby => lobby.host.invoke('StartGame', lobby.code)));
  await Promise.race([
    everyoneEnded,
    new Promise((_, fail) => setTimeout(() => fail(new Error(`games still running after ${questionCount * (seconds + 10) + 60} s`)), (questionCount * (seconds + 10) + 60) * 1000)),
  ]);
  log(`all games ended after ${((now() - started) / 1000).toFixed(1)} s`);
  await inBatches(connections, 100, connection => connection.stop());

  const spreads = [...questionSeen.values()].filter(times => times.length === playersPerGame).map(times => Math.max(...times) - Math.min(...times));
  const incomplete = [...questionSeen.values()].filter(times => times.length !== playersPerGame).length;
  const stored = silo ? Number(queryScalar(silo.connectionString, 'SELECT count(*) FROM game_answers')) : NaN;

  console.log(`\n${games} games of ${playersPerGame} players at once, ${questionCount} questions of ${seconds} s each; answers after a random 0–${thinkMs} ms.\n`);
  console.log('| figure | p50 | p99 | max | count |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| SubmitAnswer → reply | ${percentile(answerLatencies, 50).toFixed(1)} ms | ${percentile(answerLatencies, 99).toFixed(1)} ms | ${Math.max(...answerLatencies).toFixed(1)} ms | ${answerLatencies.length} |`);
  console.log(`| question spread, first to last player | ${percentile(spreads, 50).toFixed(1)} ms | ${percentile(spreads, 99).toFixed(1)} ms | ${Math.max(...spreads).toFixed(1)} ms | ${spreads.length} |`);
  console.log(`\nanswers accepted ${accepted}, refused as late ${refused}, failed ${failed}; stored in game_answers ${stored}; questions not seen by every player ${incomplete}`);
  console.log(`no answer lost: ${stored === accepted ? 'yes' : 'NO'}; goals: answer p99 < 50 ms ${percentile(answerLatencies, 99) < 50 ? 'met' : 'NOT met'}, spread p99 < 100 ms ${percentile(spreads, 99) < 100 ? 'met' : 'NOT met'}`);
  process.exitCode = stored === accepted && failed === 0 ? 0 : 1;
} finally {
  await silo?.stop();
}
