// The quiz: open lobbies, making one, and a lobby (players and their ready states, then the game:
// questions with a countdown, each question's results, the final board). Lives on hub events.
import { api } from '../api.js';
import { append, checkbox, field, h, replace } from '../dom.js';
import { describe, showError } from '../errors.js';
import { invoke, on, onReconnected } from '../hub.js';
import { session } from '../session.js';
import { actionForm } from './auth.js';

const notOpenYet = 'Quiz lobbies are not open on this server yet.';

export function lobbiesView(root, { navigate }) {
  const list = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading lobbies…'));

  const byCode = actionForm({ 'aria-label': 'Join a lobby by its code' }, [
    field('Lobby code', { name: 'code', autocomplete: 'off', required: true, maxlength: 6, autocapitalize: 'characters' }),
    h('button', { type: 'submit', class: 'primary' }, 'Join'),
  ], async values => navigate(`/quiz/${encodeURIComponent((values.code ?? '').toUpperCase())}`));

  const create = actionForm({ 'aria-labelledby': 'new-lobby-title' }, [
    field('Name', { name: 'name', required: true, maxlength: 60 }),
    h('div', { class: 'grid2' },
      field('Players (1–8)', { name: 'maxPlayers', type: 'number', min: 1, max: 8, value: '4', required: true }),
      field('Questions (1–50)', { name: 'questionCount', type: 'number', min: 1, max: 50, value: '10', required: true })),
    h('div', { class: 'grid2' },
      field('Seconds per question (5–120)', { name: 'secondsPerQuestion', type: 'number', min: 5, max: 120, value: '20', required: true }),
      field('Category', { name: 'category', maxlength: 40 }, 'Leave empty for any')),
    checkbox('Private (only people with the code can join)', { name: 'isPrivate' }),
    h('button', { type: 'submit', class: 'primary' }, 'Create lobby'),
  ], async values => {
    const lobby = await api('POST', '/api/lobbies', values);
    navigate(`/quiz/${encodeURIComponent(lobby.code)}`);
  });

  root.append(
    h('section', { class: 'card' }, h('a', { href: '#/', class: 'back' }, '← Back'), h('h1', {}, 'Quiz lobbies'), list, byCode),
    h('details', { class: 'card' }, h('summary', { id: 'new-lobby-title' }, 'Make a lobby'), create));

  api('GET', '/api/lobbies').then(lobbies => {
    replace(list, lobbies?.length
      ? h('ul', { class: 'list', 'aria-label': 'Open lobbies' }, lobbies.map(lobby => h('li', { class: 'row spread' },
        h('span', {}, h('strong', {}, lobby.name),
          h('span', { class: 'muted' }, ` ${lobby.playerCount ?? lobby.players?.length ?? 0}/${lobby.maxPlayers ?? lobby.settings?.maxPlayers ?? '?'}`,
            lobby.category ? ` · ${lobby.category}` : '', lobby.hostName ? ` · host ${lobby.hostName}` : '', ` · ${lobby.code}`)),
        h('a', { class: 'button secondary', href: `#/quiz/${encodeURIComponent(lobby.code)}`, 'aria-label': `Join ${lobby.name}` }, 'Join'))))
      : h('p', { class: 'muted' }, 'No open lobbies right now: make one.'));
  }, error => replace(list, h('p', { class: 'muted' }, error.code === 'not_found' ? notOpenYet : `Lobbies could not be loaded: ${describe(error)}`)));
}

