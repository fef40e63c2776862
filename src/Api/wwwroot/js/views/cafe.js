// A café room: who is online, the messages, the send box, who is typing, the topics, the people to poke and
// the pokes received (people.js, pokes.js), and for the owner, a way to let a guest in. Everything live comes
// from hub events; the room is joined again after a reconnect.
import { api } from '../api.js';
import { field, formatTime, h, replace, submitOnEnter } from '../dom.js';
import { describe, showError, showNotice } from '../errors.js';
import { invoke, on, onReconnected } from '../hub.js';
import { session } from '../session.js';
import { actionForm } from './auth.js';
import { matchingSettings, peoplePanel } from './people.js';
import { pokesPanel } from './pokes.js';
import { rememberCafe } from './recent.js';

const TYPING_EVERY_MS = 3_000; // how often StartTyping is sent while typing
const TYPING_SHOWN_MS = 5_000; // how long someone counts as typing after their last typing event
const HISTORY_PAGE = 50;

export function cafeView(root, { params, navigate }) {
  const cafeId = params.id;
  const me = session.user;
  const seen = new Set(); // message ids shown, so a rejoin does not show them twice
  const typing = new Map(); // userId → { username, until }
  let cafe = null;
  let typingSupported = true;
  let lastTypingSent = 0;
  let disposed = false;

  const title = h('h1', { id: 'cafe-title' }, 'Café');
  const subtitle = h('p', { class: 'muted' });
  const state = h('p', { class: 'muted', 'aria-live': 'polite' }, 'Joining…');
  const messages = h('ol', { class: 'messages', 'aria-label': 'Messages', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const typingLine = h('p', { class: 'typing', 'aria-live': 'polite' });
  const older = h('button', { type: 'button', class: 'link older', hidden: true, onclick: () => loadOlder() }, 'Show older messages');
  const online = h('ul', { class: 'list people', 'aria-label': 'Online now' });
  const onlineCount = h('span', { class: 'count' });
  const topics = h('ul', { class: 'chips', 'aria-label': 'Topics' }, h('li', { class: 'muted' }, 'No topics yet.'));
  const owner = h('div');
  const people = peoplePanel(cafeId);
  const pokes = pokesPanel();

  const input = h('textarea', { id: 'message-input', name: 'content', rows: 2, maxlength: 1000, required: true, disabled: true,
    'aria-describedby': 'message-help', placeholder: 'Say something…' });
  const send = h('button', { type: 'submit', class: 'primary', disabled: true }, 'Send');
  const sendForm = h('form', { class: 'send', 'aria-label': 'Send a message' },
    h('label', { for: 'message-input', class: 'visually-hidden' }, 'Message'), input, send,
    h('small', { id: 'message-help', class: 'hint' }, 'Enter sends, Shift+Enter starts a new line.'));

  sendForm.addEventListener('submit', async event => {
    event.preventDefault();
    const content = input.value.trim();
    if (!content) return;
    send.disabled = true;
    try {
      const message = await invoke('SendMessage', cafeId, content);
      input.value = '';
      showMessage(message); // the event may come first or after; it is shown once
      if (message.warning) showNotice(`Sent, but: ${message.warning}`, 'info');
    } catch (error) {
      showError(error);
    } finally {
      send.disabled = false;
      input.focus();
    }
  });
  submitOnEnter(input, sendForm);
  input.addEventListener('input', () => {
    const now = Date.now();
    if (!typingSupported || now - lastTypingSent < TYPING_EVERY_MS || !input.value.trim()) return;
    lastTypingSent = now;
    invoke('StartTyping', cafeId).catch(error => {
      // Not offered by this server yet: stop asking, quietly.
      if (error.code === 'not_found' || error.code === 'validation_failed') typingSupported = false;
    });
  });

  const room = h('div', { class: 'room' },
      h('section', { class: 'card chat', 'aria-labelledby': 'cafe-title' }, older, messages, typingLine, sendForm),
      h('aside', { class: 'side' },
        pokes.element,
        people.element,
        matchingSettings(() => people.load()),
        h('details', { class: 'card', open: true }, h('summary', {}, 'Online ', onlineCount), online),
        h('details', { class: 'card', open: true }, h('summary', {}, 'Topics'), topics),
        owner));
  root.append(h('section', { class: 'card room-head' }, h('a', { href: '#/', class: 'back' }, '← Back'), title, subtitle, state), room);

  function messageItem(message) {
    const mine = message.userId === me.id;
    const canDelete = mine || cafe?.ownerId === me.id;
    return h('li', { class: mine ? 'message mine' : 'message', dataset: { id: message.id } },
      h('div', { class: 'meta' }, h('strong', {}, message.username), ' ', h('time', { datetime: message.createdAt }, formatTime(message.createdAt)),
        canDelete ? h('button', { type: 'button', class: 'link delete', 'aria-label': `Delete message from ${formatTime(message.createdAt)}`,
          onclick: () => deleteMessage(message.id) }, 'Delete') : null),
      h('p', { class: 'content' }, message.content));
  }

  function showMessage(message) {
    if (message.cafeId !== cafeId || seen.has(message.id)) return;
    seen.add(message.id);
    typing.delete(message.userId);
    renderTyping();
    const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
    messages.append(messageItem(message));
    if (atBottom || message.userId === me.id) messages.scrollTop = messages.scrollHeight;
  }

  async function deleteMessage(id) {
    try {
      await api('DELETE', `/api/chat/messages/${encodeURIComponent(id)}`);
      removeMessage(id);
    } catch (error) {
      showError(error);
    }
  }

  function removeMessage(id) {
    messages.querySelector(`[data-id="${CSS.escape(id)}"]`)?.remove();
  }

  // History before the oldest message shown, newest first from the server; kept in place while reading.
  async function loadOlder() {
    const oldest = messages.querySelector('.message')?.dataset.id;
    older.disabled = true;
    try {
      const page = await api('GET', `/api/chat/messages/${encodeURIComponent(cafeId)}?limit=${HISTORY_PAGE}${oldest ? `&before=${encodeURIComponent(oldest)}` : ''}`);
      const height = messages.scrollHeight;
      for (const message of page) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        messages.prepend(messageItem(message));
      }
      messages.scrollTop += messages.scrollHeight - height;
      older.hidden = page.length < HISTORY_PAGE;
    } catch (error) {
      showError(error);
    } finally {
      older.disabled = false;
    }
  }

  function showOnline(list) {
    onlineCount.textContent = `(${list.length})`;
    const owning = cafe?.ownerId === me.id;
    replace(online, list.length
      ? list.map(person => h('li', { class: 'row spread' },
        h('span', {}, person.username, person.userId === me.id ? h('span', { class: 'muted' }, ' (you)') : null),
        owning && person.userId !== me.id ? muteControls(person) : null))
      : h('li', { class: 'muted' }, 'Nobody else is here.'));
  }

  // The owner's mutes: an hour's quiet, or lifted again.
  function muteControls(person) {
    const act = async (method, path, body, done) => {
      try {
        await api(method, path, body);
        showNotice(done, 'info');
      } catch (error) {
        showError(error);
      }
    };
    const base = `/api/cafes/${encodeURIComponent(cafeId)}/mutes`;
    return h('span', { class: 'row' },
      h('button', { type: 'button', class: 'link', 'aria-label': `Mute ${person.username} for an hour`,
        onclick: () => act('POST', base, { userId: person.userId, minutes: 60 }, `${person.username} is muted for an hour.`) }, 'Mute'),
      h('button', { type: 'button', class: 'link', 'aria-label': `Unmute ${person.username}`,
        onclick: () => act('DELETE', `${base}/${encodeURIComponent(person.userId)}`, undefined, `${person.username} may write again.`) }, 'Unmute'));
  }

  function renderTyping() {
    const now = Date.now();
    for (const [userId, entry] of typing) if (entry.until <= now) typing.delete(userId);
    const names = [...typing.values()].map(entry => entry.username);
    typingLine.textContent = names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.join(', ')} are typing…`;
  }

  function showTopics(list) {
    replace(topics, list.length
      ? list.map(topic => h('li', { class: 'chip' }, topic.word, h('span', { class: 'count' }, ` ${topic.count}`)))
      : h('li', { class: 'muted' }, 'No topics yet.'));
  }

  function showOwnerTools() {
    if (!cafe || cafe.ownerId !== me.id) return;
    const grant = h('div', { 'aria-live': 'polite' });
    const form = actionForm({ 'aria-labelledby': 'guest-title' }, [
      field('Receipt number', { name: 'receiptId', autocomplete: 'off', required: true, maxlength: 64 }, 'One guest pass per receipt'),
      h('button', { type: 'submit', class: 'primary' }, 'Make a guest pass'),
    ], async values => {
      const pass = await api('POST', '/api/auth/barista/generate-username', { cafeId, receiptId: values.receiptId });
      const link = `${location.origin}${location.pathname}#/join?cafe=${encodeURIComponent(cafeId)}&username=${encodeURIComponent(pass.username)}&token=${encodeURIComponent(pass.joinToken)}`;
      replace(grant, h('dl', { class: 'pass' },
        h('dt', {}, 'Guest name'), h('dd', {}, pass.username),
        h('dt', {}, 'Join token'), h('dd', { class: 'code' }, pass.joinToken),
        h('dt', {}, 'Café id'), h('dd', { class: 'code' }, cafeId),
        h('dt', {}, 'Valid until'), h('dd', {}, formatTime(pass.expiresAt))),
      h('p', {}, h('a', { href: link }, 'Join link for the guest')));
    });
    replace(owner, h('details', { class: 'card' }, h('summary', { id: 'guest-title' }, 'Let a guest in'), form, grant));
  }

  async function join() {
    try {
      const room = await invoke('JoinCafe', cafeId);
      if (disposed) return;
      cafe = room.cafe;
      rememberCafe(cafe);
      title.textContent = cafe.name;
      subtitle.textContent = cafe.address ?? '';
      state.textContent = '';
      room.hidden = false;
      for (const message of room.recent ?? []) showMessage(message);
      // The room hands over the latest page; only a full one can have older messages behind it.
      older.hidden = (room.recent?.length ?? 0) < HISTORY_PAGE;
      showOnline(room.online ?? []);
      showOwnerTools();
      people.load();
      // Topics come as events when they change; until then, what they are now (absent on older servers: no matter).
      api('GET', `/api/chat/topics/${encodeURIComponent(cafeId)}`).then(list => { if (!disposed && Array.isArray(list)) showTopics(list); }, () => {});
      input.disabled = false;
      send.disabled = false;
      messages.scrollTop = messages.scrollHeight;
    } catch (error) {
      input.disabled = true;
      send.disabled = true;
      state.textContent = error.code === 'not_found' ? 'There is no such café.' : `Could not join: ${describe(error)}`;
      room.hidden = !cafe; // nothing to show of a room never joined
      if (error.code === 'forbidden' && me.cafeId && me.cafeId !== cafeId) navigate(`/cafe/${me.cafeId}`);
    }
  }

  const stops = [
    on('chatMessage', showMessage),
    on('messageDeleted', event => { if (event.cafeId === cafeId) removeMessage(event.messageId); }),
    on('presence', event => {
      if (event.cafeId !== cafeId) return;
      showOnline(event.online ?? []);
      people.loadSoon();
    }),
    on('typing', event => {
      if (event.cafeId !== cafeId || event.userId === me.id) return;
      typing.set(event.userId, { username: event.username, until: Date.now() + TYPING_SHOWN_MS });
      renderTyping();
    }),
    on('topics', event => { if (event.cafeId === cafeId) showTopics(event.topics ?? []); }),
    onReconnected(join),
  ];
  const typingTimer = setInterval(renderTyping, 1_000);
  join();

  return () => {
    disposed = true;
    clearInterval(typingTimer);
    for (const stop of stops) stop();
    people.dispose();
    pokes.dispose();
    if (cafe) invoke('LeaveCafe', cafeId).catch(() => {});
  };
}
