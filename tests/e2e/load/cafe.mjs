// Café load program: one café with N connected members (the official SignalR client, all in this process),
// messages sent into it at rising rates by its members, against a silo process it starts. For each rate it
// reports the messages accepted per second, the deliveries per second (every member receives every message,
// its sender too) and the send-to-delivery latency; at the end it counts the café's rows in PostgreSQL, which
// must equal the messages the server accepted.
//
//   ./platform load cafe [--members 200] [--rates 25,50,100,150,200] [--step-seconds 10] [--url http://host:port]
//
// Messages are sent on a schedule (message k of a step at start + k / rate), not after the previous reply, so a
// slow server shows as latency rather than as a lower offered rate. Senders take turns over all the members;
// the per-user rate limit is lifted, since 200 people in one café do not each write 30 messages a minute.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCafe, registerMember } from '../lib/api.mjs';
import { inBatches, manyUsersSettings, openLoadClient } from '../lib/load.mjs';
import { queryScalar, startSilo } from '../lib/silo.mjs';

const { values: options } = parseArgs({
  options: {
    members: { type: 'string', default: '200' },
    rates: { type: 'string', default: '25,50,100,150,200' },
    'step-seconds': { type: 'string', default: '10' },
    'drain-seconds': { type: 'string', default: '30' },
    url: { type: 'string' },
  },
});
const memberCount = Number(options.members);
const rates = options.rates.split(',').map(Number);
const stepSeconds = Number(options['step-seconds']);
const drainMs = Number(options['drain-seconds']) * 1000;

const now = () => performance.timeOrigin + performance.now(); // ms; senders and receivers share this clock
const log = (...parts) => console.error(`[${(performance.now() / 1000).toFixed(1)}s]`, ...parts);
const sleep = ms => new Promise(resolve => setTimeout(resolve, Math.max(0, ms)));
const percentile = (sorted, p) => sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
// Words a café talks about, so trending topics do their real work on every message.
const words = ['espresso', 'latte', 'croissant', 'weather', 'football', 'concert', 'holiday', 'morning', 'music', 'garden'];

/** One rate's messages: what was sent and accepted, and each delivery's latency. */
class Step {
  constructor(tag, rate) {
    Object.assign(this, { tag, rate, sent: 0, accepted: 0, refused: new Map(), latencies: [], firstSend: 0, lastSend: 0, lastDelivery: 0 });
    this.drained = new Promise(resolve => { this.finish = resolve; });
  }

  get expected() { return this.accepted * memberCount; }

  deliver(sentAt, at) {
    this.latencies.push(at - sentAt);
    this.lastDelivery = at;
    if (this.repliesDone && this.latencies.length >= this.expected) this.finish();
  }
}

const steps = new Map();

function onChatMessage(message) {
  const at = now();
  const [marker, tag, , sentAt] = String(message?.content ?? '').split(' ');
  if (marker === 'load') steps.get(tag)?.deliver(Number(sentAt), at);
}

/** Sends `rate` messages a second for the step's length, each from the next member in turn, then waits for every delivery. */
async function runStep(members, cafeId, tag, rate, seconds) {
  const step = new Step(tag, rate);
  steps.set(tag, step);
  const total = Math.round(rate * seconds);
  const replies = [];
  step.firstSend = now();
  for (let seq = 0; seq < total; seq++) {
    await sleep(step.firstSend + (seq * 1000) / rate - now());
    const sender = members[(step.sent++) % members.length];
    const content = `load ${tag} ${seq} ${now().toFixed(3)} ${words[seq % words.length]} and ${words[(seq * 7 + 3) % words.length]}`;
    replies.push(sender.invoke('SendMessage', cafeId, content).then(
      () => { step.accepted++; },
      error => {
        const code = String(error?.message ?? error).replace(/^.*HubException: /, '').split(':')[0];
        step.refused.set(code, (step.refused.get(code) ?? 0) + 1);
      }));
  }
  step.lastSend = now();
  await Promise.all(replies);
  step.repliesDone = true;
  if (step.latencies.length >= step.expected) step.finish();
  const timer = setTimeout(step.finish, drainMs);
  await step.drained;
  clearTimeout(timer);
  return step;
}

