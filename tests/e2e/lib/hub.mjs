// Hub clients with the official @microsoft/signalr client, and events awaited with a deadline.
import * as signalR from '@microsoft/signalr';
import { baseUrl } from './api.mjs';

export const hubPath = '/hubs/platform';

/** A started connection for the session's access token. */
export async function connect(session, { logLevel = signalR.LogLevel.Error, url = baseUrl() } = {}) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url + hubPath, { accessTokenFactory: () => session.accessToken, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(logLevel)
    .build();
  await connection.start();
  return connection;
}

/**
 * Resolves with the first `name` event whose argument satisfies `accept`, or rejects after `timeoutMs`.
 * Call it before the action that causes the event, then await it.
 */
export function nextEvent(connection, name, accept = () => true, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const handler = (payload) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      connection.off(name, handler);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      connection.off(name, handler);
      reject(new Error(`no '${name}' event within ${timeoutMs} ms`));
    }, timeoutMs);
    connection.on(name, handler);
  });
}

export async function stopAll(...connections) {
  await Promise.all(connections.filter(Boolean).map(connection => connection.stop()));
}

/**
 * The contract's `code: detail` of a failed invocation. SignalR prefixes a HubException's message with
 * "An unexpected error occurred invoking 'M' on the server. HubException: ", so clients read what follows.
 */
export function hubError(error) {
  const text = String(error?.message ?? error);
  const at = text.indexOf('HubException: ');
  const message = at >= 0 ? text.slice(at + 'HubException: '.length) : text;
  const match = /^([a-z_]+): ?([\s\S]*)$/.exec(message);
  return match ? { code: match[1], detail: match[2], message } : { code: undefined, detail: message, message };
}

/** An assert.rejects check: the invocation failed with this error code. */
export const failsWith = code => error => {
  const { code: actual, message } = hubError(error);
  if (actual !== code) throw new Error(`expected a '${code}' hub error, got: ${message}`);
  return true;
};
