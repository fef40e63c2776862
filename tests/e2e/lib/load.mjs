// What the load programs share: the silo settings for many sign-ups, their hub clients and how they open many.
import * as signalR from '@microsoft/signalr';
import { hubPath } from './hub.mjs';

/** Settings for a silo the load program starts: registering hundreds of users is not what is measured. */
export const manyUsersSettings = {
  Platform__PasswordHasher__IterationCount: '1000',
  Platform__Api__AuthRequestsPerMinutePerAddress: '1000000',
  Platform__Api__AuthRequestsPerMinutePerUser: '1000000',
};

/**
 * A started hub connection for one load client: WebSockets straight away, and a long server timeout, so that a
 * machine busy with the load does not drop clients mid-run. `events` are handlers by event name, attached before
 * the connection starts.
 */
export async function openLoadClient(url, accessToken, events = {}) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url + hubPath, { accessTokenFactory: () => accessToken, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  for (const [name, handler] of Object.entries(events)) connection.on(name, handler);
  await connection.start();
  return connection;
}

/** Runs `work` over `items` in batches of `size`, one batch after the other; the results in order. */
export async function inBatches(items, size, work) {
  const results = [];
  for (let start = 0; start < items.length; start += size) results.push(...await Promise.all(items.slice(start, start + size).map(work)));
  return results;
}
