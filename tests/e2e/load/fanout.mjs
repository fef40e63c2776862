// Hub fan-out load program: N clients of the official SignalR client in this one process, and one event
// fanned out to all of them by two paths, in the same run:
//   grain  SendMessage → café grain (message stored) → grain observer on the API node → SignalR group
//   plain  LoadTestBroadcast → SignalR group directly (no grain; the server offers it only with
//          Platform__Api__EnableLoadTestHub=true)
// Each round sends a burst of messages on each path, alternating, and waits for every delivery: deliveries per
// second and their ratio, over all rounds together (a burst of a second or two: long enough to measure the sustained
// rate rather than how fast each path gets going), and the CPU time per delivery of the silo and of the clients
// (this process). Then each path sends messages at a steady pace the server keeps up with: latency
// without queueing. Latency is send to delivery (the sender's timestamp is in the payload; one process, one clock).
//
//   ./platform load [--clients 1000] [--messages 200] [--rounds 7] [--paced 30] [--interval-ms 200] [--users 4] [--senders 4]
//                   [--url http://host:port] [--setting Platform__Section__Key=value ...]
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { call, createCafe, registerMember } from '../lib/api.mjs';
import { inBatches, openLoadClient } from '../lib/load.mjs';
import { startSilo } from '../lib/silo.mjs';

const { values: options } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    messages: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '7' },
    paced: { type: 'string', default: '30' },
    'interval-ms': { type: 'string', default: '200' },
    users: { type: 'string', default: '4' },
    senders: { type: 'string', default: '4' },
    batch: { type: 'string', default: '50' },
    timeout: { type: 'string', default: '120' },
    url: { type: 'string' },
    setting: { type: 'string', multiple: true, default: [] },
  },
});
const clientCount = Number(options.clients);
const messageCount = Number(options.messages);
const rounds = Number(options.rounds);
const senderCount = Math.max(1, Number(options.senders));
const userCount = Math.max(1, Math.min(Number(options.users), clientCount), senderCount);
const batch = Number(options.batch);
const pacedCount = Number(options.paced);
const intervalMs = Number(options['interval-ms']);
const timeoutMs = Number(options.timeout) * 1000;

const now = () => performance.timeOrigin + performance.now(); // ms, the same clock for sender and receivers
const log = (...parts) => console.error(`[${(performance.now() / 1000).toFixed(1)}s]`, ...parts);

/** One burst being measured: which deliveries are expected, when each arrived and how late. */
class Burst {
  constructor(tag, expected) {
    this.tag = tag;
    this.expected = expected;
    this.received = 0;
    this.latencies = new Float64Array(expected);
    this.firstSend = 0;
    this.lastDelivery = 0;
    this.done = new Promise(resolve => { this.finish = resolve; });
  }

  deliver(sentAt, at) {
    if (this.received >= this.expected) return;
    this.latencies[this.received++] = at - sentAt;
    this.lastDelivery = at;
    if (this.received === this.expected) this.finish();
  }
}

let current = null; // the burst whose deliveries are being counted

// Content: "load <tag> <seq> <sentAt>", the same text on both paths.
function onChatMessage(message) {
  const at = now();
  const content = typeof message === 'string' ? message : message?.content;
  if (typeof content !== 'string' || !content.startsWith('load ')) return;
  const [, tag, , sentAt] = content.split(' ');
  if (current && tag === current.tag) current.deliver(Number(sentAt), at);
}

