// Two people in a café over the real hub: what one does reaches the other as an event; bad calls and
// bad tokens get the contract's errors.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import * as signalR from '@microsoft/signalr';
import { baseUrl, call, createCafe, joinAsGuest, registerMember, resignToken } from './lib/api.mjs';
import { connect, failsWith, hubPath, nextEvent, stopAll } from './lib/hub.mjs';

const opened = [];
after(() => stopAll(...opened));
const open = async (session, options) => { const connection = await connect(session, options); opened.push(connection); return connection; };

describe('café chat through the hub', () => {
  test('a member and a guest who joined on the café Wi-Fi see each other’s messages as chatMessage events', async () => {
    const owner = await registerMember('owner');
    const wifiSsid = 'cafe-wifi';
    const cafe = await createCafe(owner, { wifiSsid });
    const guest = await joinAsGuest(owner, cafe.id, wifiSsid);
    assert.equal(guest.user.kind, 'guest');
    assert.equal(guest.user.cafeId, cafe.id);

    const [ownerHub, guestHub] = await Promise.all([open(owner), open(guest)]);
    await ownerHub.invoke('JoinCafe', cafe.id);
    const guestArrives = nextEvent(ownerHub, 'presence', p => p.online.some(u => u.userId === guest.user.id));
    const room = await guestHub.invoke('JoinCafe', cafe.id);
    assert.equal(room.cafe.id, cafe.id);
    assert.ok(room.online.some(u => u.userId === owner.user.id), 'the guest sees the owner online');
    await guestArrives;

    const toGuest = nextEvent(guestHub, 'chatMessage', m => m.content === 'hello');
    const sent = await ownerHub.invoke('SendMessage', cafe.id, 'hello');
    const received = await toGuest;
    assert.deepEqual(received, sent);
    assert.equal(received.cafeId, cafe.id);
    assert.equal(received.userId, owner.user.id);
    assert.equal(received.username, owner.user.username);

    const toOwner = nextEvent(ownerHub, 'chatMessage', m => m.userId === guest.user.id);
    await guestHub.invoke('SendMessage', cafe.id, '  hi there  ');
    assert.equal((await toOwner).content, 'hi there');
  });

  test('a member who leaves the café is gone from the others’ presence list', async () => {
    const [owner, visitor] = await Promise.all([registerMember('owner'), registerMember('visitor')]);
    const cafe = await createCafe(owner);
    const [ownerHub, visitorHub] = await Promise.all([open(owner), open(visitor)]);
    await ownerHub.invoke('JoinCafe', cafe.id);
    const arrived = nextEvent(ownerHub, 'presence', p => p.online.some(u => u.userId === visitor.user.id));
    await visitorHub.invoke('JoinCafe', cafe.id);
    await arrived;

    const left = nextEvent(ownerHub, 'presence', p => !p.online.some(u => u.userId === visitor.user.id));
    await visitorHub.invoke('LeaveCafe', cafe.id);
    const presence = await left;
    assert.equal(presence.cafeId, cafe.id);
    assert.deepEqual(presence.online.map(u => u.userId), [owner.user.id]);
  });

  test('typing and a deleted message reach the other member as typing and messageDeleted events', async () => {
    const [owner, visitor] = await Promise.all([registerMember('owner'), registerMember('visitor')]);
    const cafe = await createCafe(owner);
    const [ownerHub, visitorHub] = await Promise.all([open(owner), open(visitor)]);
    await Promise.all([ownerHub.invoke('JoinCafe', cafe.id), visitorHub.invoke('JoinCafe', cafe.id)]);

    const typing = nextEvent(ownerHub, 'typing', t => t.userId === visitor.user.id);
    await visitorHub.invoke('StartTyping', cafe.id);
    assert.deepEqual(await typing, { cafeId: cafe.id, userId: visitor.user.id, username: visitor.user.username });

    const message = await visitorHub.invoke('SendMessage', cafe.id, 'soon gone');
    const deleted = nextEvent(ownerHub, 'messageDeleted', d => d.messageId === message.id);
    await call('DELETE', `/api/chat/messages/${message.id}`, { token: visitor.accessToken });
    assert.equal((await deleted).cafeId, cafe.id);
  });

  test('joining a café that does not exist answers not_found', async () => {
    const member = await registerMember();
    const hub = await open(member);
    await assert.rejects(hub.invoke('JoinCafe', randomUUID()), failsWith('not_found'));
  });

  test('a guest cannot join another café than the one it was let into', async () => {
    const owner = await registerMember('owner');
    const [cafe, other] = [await createCafe(owner, { wifiSsid: 'here' }), await createCafe(owner)];
    const guest = await joinAsGuest(owner, cafe.id, 'here');
    const hub = await open(guest);
    await assert.rejects(hub.invoke('JoinCafe', other.id), failsWith('forbidden'));
  });
});