export function lobbyView(root, { params }) {
  const code = params.code.toUpperCase();
  const me = session.user;
  let lobby = null;
  let game = null; // { gameId, questionCount, question, answer, ended }
  let countdown = null;
  let disposed = false;

  const title = h('h1', {}, `Lobby ${code}`);
  const status = h('p', { class: 'muted', 'aria-live': 'polite' }, 'Joining…');
  const players = h('ul', { class: 'list players', 'aria-label': 'Players' });
  const controls = h('div', { class: 'row' });
  const stage = h('section', { class: 'card stage', 'aria-live': 'polite', hidden: true });

  root.append(
    h('section', { class: 'card' }, h('a', { href: '#/quiz', class: 'back' }, '← Lobbies'), title, status),
    stage,
    h('section', { class: 'card' }, h('h2', {}, 'Players'), players, controls));

  function renderLobby() {
    if (!lobby) return;
    title.textContent = `${lobby.name} · ${lobby.code}`;
    status.textContent = { waiting: 'Waiting for players to get ready.', playing: 'Game in progress.', finished: 'Game over.' }[lobby.status] ?? '';
    const mine = lobby.players?.find(player => player.userId === me.id);
    replace(players, (lobby.players ?? []).map(player => h('li', { class: 'row spread' },
      h('span', {}, player.username, player.isHost ? h('span', { class: 'badge' }, 'host') : null),
      h('span', { class: player.isReady ? 'ready' : 'muted' }, player.isReady ? '✓ Ready' : 'Not ready'))));

    const everyoneReady = (lobby.players ?? []).every(player => player.isReady);
    replace(controls,
      lobby.status === 'waiting' && mine
        ? h('button', { type: 'button', class: mine.isReady ? 'secondary' : 'primary', 'aria-pressed': String(mine.isReady),
          onclick: () => call('SetReady', code, !mine.isReady) }, mine.isReady ? 'Not ready' : "I'm ready")
        : null,
      lobby.status === 'waiting' && mine?.isHost
        ? h('button', { type: 'button', class: 'primary', disabled: !everyoneReady, onclick: () => call('StartGame', code) },
          everyoneReady ? 'Start game' : 'Start game (waiting for everyone)')
        : null);
  }

  async function call(method, ...args) {
    try {
      return await invoke(method, ...args);
    } catch (error) {
      showError(error);
      return undefined;
    }
  }

  function showQuestion(question) {
    game = { ...(game ?? {}), gameId: question.gameId, question, answer: null };
    clearInterval(countdown);
    const left = h('span', { class: 'countdown', role: 'timer', 'aria-label': 'Seconds left' });
    const result = h('p', { 'aria-live': 'polite' });
    const options = h('div', { class: 'options', role: 'group', 'aria-label': 'Answers' }, question.options.map((option, index) =>
      h('button', { type: 'button', class: 'option', dataset: { index }, onclick: () => answer(index, options, result) }, option)));
    replace(stage,
      h('p', { class: 'muted' }, `Question ${question.index + 1}${game.questionCount ? ` of ${game.questionCount}` : ''} `, left),
      h('h2', {}, question.text), options, result);
    stage.hidden = false;
    const deadline = new Date(question.deadline).getTime();
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      left.textContent = `${seconds} s`;
      if (seconds === 0) {
        clearInterval(countdown);
        for (const button of options.children) button.disabled = true;
      }
    };
    tick();
    countdown = setInterval(tick, 250);
  }

  async function answer(optionIndex, options, result) {
    for (const button of options.children) button.disabled = true;
    options.children[optionIndex].classList.add('chosen');
    options.children[optionIndex].append(h('span', { class: 'mark' }, '· your answer'));
    const answered = await call('SubmitAnswer', game.gameId, game.question.index, optionIndex);
    if (!answered) return;
    result.textContent = !answered.accepted ? 'Too late for this one.'
      : answered.correct ? `Correct! +${answered.points} (total ${answered.totalScore})` : `Not quite. Total ${answered.totalScore}.`;
  }

  function board(leaderboard, caption) {
    return h('table', { class: 'board' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Player'), h('th', { scope: 'col' }, 'Score'),
        h('th', { scope: 'col' }, 'Correct'), h('th', { scope: 'col' }, 'Streak'))),
      h('tbody', {}, (leaderboard ?? []).map((entry, place) => h('tr', { class: entry.userId === me.id ? 'mine' : null },
        h('td', {}, place + 1), h('th', { scope: 'row' }, entry.username), h('td', {}, entry.score), h('td', {}, entry.correctAnswers), h('td', {}, entry.streak)))));
  }

  const mineOnly = event => event?.lobbyCode === undefined || event.lobbyCode === code;
  const stops = [
    on('lobbyUpdated', next => { if (next.code === code) { lobby = next; renderLobby(); } }),
    on('gameStarted', event => {
      if (!mineOnly(event)) return;
      game = { gameId: event.gameId, questionCount: event.questionCount };
      replace(stage, h('h2', {}, 'Get ready…'), h('p', {}, `${event.questionCount} questions.`));
      stage.hidden = false;
    }),
    on('question', question => { if (!game?.gameId || question.gameId === game.gameId) showQuestion(question); }),
    on('questionEnded', event => {
      if (game?.gameId !== event.gameId) return;
      clearInterval(countdown);
      for (const button of stage.querySelectorAll('.option')) {
        button.disabled = true;
        if (Number(button.dataset.index) === event.correctIndex) {
          button.classList.add('correct');
          button.append(h('span', { class: 'mark' }, '✓ correct'));
        }
      }
      const countdownText = stage.querySelector('.countdown');
      if (countdownText) countdownText.textContent = 'time is up';
      const more = !game.questionCount || event.index + 1 < game.questionCount;
      append(stage, [board(event.leaderboard, `After question ${event.index + 1}`),
        more ? h('p', { class: 'muted' }, 'The next question starts in 5 seconds.') : null]);
    }),
    on('gameEnded', event => {
      if (game?.gameId !== event.gameId) return;
      clearInterval(countdown);
      const winner = event.leaderboard?.find(entry => entry.userId === event.winnerId);
      // Below the last question's results, which stay readable.
      const final = h('section', { class: 'final', 'aria-labelledby': 'final-title' },
        h('h2', { id: 'final-title', tabindex: '-1' }, 'Final board'), h('p', {}, winner ? `${winner.username} wins!` : 'No winner.'),
        board(event.leaderboard, 'Final scores'));
      stage.append(final);
      stage.hidden = false;
      final.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }),
    onReconnected(join),
  ];

  async function join() {
    try {
      lobby = await invoke('JoinLobby', code);
      if (disposed) return;
      // Back in a game that is on: the server sends the current question again.
      if (lobby.gameId && game?.gameId !== lobby.gameId) game = { gameId: lobby.gameId };
      renderLobby();
    } catch (error) {
      status.textContent = error.code === 'not_found' ? `There is no lobby ${code} to join (${error.detail}).` : `Could not join: ${describe(error)}`;
    }
  }
  join();

  return () => {
    disposed = true;
    clearInterval(countdown);
    for (const stop of stops) stop();
    if (lobby) invoke('LeaveLobby', code).catch(() => {});
  };
}
