// The page: header (navigation, live-connection status, account), and one view at a time chosen by the
// location's hash: #/, #/register, #/join, #/cafe/<id>, #/dm, #/dm/<channel id>, #/quiz, #/quiz/<code>.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { hideNotice, showError, showNotice } from './errors.js';
import { connect, disconnect, on, onStatus } from './hub.js';
import { session } from './session.js';
import { guestJoinView, registerView, signInView } from './views/auth.js';
import { cafeView } from './views/cafe.js';
import { dmView } from './views/dm.js';
import { homeView } from './views/home.js';
import { lobbiesView, lobbyView } from './views/quiz.js';

const routes = [
  { path: /^\/?$/, view: () => (session.signedIn ? home : signInView) },
  { path: /^\/register$/, view: () => registerView, signedOut: true },
  { path: /^\/join$/, view: () => guestJoinView, signedOut: true },
  { path: /^\/cafe\/(?<id>[^/]+)$/, view: () => cafeView, signedIn: true },
  { path: /^\/dm(?:\/(?<id>[^/]+))?$/, view: () => dmView, signedIn: true },
  { path: /^\/quiz$/, view: () => lobbiesView, signedIn: true },
  { path: /^\/quiz\/(?<code>[^/]+)$/, view: () => lobbyView, signedIn: true },
];

const view = document.getElementById('view');
let dispose = null;

// A guest belongs to one café: its home is that café's room.
function home(root, context) {
  if (session.user.kind === 'guest' && session.user.cafeId) return context.navigate(`/cafe/${session.user.cafeId}`);
  return homeView(root, context);
}

export function navigate(path) {
  if (location.hash === `#${path}`) render();
  else location.hash = path;
}

function render() {
  const [rawPath, search = ''] = location.hash.replace(/^#/, '').split('?');
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return navigate('/');
  }
  const route = routes.find(candidate => candidate.path.test(path));
  if (!route) return navigate('/');
  if (route.signedIn && !session.signedIn) return navigate('/');
  if (route.signedOut && session.signedIn) return navigate('/');

  try {
    dispose?.();
  } catch (error) {
    console.warn('leaving the view failed', error);
  }
  dispose = null;
  view.replaceChildren();
  renderHeader(path);
  const params = route.path.exec(path).groups ?? {};
  const result = route.view()(view, { params, query: new URLSearchParams(search), navigate });
  dispose = typeof result === 'function' ? result : null;
  // Keyboard and screen-reader users start at the new content, unless the view focused a field itself.
  if (!view.contains(document.activeElement)) view.focus({ preventScroll: true });
}

function renderHeader(path) {
  const link = (href, label, active) => h('a', { href, 'aria-current': active ? 'page' : null }, label);
  replace(document.getElementById('nav'), session.signedIn
    ? [link('#/', 'Home', path === '/' || path === ''), link('#/dm', 'Messages', path.startsWith('/dm')),
      link('#/quiz', 'Quiz', path.startsWith('/quiz'))]
    : []);
  const user = session.user;
  replace(document.getElementById('account'), user
    ? [h('span', { class: 'who' }, user.username, user.kind === 'guest' ? h('span', { class: 'badge' }, 'guest') : null),
      h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out')]
    : []);
}

async function signOut() {
  const refreshToken = session.refreshToken;
  try {
    if (refreshToken) await api('POST', '/api/auth/logout', { refreshToken });
  } catch (error) {
    // Signed out here whatever the server says; tell only about unexpected failures.
    if (error.code !== 'unauthorized' && error.code !== 'expired') showError(error);
  }
  session.end('signed-out');
}

const statusText = { offline: 'offline', connecting: 'connecting…', online: 'live', reconnecting: 'reconnecting…' };
onStatus(status => {
  const badge = document.getElementById('status');
  badge.dataset.status = status;
  badge.textContent = session.signedIn ? statusText[status] : '';
  badge.title = session.signedIn ? `Live connection: ${statusText[status]}` : '';
});

session.onChange(async (current, reason) => {
  if (reason === 'refreshed' || reason === 'user') return;
  if (current) {
    hideNotice();
    connect().catch(error => showError(error));
    navigate('/');
  } else {
    await disconnect();
    if (reason === 'expired') showNotice('Your session has ended; sign in again.', 'info');
    navigate('/');
  }
});

// A guest whose pass ran out: the server closes its connections and its tokens stop working.
on('accountExpired', () => {
  session.end('guest-expired');
  showNotice('Your guest pass has expired. Thanks for visiting!', 'info');
});

document.getElementById('notice-close').addEventListener('click', hideNotice);
window.addEventListener('hashchange', render);

if (session.signedIn) {
  connect().catch(error => showError(error));
  // The stored user may be stale (badges, interests): ask once.
  api('GET', '/api/users/me').then(user => session.setUser(user)).catch(() => {});
}
render();