describe('bad input over the hub', () => {
  test('hub calls with arguments of the wrong types answer validation_failed and the connection stays usable', async () => {
    const owner = await registerMember('owner');
    const cafe = await createCafe(owner);
    const hub = await open(owner);

    const refused = failsWith('validation_failed');
    await assert.rejects(hub.invoke('JoinCafe', 'not-a-guid'), refused);
    await assert.rejects(hub.invoke('JoinCafe', 42), refused);
    await assert.rejects(hub.invoke('SendMessage', cafe.id, { content: 'hello' }), refused);
    await assert.rejects(hub.invoke('SendMessage', cafe.id), refused); // a missing argument
    await assert.rejects(hub.invoke('SendMessage', cafe.id, null), refused);

    assert.equal(hub.state, signalR.HubConnectionState.Connected);
    await hub.invoke('JoinCafe', cafe.id);
    const message = await hub.invoke('SendMessage', cafe.id, 'still here');
    assert.equal(message.content, 'still here');
  });

  test('an empty or oversized message answers validation_failed', async () => {
    const owner = await registerMember('owner');
    const cafe = await createCafe(owner);
    const hub = await open(owner);
    await hub.invoke('JoinCafe', cafe.id);
    const refused = failsWith('validation_failed');
    await assert.rejects(hub.invoke('SendMessage', cafe.id, '   '), refused);
    await assert.rejects(hub.invoke('SendMessage', cafe.id, 'x'.repeat(1001)), refused);
  });

  test('an unknown hub method answers not_found', async () => {
    const hub = await open(await registerMember());
    await assert.rejects(hub.invoke('NoSuchMethod', 1), failsWith('not_found'));
  });
});

describe('tokens at connect', () => {
  // What the server says to the negotiate request the client sends first.
  const negotiate = token => fetch(`${baseUrl()}${hubPath}/negotiate?negotiateVersion=1`, {
    method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const refusedAtConnect = async (accessToken, code) => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(baseUrl() + hubPath, { accessTokenFactory: () => accessToken })
      .configureLogging(signalR.LogLevel.None)
      .build();
    // The client fails at negotiate, and its error carries the status and the server's problem details.
    await assert.rejects(connection.start(), error =>
      error.message.includes("Status code '401'") && error.message.includes(`"code":"${code}"`));
    assert.equal(connection.state, signalR.HubConnectionState.Disconnected);

    const response = await negotiate(accessToken);
    assert.equal(response.status, 401);
    assert.equal((await response.json()).code, code);
  };

  test('a garbage token is refused with unauthorized', async () => {
    await refusedAtConnect('not.a.token', 'unauthorized');
  });

  test('no token is refused with unauthorized', async () => {
    await refusedAtConnect('', 'unauthorized');
  });

  test('an expired token is refused with expired, and the same token still fresh is let in', async () => {
    const member = await registerMember();
    const hour = 3600;
    const expired = resignToken(member.accessToken, claims => ({
      ...claims, iat: claims.iat - hour, nbf: claims.nbf - hour, exp: Math.floor(Date.now() / 1000) - 60,
    }));
    await refusedAtConnect(expired, 'expired');

    const fresh = resignToken(member.accessToken, claims => claims);
    const hub = await open({ accessToken: fresh });
    assert.equal(hub.state, signalR.HubConnectionState.Connected);
  });

  test('a token whose signature was tampered with is refused with unauthorized', async () => {
    const member = await registerMember();
    const [header, payload, signature] = member.accessToken.split('.');
    const flipped = signature[0] === 'A' ? 'B' + signature.slice(1) : 'A' + signature.slice(1);
    await refusedAtConnect(`${header}.${payload}.${flipped}`, 'unauthorized');
  });

  test('a token of a session that logged out is refused', async () => {
    const member = await registerMember();
    await call('POST', '/api/auth/logout', { token: member.accessToken, body: { refreshToken: member.refreshToken } });
    await refusedAtConnect(member.accessToken, 'unauthorized');
  });
});
