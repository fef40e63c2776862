// A three-player quiz over the real hub, with a player who drops out mid-game and comes back to the question
// that is open.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { call, registerMember } from './lib/api.mjs';
import { connect, nextEvent, stopAll } from './lib/hub.mjs';

const opened = [];
after(() => stopAll(...opened));
const open = async (session) => { const connection = await connect(session); opened.push(connection); return connection; };

describe('a quiz game', () => {
  test('three players play two questions; one drops and returns to the open question; the board names the winner', async () => {
    const players = await Promise.all(['host', 'ann', 'ben'].map(name => registerMember(name)));
    const [host, ann, ben] = players;
    const lobby = await call('POST', '/api/lobbies', {
      token: host.accessToken, body: { name: 'e2e quiz', maxPlayers: 3, questionCount: 2, secondsPerQuestion: 20, category: 'science', isPrivate: true },
    });
    const hubs = await Promise.all(players.map(open));
    for (const hub of hubs) await hub.invoke('JoinLobby', lobby.code);
    const everyoneReady = nextEvent(hubs[0], 'lobbyUpdated', l => l.players.length === 3 && l.players.every(p => p.isReady));
    for (const hub of hubs) await hub.invoke('SetReady', lobby.code, true);
    await everyoneReady;

    const firstQuestion = hubs.map(hub => nextEvent(hub, 'question', q => q.index === 0));
    const { gameId } = await hubs[0].invoke('StartGame', lobby.code);
    const [shown] = await Promise.all(firstQuestion);
    assert.equal(shown.gameId, gameId);
    assert.equal(shown.correctIndex, undefined, 'the question keeps its answer');

    // Ben drops out, then comes back while the question is still open.
    await hubs[2].stop();
    const benAgain = await open(ben);
    const reshown = nextEvent(benAgain, 'question', q => q.index === 0);
    const rejoined = await benAgain.invoke('JoinLobby', lobby.code);
    assert.equal(rejoined.status, 'playing');
    assert.equal((await reshown).deadline, shown.deadline);
    const live = [hubs[0], hubs[1], benAgain];

    const ended = nextEvent(hubs[0], 'questionEnded', e => e.index === 0);
    const answers = await Promise.all(live.map((hub, i) => hub.invoke('SubmitAnswer', gameId, 0, i % shown.options.length)));
    assert.ok(answers.every(answer => answer.accepted));
    const firstEnd = await ended;
    assert.equal(firstEnd.leaderboard.length, 3);
    const duplicate = await live[0].invoke('SubmitAnswer', gameId, 0, 0);
    assert.equal(duplicate.accepted, false);

    const second = await nextEvent(hubs[1], 'question', q => q.index === 1, 15_000);
    const gameOver = nextEvent(benAgain, 'gameEnded', e => e.gameId === gameId, 15_000);
    await Promise.all(live.map(hub => hub.invoke('SubmitAnswer', gameId, 1, 0)));
    const final = await gameOver;
    assert.equal(final.leaderboard.length, 3);
    assert.equal(final.winnerId, final.leaderboard[0].userId);
    assert.ok(final.leaderboard[0].score >= final.leaderboard[2].score);
    assert.equal(second.gameId, gameId);

    const results = await call('GET', `/api/games/${gameId}`, { token: ann.accessToken });
    assert.equal(results.status, 'finished');
  });
});
