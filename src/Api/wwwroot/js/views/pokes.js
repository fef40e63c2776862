// Pokes for the signed-in user: the ones waiting for an answer (who sent them stays hidden, only the shared
// interest shows) with Accept and Decline, and the matches made while the page is open, each with its DM
// channel. New pokes and matches come as hub events; the card shows only when it has something to say.
import { api } from '../api.js';
import { h } from '../dom.js';
import { describe } from '../errors.js';
import { on, onReconnected } from '../hub.js';
import { dmHref } from './people.js';

export function pokesPanel() {
  const pending = h('ul', { class: 'list', 'aria-label': 'Pokes for you' });
  const matches = h('ul', { class: 'list', 'aria-label': 'Matches' });
  const said = h('p', { class: 'hint', role: 'status' });
  const element = h('section', { class: 'card pokes', 'aria-labelledby': 'pokes-title', hidden: true },
    h('h2', { id: 'pokes-title' }, 'Pokes'), pending, matches, said);
  let disposed = false;

  function showIfAny() {
    element.hidden = !pending.children.length && !matches.children.length && !said.textContent;
  }

  const itemOf = (list, pokeId) => list.querySelector(`[data-poke-id="${CSS.escape(pokeId)}"]`);

  function addPoke(poke) {
    if (itemOf(pending, poke.pokeId) || itemOf(matches, poke.pokeId)) return;
    const result = h('p', { class: 'field-error', 'aria-live': 'polite' });
    const buttons = [
      h('button', { type: 'button', class: 'primary', onclick: () => respond(poke, 'accept', item, buttons, result) }, 'Accept'),
      h('button', { type: 'button', class: 'secondary', onclick: () => respond(poke, 'decline', item, buttons, result) }, 'Decline'),
    ];
    const item = h('li', { class: 'poke', dataset: { pokeId: poke.pokeId } },
      h('p', {}, 'Someone who likes ', h('strong', {}, poke.sharedInterest), ' too poked you.'),
      h('div', { class: 'row' }, buttons), result);
    pending.append(item);
    showIfAny();
  }

  async function respond(poke, action, item, buttons, result) {
    for (const button of buttons) button.disabled = true;
    result.textContent = '';
    try {
      const answer = await api('POST', '/api/pokes/respond', { pokeId: poke.pokeId, action });
      item.remove();
      if (answer.status === 'matched') addMatch({ pokeId: poke.pokeId, channelId: answer.channelId });
      else said.textContent = `Declined the poke about ${poke.sharedInterest}.`;
    } catch (error) {
      result.textContent = describe(error);
      // Expired, answered already or gone: nothing left to answer.
      const over = ['gone', 'conflict', 'not_found'].includes(error.code);
      for (const button of buttons) button.disabled = over;
    }
    showIfAny();
  }

  // From the answer (no name yet) or the event (with the name), whichever comes first; one entry per poke.
  function addMatch(match) {
    itemOf(pending, match.pokeId)?.remove();
    const name = match.matchedUser?.username;
    const text = name ? `You matched with ${name}!` : 'You matched!';
    const existing = itemOf(matches, match.pokeId);
    if (existing) {
      if (name) existing.querySelector('.match-text').textContent = text;
      return;
    }
    matches.append(h('li', { class: 'row spread', dataset: { pokeId: match.pokeId } },
      h('span', { class: 'match-text' }, text),
      h('a', { class: 'button primary', href: dmHref(match.channelId) }, 'Open chat')));
    showIfAny();
  }

  async function load() {
    try {
      const list = await api('GET', '/api/pokes/pending');
      if (disposed) return;
      const open = new Set((list ?? []).map(poke => poke.pokeId));
      // Answered or expired elsewhere meanwhile: gone from here too.
      for (const item of [...pending.children]) if (!open.has(item.dataset.pokeId)) item.remove();
      for (const poke of list ?? []) addPoke(poke);
    } catch (error) {
      if (!disposed) said.textContent = `Pokes could not be loaded: ${describe(error)}`;
    }
    showIfAny();
  }

  const stops = [
    on('pokeReceived', addPoke),
    on('pokeMatched', addMatch),
    onReconnected(load),
  ];
  load();

  return { element, dispose: () => { disposed = true; for (const stop of stops) stop(); } };
}
