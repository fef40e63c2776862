// A café's people to meet: who is here with poking on (by shared interests, with a Poke button each), and
// one's own interests and poke switch. What became of a poke shows in its person's row.
import { api } from '../api.js';
import { checkbox, field, h, replace } from '../dom.js';
import { describe, showError } from '../errors.js';
import { on } from '../hub.js';
import { session } from '../session.js';
import { actionForm } from './auth.js';

export const dmHref = channelId => `#/dm/${encodeURIComponent(channelId)}`;

const PRESENCE_RELOAD_MS = 3_000;

/** The "People here" card of a café; `load()` asks again at once, `loadSoon()` a little later (when presence changes). */
export function peoplePanel(cafeId) {
  const list = h('ul', { class: 'list people', 'aria-label': 'People here' }, h('li', { class: 'muted' }, 'Looking around…'));
  // userId → { status: 'pending'|'matched'|'failed', interest?, channelId?, text?, at }: what became of a poke, from
  // the server's lists or, newer than the last answer of those, from this page (a poke sent, a match announced).
  let outcomes = new Map();
  let people = [];
  let loading = null;
  let again = false;
  let disposed = false;

  const element = h('details', { class: 'card', open: true },
    h('summary', {}, 'People here'),
    h('p', { class: 'hint' }, 'People in this café who like being poked, most shared interests first. A poke tells them only what you share.'),
    list,
    h('button', { type: 'button', class: 'link', onclick: () => load() }, 'Refresh'));

  // One request at a time; asked again meanwhile, it asks once more after.
  function load() {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      try {
        do {
          again = false;
          const startedAt = Date.now();
          const query = `/api/matching/discover?cafeId=${encodeURIComponent(cafeId)}`;
          const [found, sent, channels] = await Promise.all([api('GET', query),
            api('GET', '/api/pokes/sent').catch(() => []), api('GET', '/api/dm/channels').catch(() => [])]);
          if (disposed) return;
          rememberOutcomes(sent ?? [], channels ?? [], startedAt);
          people = found ?? [];
          render();
        } while (again && !disposed);
      } catch (error) {
        if (!disposed) replace(list, h('li', { class: 'muted' }, `People could not be loaded: ${describe(error)}`));
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  // Pokes still waiting and matches made earlier, so a row offers what fits (never a second poke).
  function rememberOutcomes(sent, channels, startedAt) {
    const known = new Map();
    for (const poke of [...sent].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      if (poke.status === 'pending') known.set(poke.toUserId, { status: 'pending', interest: poke.sharedInterest });
      else if (poke.status === 'matched') known.set(poke.toUserId, { status: 'matched', channelId: poke.channelId });
      else known.delete(poke.toUserId);
    }
    for (const channel of channels) known.set(channel.otherUser.userId, { status: 'matched', channelId: channel.id });
    for (const [userId, outcome] of outcomes) if (outcome.at >= startedAt) known.set(userId, outcome);
    outcomes = known;
  }

  // Presence changes as often as once a second in a busy café: the list follows it at most every few seconds.
  let soon = null;
  function loadSoon() {
    soon ??= setTimeout(() => { soon = null; if (!disposed) load(); }, PRESENCE_RELOAD_MS);
  }

  function render() {
    replace(list, people.length ? people.map(row) : h('li', { class: 'muted' }, 'Nobody here to poke right now.'));
  }

  function row(person) {
    const outcome = outcomes.get(person.userId);
    const interest = person.sharedInterests?.[0];
    const action = outcome?.status === 'matched'
      ? h('a', { class: 'button secondary', href: dmHref(outcome.channelId), 'aria-label': `Message ${person.username}` }, 'Message')
      : h('button', { type: 'button', class: 'secondary', disabled: !interest || outcome?.status === 'pending',
        'aria-label': `Poke ${person.username}`, onclick: () => poke(person, interest) }, outcome?.status === 'pending' ? 'Poked' : 'Poke');
    return h('li', { class: 'person', dataset: { userId: person.userId } },
      h('div', { class: 'row spread' },
        h('span', {}, h('strong', {}, person.username), h('span', { class: 'muted' }, ` · score ${person.score}`)), action),
      person.sharedInterests?.length
        ? h('ul', { class: 'chips', 'aria-label': `Shared with ${person.username}` }, person.sharedInterests.map(shared => h('li', { class: 'chip' }, shared)))
        : h('p', { class: 'hint' }, 'No shared interests yet.'),
      h('p', { class: outcome?.status === 'failed' ? 'poke-status field-error' : 'poke-status', 'aria-live': 'polite' }, outcomeText(outcome)));
  }

  function outcomeText(outcome) {
    if (!outcome) return '';
    if (outcome.status === 'pending') return `Poked over “${outcome.interest}”: waiting for an answer.`;
    if (outcome.status === 'matched') return 'You matched: say hello!';
    return outcome.text;
  }

  function update(userId) {
    const old = list.querySelector(`[data-user-id="${CSS.escape(userId)}"]`);
    const person = people.find(candidate => candidate.userId === userId);
    if (!old || !person) return;
    const hadFocus = old.contains(document.activeElement);
    const next = row(person);
    old.replaceWith(next);
    if (hadFocus) next.querySelector('a, button')?.focus();
  }

  async function poke(person, interest) {
    try {
      const result = await api('POST', '/api/pokes/send', { toUserId: person.userId, sharedInterest: interest });
      outcomes.set(person.userId, result.status === 'matched'
        ? { status: 'matched', channelId: result.channelId, at: Date.now() }
        : { status: 'pending', interest, at: Date.now() });
    } catch (error) {
      outcomes.set(person.userId, { status: 'failed', text: `Not sent: ${describe(error)}`, at: Date.now() });
    }
    update(person.userId);
  }

  // Interests change without an event: a poke or a match is a good moment to ask again.
  const stops = [
    on('pokeMatched', event => {
      outcomes.set(event.matchedUser.userId, { status: 'matched', channelId: event.channelId, at: Date.now() });
      update(event.matchedUser.userId);
      load();
    }),
    on('pokeReceived', () => load()),
  ];

  return { element, load, loadSoon, dispose: () => { disposed = true; clearTimeout(soon); for (const stop of stops) stop(); } };
}

/** One's interests (comma separated) and whether people may poke one; `onSaved` runs after a change. */
export function matchingSettings(onSaved) {
  const user = session.user;
  const saved = h('p', { class: 'hint', role: 'status' });
  const form = actionForm({}, [
    field('Interests', { name: 'interests', autocomplete: 'off', maxlength: 400, value: (user.interests ?? []).join(', '),
      placeholder: 'chess, jazz, hiking' }, 'Comma separated: up to 10, each up to 32 characters'),
    h('button', { type: 'submit', class: 'secondary' }, 'Save interests'),
  ], async values => {
    const interests = (values.interests ?? '').split(',').map(interest => interest.trim()).filter(Boolean);
    const next = await api('PUT', '/api/users/me/interests', { interests });
    session.setUser(next);
    form.elements.interests.value = next.interests.join(', ');
    saved.textContent = next.interests.length ? `Saved: ${next.interests.join(', ')}.` : 'Saved: no interests.';
    onSaved?.();
  });

  const toggle = checkbox('Let people here poke me', { name: 'pokeEnabled', checked: user.pokeEnabled !== false });
  const box = toggle.querySelector('input');
  box.addEventListener('change', async () => {
    const enabled = box.checked;
    box.disabled = true;
    try {
      session.setUser(await api('PUT', '/api/users/me/poke-enabled', { enabled }));
      saved.textContent = enabled ? 'People here can poke you.' : 'Nobody can poke you now.';
      onSaved?.();
    } catch (error) {
      box.checked = !enabled;
      showError(error);
    } finally {
      box.disabled = false;
    }
  });

  return h('details', { class: 'card settings', open: !(user.interests?.length) },
    h('summary', {}, 'Your interests and pokes'), form, toggle, saved);
}
