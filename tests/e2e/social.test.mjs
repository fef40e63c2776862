// Two guests of one café over the real hub: they chat, one pokes the other, the poke back makes a match, and
// the direct-message channel it opens carries their messages to both.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { call, createCafe, joinAsGuest, registerMember } from './lib/api.mjs';
import { connect, nextEvent, stopAll } from './lib/hub.mjs';

const opened = [];
after(() => stopAll(...opened));
const open = async (session) => { const connection = await connect(session); opened.push(connection); return connection; };

describe('café guests meet', () => {
  test('two guests chat, poke, match and write to each other in their DM channel', async () => {
    const owner = await registerMember('owner');
    const wifiSsid = 'meet-wifi';
    const cafe = await createCafe(owner, { wifiSsid });
    const ada = await joinAsGuest(owner, cafe.id, wifiSsid);
    const bo = await joinAsGuest(owner, cafe.id, wifiSsid);
    for (const guest of [ada, bo]) {
      await call('PUT', '/api/users/me/interests', { token: guest.accessToken, body: { interests: ['Chess', 'jazz'] } });
    }
    const [adaHub, boHub] = await Promise.all([open(ada), open(bo)]);
    await adaHub.invoke('JoinCafe', cafe.id);
    await boHub.invoke('JoinCafe', cafe.id);

    const chat = nextEvent(boHub, 'chatMessage', m => m.userId === ada.user.id);
    await adaHub.invoke('SendMessage', cafe.id, 'anyone up for chess?');
    assert.equal((await chat).content, 'anyone up for chess?');

    const discovered = await call('GET', `/api/matching/discover?cafeId=${cafe.id}`, { token: ada.accessToken });
    const match = discovered.find(person => person.userId === bo.user.id);
    assert.ok(match, 'Bo is in the café with poking on');
    assert.deepEqual([...match.sharedInterests].sort(), ['chess', 'jazz']);

    const poked = nextEvent(boHub, 'pokeReceived');
    const sent = await call('POST', '/api/pokes/send', { token: ada.accessToken, body: { toUserId: bo.user.id, sharedInterest: 'chess' } });
    assert.equal(sent.status, 'pending');
    const received = await poked;
    assert.equal(received.pokeId, sent.pokeId);
    assert.ok(!JSON.stringify(received).includes(ada.user.id), 'the poke does not name its sender');

    const adaMatched = nextEvent(adaHub, 'pokeMatched');
    const boMatched = nextEvent(boHub, 'pokeMatched');
    const back = await call('POST', '/api/pokes/respond', { token: bo.accessToken, body: { pokeId: sent.pokeId, action: 'accept' } });
    assert.equal(back.status, 'matched');
    assert.equal((await adaMatched).matchedUser.userId, bo.user.id);
    assert.equal((await boMatched).channelId, back.channelId);

    const dm = nextEvent(boHub, 'dmMessage', m => m.channelId === back.channelId);
    await call('POST', `/api/dm/${back.channelId}/messages`, { token: ada.accessToken, body: { content: 'good game?' } });
    assert.equal((await dm).content, 'good game?');
    const channels = await call('GET', '/api/dm/channels', { token: bo.accessToken });
    assert.deepEqual(channels.map(c => c.id), [back.channelId]);
    assert.equal(channels[0].otherUser.userId, ada.user.id);
  });
});