function describe(step) {
  const sendSeconds = (step.lastSend - step.firstSend) / 1000;
  const deliverySeconds = (step.lastDelivery - step.firstSend) / 1000;
  const sorted = Float64Array.from(step.latencies).sort();
  return {
    offered: step.rate,
    acceptedPerSecond: step.accepted / sendSeconds,
    deliveriesPerSecond: step.latencies.length / deliverySeconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    delivered: step.latencies.length,
    expected: step.expected,
    refused: [...step.refused].map(([code, count]) => `${count} ${code}`).join(', ') || '0',
  };
}

async function main() {
  const silo = options.url ? null : await startSilo({
    name: 'load-cafe',
    settings: {
      ...manyUsersSettings,
      Platform__Cafes__MessagesPerMinute: '10000',
      Logging__LogLevel__Default: 'Warning',
    },
  });
  const url = options.url ?? silo.url;
  process.env.PLATFORM_E2E_URL = url;
  const connections = [];
  try {
    log(`registering ${memberCount} members and a café`);
    const users = await inBatches([...Array(memberCount).keys()], 16, () => registerMember('cafe'));
    const cafe = await createCafe(users[0], { name: 'Load Café' });

    log(`connecting ${memberCount} members and joining the café`);
    connections.push(...await inBatches(users, 50, user => openLoadClient(url, user.accessToken, { chatMessage: onChatMessage })));
    await inBatches(connections, 50, connection => connection.invoke('JoinCafe', cafe.id));

    log('warming up at 20 messages/s for 3 s');
    await runStep(connections, cafe.id, 'warm', 20, 3);

    const results = [];
    for (const rate of rates) {
      const step = await runStep(connections, cafe.id, `r${rate}`, rate, stepSeconds);
      results.push(describe(step));
      log(`${rate}/s: accepted ${step.accepted} of ${step.sent}, ${step.latencies.length}/${step.expected} deliveries`);
    }

    const accepted = [...steps.values()].reduce((sum, step) => sum + step.accepted, 0);
    const stored = Number(silo
      ? queryScalar(silo.connectionString, `SELECT count(*) FROM cafe_messages WHERE cafe_id = '${cafe.id}'`)
      : NaN);

    console.log(`\nOne café, ${memberCount} members connected, each receiving every message; ${stepSeconds} s per rate, senders taking turns.\n`);
    console.log('| offered msg/s | accepted msg/s | deliveries/s | p50 | p99 | max | delivered | refused |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of results) {
      console.log(`| ${row.offered} | ${row.acceptedPerSecond.toFixed(1)} | ${Math.round(row.deliveriesPerSecond).toLocaleString('en-US')} | ` +
        `${row.p50.toFixed(1)} ms | ${row.p99.toFixed(1)} ms | ${row.max.toFixed(1)} ms | ${row.delivered.toLocaleString('en-US')}/${row.expected.toLocaleString('en-US')} | ${row.refused} |`);
    }
    const atGoal = results.find(row => row.offered === 100);
    console.log(`\naccepted ${accepted} messages in all (warm-up included); stored in cafe_messages ${Number.isNaN(stored) ? 'not counted (--url)' : stored}`);
    console.log(`nothing accepted was lost: ${stored === accepted ? 'yes' : Number.isNaN(stored) ? 'not checked' : 'NO'}` +
      (atGoal ? `; goal at 100 msg/s (20,000 deliveries/s at 200 members, p99 < 100 ms): ${atGoal.acceptedPerSecond >= 99 && atGoal.p99 < 100 && atGoal.delivered === atGoal.expected ? 'met' : 'NOT met'}` : ''));
    const lost = results.some(row => row.delivered < row.expected) || (!Number.isNaN(stored) && stored !== accepted);
    process.exitCode = lost ? 1 : 0;
  } finally {
    await inBatches(connections, 100, connection => connection.stop());
    await silo?.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