/** CPU milliseconds the silo process has used so far (Linux), or NaN when it is not ours or not readable. */
function siloCpuMs(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!pid || !existsSync(stat)) return NaN;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime and stime, in ticks of 10 ms
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  let silo = null;
  let url = options.url;
  if (!url) {
    const settings = {
      Platform__Api__EnableLoadTestHub: 'true',
      Platform__Cafes__MessagesPerMinute: '10000', // one sender's bursts, far above a person's 30 a minute
      Logging__LogLevel__Default: 'Warning',
    };
    for (const pair of options.setting) {
      const at = pair.indexOf('=');
      settings[pair.slice(0, at)] = pair.slice(at + 1);
    }
    log('starting a silo with the load-test hub methods on');
    silo = await startSilo({ name: 'load', settings });
    url = silo.url;
  }
  process.env.PLATFORM_E2E_URL = url;

  const connections = [];
  try {
    log(`registering ${userCount} users and a café`);
    // Connections are spread over a few users (a user may have many connections); each is a receiver all the same.
    const users = await Promise.all(Array.from({ length: userCount }, () => registerMember('load')));
    const owner = users[0];
    const cafe = await createCafe(owner, { name: 'Load Café' });
    const group = `fanout-${randomUUID()}`;

    log(`connecting ${clientCount} receivers and ${senderCount} sender(s)`);
    const started = performance.now();
    const receivers = await inBatches([...Array(clientCount).keys()], batch, i => openLoadClient(url, users[i % users.length].accessToken));
    connections.push(...receivers);
    // Senders are other users' connections: as in a café, several people talk at once. One connection's calls
    // run one at a time on the server, so one sender alone would measure its own round trips.
    const senders = await Promise.all(users.slice(0, senderCount).map(user => openLoadClient(url, user.accessToken)));
    connections.push(...senders);
    log(`connected in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const receiver of receivers) receiver.on('chatMessage', onChatMessage);

    log('receivers join the café (grain path) and the plain group');
    await inBatches(receivers, batch, receiver => receiver.invoke('JoinCafe', cafe.id));
    await inBatches(receivers, batch, receiver => receiver.invoke('LoadTestJoinGroup', group));
    for (const sender of senders) {
      await sender.invoke('JoinCafe', cafe.id);
      await sender.invoke('LoadTestJoinGroup', group); // senders are in both audiences, as on the café path
    }

    const paths = {
      grain: (seq, content) => senders[seq % senderCount].invoke('SendMessage', cafe.id, content),
      // The same shape and size as a stored message, sent straight to the group.
      plain: (seq, content) => {
        const user = users[seq % senderCount].user;
        return senders[seq % senderCount].invoke('LoadTestBroadcast', group, {
          id: randomUUID(), cafeId: cafe.id, userId: user.id, username: user.username, content, createdAt: new Date().toISOString(),
        });
      },
    };

    // Sends `count` messages, all at once (spacing 0) or one every `spacing` ms, and waits for every delivery.
    const runBurst = async (path, tag, count, spacing = 0) => {
      const burst = new Burst(tag, count * clientCount);
      current = burst;
      const cpuBefore = siloCpuMs(silo?.pid);
      const nodeBefore = process.cpuUsage();
      burst.firstSend = now();
      const sends = [];
      for (let seq = 0; seq < count; seq++) {
        if (spacing > 0 && seq > 0) await new Promise(resolve => setTimeout(resolve, burst.firstSend + seq * spacing - now()));
        sends.push(paths[path](seq, `load ${tag} ${seq} ${now().toFixed(3)}`));
      }
      await Promise.all(sends);
      burst.sendsDone = now();
      const timer = setTimeout(() => burst.finish(), timeoutMs);
      await burst.done;
      clearTimeout(timer);
      current = null;
      burst.siloCpuMs = siloCpuMs(silo?.pid) - cpuBefore;
      const nodeUsed = process.cpuUsage(nodeBefore);
      burst.nodeCpuMs = Math.round((nodeUsed.user + nodeUsed.system) / 1000);
      return burst;
    };

    // Warm-up on both paths, a full burst each, not counted: the JIT's optimised code (tiering waits until the
    // methods have run for a while), connection buffers, the café's subscription; and the presence traffic of the
    // joins has drained once a message sent after it has reached everyone. With bursts of 5 messages instead, the
    // first rounds ran cold code on both paths and the ratio followed which path went first.
    log('warming up');
    for (const path of Object.keys(paths)) await runBurst(path, `warm-${path}`, messageCount);

    const results = { grain: [], plain: [] };
    for (let round = 1; round <= rounds; round++) {
      // Alternate which path goes first, so neither always runs on a warmer or a busier machine.
      const order = round % 2 === 1 ? ['grain', 'plain'] : ['plain', 'grain'];
      for (const path of order) {
        const burst = await runBurst(path, `${path}-${round}`, messageCount);
        const seconds = (burst.lastDelivery - burst.firstSend) / 1000;
        results[path].push({ burst, seconds, rate: burst.received / seconds });
        log(`round ${round} ${path}: ${burst.received}/${burst.expected} deliveries in ${seconds.toFixed(3)} s = ${Math.round(burst.received / seconds)}/s; ` +
          `the senders' calls all answered after ${((burst.sendsDone - burst.firstSend) / 1000).toFixed(3)} s; silo CPU ${burst.siloCpuMs} ms, clients' CPU ${burst.nodeCpuMs} ms`);
      }
    }
    const paced = {};
    for (const path of ['grain', 'plain']) {
      paced[path] = await runBurst(path, `paced-${path}`, pacedCount, intervalMs);
      log(`paced ${path}: ${paced[path].received}/${paced[path].expected} deliveries`);
    }
    report(results, paced);
  } finally {
    await Promise.allSettled(connections.map(connection => connection.stop()));
    await silo?.stop();
  }
}

function sortedLatencies(bursts) {
  return Float64Array.from(bursts.flatMap(burst => Array.from(burst.latencies.subarray(0, burst.received)))).sort();
}

function report(results, paced) {
  const rows = {};
  for (const [path, runs] of Object.entries(results)) {
    const latencies = sortedLatencies(runs.map(run => run.burst));
    const steady = sortedLatencies([paced[path]]);
    const bursts = [...runs.map(run => run.burst), paced[path]];
    const expected = bursts.reduce((sum, burst) => sum + burst.expected, 0);
    const received = bursts.reduce((sum, burst) => sum + burst.received, 0);
    const deliveries = runs.reduce((sum, run) => sum + run.burst.received, 0);
    rows[path] = {
      rate: deliveries / runs.reduce((sum, run) => sum + run.seconds, 0),
      cpuPerThousand: runs.reduce((sum, run) => sum + run.burst.siloCpuMs, 0) / (deliveries / 1000),
      clientsCpuPerThousand: runs.reduce((sum, run) => sum + run.burst.nodeCpuMs, 0) / (deliveries / 1000),
      answered: median(runs.map(run => (run.burst.sendsDone - run.burst.firstSend) / 1000)), p50: percentile(latencies, 50), p99: percentile(latencies, 99),
      steadyP50: percentile(steady, 50), steadyP99: percentile(steady, 99), received, expected,
    };
  }
  // Each round runs both paths back to back, on the same machine load; the rounds' own ratios show how much a
  // single round can be trusted on a shared machine.
  const paired = results.grain.map((run, i) => run.rate / results.plain[i].rate);
  const ratio = rows.grain.rate / rows.plain.rate;
  const describe = { grain: 'grain: SendMessage → café grain → observer → group', plain: 'plain: LoadTestBroadcast → group' };
  console.log();
  const ms = value => `${value.toFixed(1)} ms`;
  console.log(`Fan-out to ${clientCount} clients from ${senderCount} sender(s). Bursts: ${rounds} rounds of ${messageCount} messages at once per path ` +
    `(${(messageCount * clientCount).toLocaleString('en-US')} deliveries each). Steady: ${pacedCount} messages, one every ${intervalMs} ms.`);
  console.log();
  console.log('| path | burst deliveries/s | senders\' calls answered (median) | silo CPU per 1,000 deliveries | clients\' CPU per 1,000 | burst p50 | burst p99 | steady p50 | steady p99 | delivered |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const path of ['grain', 'plain']) {
    const row = rows[path];
    console.log(`| ${describe[path]} | ${Math.round(row.rate).toLocaleString('en-US')} | ${row.answered.toFixed(2)} s | ` +
      `${Number.isNaN(row.cpuPerThousand) ? '–' : ms(row.cpuPerThousand)} | ${ms(row.clientsCpuPerThousand)} | ${ms(row.p50)} | ${ms(row.p99)} | ` +
      `${ms(row.steadyP50)} | ${ms(row.steadyP99)} | ${row.received.toLocaleString('en-US')}/${row.expected.toLocaleString('en-US')} |`);
  }
  console.log();
  console.log(`grain / plain deliveries per second, all rounds: ${ratio.toFixed(2)}× (goal ≥ 0.70×: ${ratio >= 0.7 ? 'met' : 'not met'}); ` +
    `single rounds: median ${median(paired).toFixed(2)}×, in order ${paired.map(r => r.toFixed(2)).join(', ')}`);
  if (rows.grain.received < rows.grain.expected || rows.plain.received < rows.plain.expected) {
    console.log('some deliveries never arrived within the timeout');
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
