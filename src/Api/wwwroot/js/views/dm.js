// Direct messages: the channels matches opened (#/dm), and one channel (#/dm/<id>): its messages, oldest at the
// top, a send box, and one's own messages to delete. New messages come as dmMessage events, to both members, and
// deletions as dmMessageDeleted.
import { api } from '../api.js';
import { formatTime, h, replace, submitOnEnter } from '../dom.js';
import { clearFormErrors, describe, showError, showFormError } from '../errors.js';
import { on, onReconnected } from '../hub.js';
import { session } from '../session.js';
import { dmHref } from './people.js';

const PAGE = 50;
const MAX_LENGTH = 2000;

/** A time today, or a date and time before. */
function when(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (date.toDateString() === new Date().toDateString()) return formatTime(iso);
  return date.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function dmView(root, { params }) {
  const channelId = params.id ?? null;
  const me = session.user;
  const seen = new Set(); // message ids shown, so an event and a page of history show a message once
  const unread = new Set(); // other channels that got a message while this page is open
  let channels = null;
  let disposed = false;

  const title = h('h1', { id: 'chat-title' }, 'Conversation');
  const state = h('p', { class: 'muted', 'aria-live': 'polite' }, 'Loading…');
  const channelList = h('ul', { class: 'list channels', 'aria-label': 'Conversations' }, h('li', { class: 'muted' }, 'Loading…'));
  const listCard = h('section', { class: 'card', 'aria-labelledby': 'channels-title' },
    channelId ? null : h('a', { href: '#/', class: 'back' }, '← Back'),
    h(channelId ? 'h2' : 'h1', { id: 'channels-title' }, channelId ? 'All conversations' : 'Messages'),
    channelList);

  async function loadChannels() {
    try {
      const list = await api('GET', '/api/dm/channels');
      if (disposed) return;
      channels = list ?? [];
      renderChannels();
    } catch (error) {
      if (!disposed) replace(channelList, h('li', { class: 'muted' }, `Conversations could not be loaded: ${describe(error)}`));
    }
  }

  function renderChannels() {
    const sorted = [...channels].sort((a, b) => (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? ''));
    replace(channelList, sorted.length
      ? sorted.map(channel => h('li', { class: 'row spread' },
        h('a', { href: dmHref(channel.id), 'aria-current': channel.id === channelId ? 'page' : null },
          channel.otherUser.username, unread.has(channel.id) ? h('span', { class: 'badge' }, 'new') : null),
        h('span', { class: 'muted' }, channel.lastMessageAt ? when(channel.lastMessageAt) : 'no messages yet')))
      : h('li', { class: 'muted' }, 'No conversations yet. Poke someone in a café who shares your interests: a match opens one.'));
    const current = channels.find(channel => channel.id === channelId);
    if (current) title.textContent = `Chat with ${current.otherUser.username}`;
  }

  // A message arrived: its channel moves to the top, and is marked when it is not the one open.
  function touchChannel(message) {
    const channel = channels?.find(candidate => candidate.id === message.channelId);
    if (!channel) return loadChannels(); // a channel this page has not seen yet
    channel.lastMessageAt = message.createdAt;
    if (message.channelId !== channelId && message.userId !== me.id) unread.add(message.channelId);
    renderChannels();
    return undefined;
  }

  const older = h('button', { type: 'button', class: 'link older', hidden: true, onclick: () => loadOlder() }, 'Show older messages');
  const messages = h('ol', { class: 'messages', 'aria-label': 'Messages', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-busy': 'true' });
  const input = h('textarea', { id: 'dm-input', name: 'content', rows: 2, maxlength: MAX_LENGTH, required: true, disabled: true,
    'aria-describedby': 'dm-help dm-input-error', placeholder: 'Write a message…' });
  const send = h('button', { type: 'submit', class: 'primary', disabled: true }, 'Send');
  const form = h('form', { class: 'send', 'aria-label': 'Send a message', novalidate: true },
    h('label', { for: 'dm-input', class: 'visually-hidden' }, 'Message'), input, send,
    h('small', { id: 'dm-help', class: 'hint' }, `Enter sends, Shift+Enter starts a new line. Up to ${MAX_LENGTH} characters.`),
    h('small', { id: 'dm-input-error', class: 'field-error', 'data-error-for': 'content' }),
    h('p', { class: 'form-error', role: 'alert', hidden: true }));

  const chat = h('section', { class: 'card chat', 'aria-labelledby': 'chat-title' }, older, messages, form);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const content = input.value.trim();
    if (!content) return;
    clearFormErrors(form);
    send.disabled = true;
    try {
      const message = await api('POST', `/api/dm/${encodeURIComponent(channelId)}/messages`, { content });
      input.value = '';
      showMessage(message, true); // the event may come first or after; it is shown once
    } catch (error) {
      showFormError(form, error);
    } finally {
      send.disabled = false;
      input.focus();
    }
  });
  submitOnEnter(input, form);

  function messageItem(message) {
    const mine = message.userId === me.id;
    return h('li', { class: mine ? 'message mine' : 'message', dataset: { id: message.id, at: message.createdAt } },
      h('div', { class: 'meta' }, h('strong', {}, mine ? 'You' : message.username), ' ', h('time', { datetime: message.createdAt }, when(message.createdAt)),
        mine ? h('button', { type: 'button', class: 'link delete', 'aria-label': `Delete your message from ${when(message.createdAt)}`,
          onclick: () => deleteMessage(message.id) }, 'Delete') : null),
      h('p', { class: 'content' }, message.content));
  }

  // In time order wherever it lands: a live message can arrive while the history is still loading.
  function showMessage(message, scroll = false) {
    if (message.channelId !== channelId || seen.has(message.id)) return;
    seen.add(message.id);
    const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
    const at = Date.parse(message.createdAt);
    const later = [...messages.children].find(item => Date.parse(item.dataset.at) > at);
    messages.insertBefore(messageItem(message), later ?? null);
    if (!later && (atBottom || scroll || message.userId === me.id)) messages.scrollTop = messages.scrollHeight;
  }

  async function deleteMessage(id) {
    try {
      await api('DELETE', `/api/dm/messages/${encodeURIComponent(id)}`);
      messages.querySelector(`[data-id="${CSS.escape(id)}"]`)?.remove();
    } catch (error) {
      showError(error);
    }
  }

  async function loadLatest() {
    try {
      const page = await api('GET', `/api/dm/${encodeURIComponent(channelId)}/messages?limit=${PAGE}`);
      if (disposed) return;
      for (const message of [...(page ?? [])].reverse()) showMessage(message);
      older.hidden = (page?.length ?? 0) < PAGE;
      state.textContent = '';
      input.disabled = false;
      send.disabled = false;
      messages.scrollTop = messages.scrollHeight;
      unread.delete(channelId);
    } catch (error) {
      if (disposed) return;
      state.textContent = error.code === 'not_found' ? `There is no such conversation (${error.code}).` : `Could not load it: ${describe(error)}`;
      chat.hidden = error.code === 'not_found'; // nothing to write in
    } finally {
      messages.setAttribute('aria-busy', 'false');
    }
  }

  // History before the oldest message shown, newest first from the server; kept in place while reading.
  async function loadOlder() {
    const oldest = messages.querySelector('.message')?.dataset.id;
    older.disabled = true;
    try {
      const page = await api('GET', `/api/dm/${encodeURIComponent(channelId)}/messages?limit=${PAGE}${oldest ? `&before=${encodeURIComponent(oldest)}` : ''}`);
      const height = messages.scrollHeight;
      for (const message of page ?? []) showMessage(message);
      messages.scrollTop += messages.scrollHeight - height;
      older.hidden = (page?.length ?? 0) < PAGE;
    } catch (error) {
      showError(error);
    } finally {
      older.disabled = false;
    }
  }

  if (channelId) {
    root.append(
      h('section', { class: 'card room-head' }, h('a', { href: '#/dm', class: 'back' }, '← All messages'), title, state),
      h('div', { class: 'room' },
        chat,
        h('aside', { class: 'side' }, listCard)));
  } else {
    root.append(listCard);
  }

  const stops = [
    on('dmMessage', message => {
      showMessage(message);
      touchChannel(message);
    }),
    on('dmMessageDeleted', deleted => {
      if (deleted.channelId === channelId) messages.querySelector(`[data-id="${CSS.escape(deleted.messageId)}"]`)?.remove();
    }),
    on('pokeMatched', () => loadChannels()),
    onReconnected(() => {
      loadChannels();
      if (channelId) loadLatest();
    }),
  ];
  loadChannels();
  if (channelId) loadLatest();

  return () => {
    disposed = true;
    for (const stop of stops) stop();
  };
}
