// Signed in: who you are, pokes waiting for an answer, your cafés (open one, create one), and the way to the quiz.
import { api } from '../api.js';
import { h, field } from '../dom.js';
import { session } from '../session.js';
import { actionForm } from './auth.js';
import { pokesPanel } from './pokes.js';
import { recentCafes, rememberCafe } from './recent.js';

export function homeView(root, { navigate }) {
  const user = session.user;
  const recent = recentCafes();
  const pokes = pokesPanel();

  const open = actionForm({ 'aria-labelledby': 'open-title' }, [
    field('Café id', { name: 'cafeId', autocomplete: 'off', required: true }),
    h('button', { type: 'submit', class: 'primary' }, 'Open'),
  ], async values => {
    const cafe = await api('GET', `/api/cafes/${encodeURIComponent(values.cafeId ?? '')}`);
    rememberCafe(cafe);
    navigate(`/cafe/${cafe.id}`);
  });

  const here = h('p', { class: 'hint', 'aria-live': 'polite' });
  const create = actionForm({ 'aria-labelledby': 'create-title' }, [
    field('Name', { name: 'name', required: true, maxlength: 100 }),
    field('Address', { name: 'address', required: true, maxlength: 200 }),
    field('Wi-Fi name (SSID)', { name: 'wifiSsid', required: true, maxlength: 32 }, 'Guests who join on this Wi-Fi are let in'),
    h('div', { class: 'grid2' },
      field('Latitude', { name: 'latitude', type: 'number', step: 'any', min: -90, max: 90, required: true }),
      field('Longitude', { name: 'longitude', type: 'number', step: 'any', min: -180, max: 180, required: true })),
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', onclick: fillPosition }, 'Use my location'), here),
    field('Radius (m)', { name: 'radiusMeters', type: 'number', min: 10, max: 5000, value: '100' }, 'Guests this close are let in too'),
    h('button', { type: 'submit', class: 'primary' }, 'Create café'),
  ], async values => {
    const cafe = await api('POST', '/api/cafes', values);
    rememberCafe(cafe);
    navigate(`/cafe/${cafe.id}`);
  });

  function fillPosition() {
    if (!navigator.geolocation) {
      here.textContent = 'This browser cannot tell your location.';
      return;
    }
    here.textContent = 'Finding your location…';
    navigator.geolocation.getCurrentPosition(found => {
      create.elements.latitude.value = found.coords.latitude.toFixed(6);
      create.elements.longitude.value = found.coords.longitude.toFixed(6);
      here.textContent = 'Location filled in.';
    }, failure => { here.textContent = `No location: ${failure.message || 'permission denied'}.`; });
  }

  root.append(
    h('section', { class: 'card' },
      h('h1', { id: 'home-title' }, `Welcome, ${user.username}`),
      h('p', { class: 'muted' }, user.kind === 'guest' ? 'Guest pass' : 'Member', user.badges?.length ? ` · ${user.badges.length} badge(s)` : '')),
    pokes.element,
    h('div', { class: 'columns' },
      h('section', { class: 'card' },
        h('h2', { id: 'open-title' }, 'Cafés'),
        recent.length
          ? h('ul', { class: 'list', 'aria-label': 'Recent cafés' }, recent.map(cafe =>
            h('li', {}, h('a', { href: `#/cafe/${cafe.id}` }, cafe.name), h('span', { class: 'muted' }, ` ${cafe.address ?? ''}`))))
          : h('p', { class: 'muted' }, 'No cafés yet: open one by its id or create one.'),
        open),
      h('section', { class: 'card' },
        h('h2', {}, 'Quiz'),
        h('p', {}, 'Play a quiz with up to 8 people: join an open lobby or make your own.'),
        h('a', { class: 'button primary', href: '#/quiz' }, 'Quiz lobbies'))),
    user.kind === 'member'
      ? h('details', { class: 'card' }, h('summary', { id: 'create-title' }, 'Create a café'), create)
      : null);
  return pokes.dispose;
}
