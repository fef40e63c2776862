// The one hub connection: started with the session's token, reconnecting by itself, and the rooms a view
// joined joined again after a reconnect. Failed invocations become HubError with the contract's code.
import { freshAccessToken, refresh, session } from './session.js';

export const HUB_PATH = '/hubs/platform';

export class HubError extends Error {
  constructor(error) {
    // SignalR sends "An unexpected error occurred invoking 'M' on the server. HubException: code: detail".
    const text = String(error?.message ?? error);
    const at = text.indexOf('HubException: ');
    const message = at >= 0 ? text.slice(at + 'HubException: '.length) : text;
    const match = /^([a-z_]+): ?([\s\S]*)$/.exec(message);
    super(match ? match[2] : message);
    this.name = 'HubError';
    this.code = match ? match[1] : 'unavailable';
    this.detail = this.message;
    const retry = /retry after (\d+)s/.exec(message);
    this.retryAfter = retry ? Number(retry[1]) : null;
  }
}

let connection = null;
let starting = null;
let retryTimer = null;
const handlers = new Map(); // event name → Set of handlers
const rejoiners = new Set(); // run after a reconnect, to join rooms again
const statusListeners = new Set();
let status = 'offline';

function setStatus(next) {
  status = next;
  for (const listener of statusListeners) listener(status);
}

/** 'offline' | 'connecting' | 'online' | 'reconnecting'; calls `listener` now and on every change. */
export function onStatus(listener) {
  statusListeners.add(listener);
  listener(status);
  return () => statusListeners.delete(listener);
}

/** Listens to a hub event; returns a function that stops listening. */
export function on(name, handler) {
  if (!handlers.has(name)) {
    handlers.set(name, new Set());
    connection?.on(name, (...args) => dispatch(name, args));
  }
  handlers.get(name).add(handler);
  return () => handlers.get(name)?.delete(handler);
}

/** Runs `rejoin` after every reconnect (the server forgets groups with the old connection). */
export function onReconnected(rejoin) {
  rejoiners.add(rejoin);
  return () => rejoiners.delete(rejoin);
}

function dispatch(name, args) {
  for (const handler of handlers.get(name) ?? []) {
    try {
      handler(...args);
    } catch (error) {
      console.error(`handler of '${name}' failed`, error);
    }
  }
}

function build() {
  const { HubConnectionBuilder, LogLevel } = globalThis.signalR;
  const built = new HubConnectionBuilder()
    .withUrl(HUB_PATH, { accessTokenFactory: () => freshAccessToken() })
    .withAutomaticReconnect([0, 2_000, 5_000, 10_000, 20_000, 30_000])
    .configureLogging(LogLevel.Warning)
    .build();
  for (const name of handlers.keys()) built.on(name, (...args) => dispatch(name, args));
  built.onreconnecting(() => setStatus('reconnecting'));
  built.onreconnected(() => {
    setStatus('online');
    for (const rejoin of rejoiners) Promise.resolve().then(rejoin).catch(error => console.warn('rejoin failed', error));
  });
  built.onclose(() => {
    setStatus('offline');
    // Automatic reconnect gave up (or the server closed us): keep trying while signed in.
    if (connection === built && session.signedIn) retryLater();
  });
  return built;
}

function retryLater(ms = 10_000) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => connect().catch(() => {}), ms);
}

/** Starts the connection if it is not up; resolves when it is connected. */
export function connect() {
  if (!session.signedIn) return Promise.reject(new HubError({ message: 'unauthorized: sign in first' }));
  if (connection?.state === 'Connected') return Promise.resolve(connection);
  if (connection?.state === 'Reconnecting') return untilOnline(30_000);
  starting ??= (async () => {
    connection ??= build();
    setStatus('connecting');
    try {
      await startOnce();
      return connection;
    } finally {
      starting = null;
    }
  })();
  return starting;
}

async function startOnce() {
  try {
    await connection.start();
  } catch (error) {
    // A refused token: refresh once and try again (the session ends if the refresh is refused too).
    if (!/Status code '401'/.test(error?.message ?? '')) return failed();
    try {
      await refresh();
      await connection.start();
    } catch {
      return failed();
    }
  }
  setStatus('online');
}

function failed() {
  setStatus('offline');
  if (session.signedIn) retryLater();
  throw new HubError({ message: 'unavailable: the live connection could not be opened; retrying' });
}

function untilOnline(timeoutMs) {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => { stop(); reject(new HubError({ message: 'unavailable: still reconnecting' })); }, timeoutMs);
    stop = onStatus(next => {
      if (next !== 'online') return;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve(connection);
    });
  });
}

/** Invokes a hub method once connected; failures throw HubError. */
export async function invoke(method, ...args) {
  const started = await connect();
  try {
    return await started.invoke(method, ...args);
  } catch (error) {
    throw new HubError(error);
  }
}

export async function disconnect() {
  clearTimeout(retryTimer);
  const closing = connection;
  connection = null;
  await closing?.stop();
  setStatus('offline');
}
