// The signed-in session: tokens in sessionStorage (this tab only), the access token refreshed before it
// expires. Refresh tokens rotate: every refresh answers a new one, which replaces the old at once.

const KEY = 'platform.session';
const REFRESH_EARLY_MS = 60_000; // refresh a minute before the access token expires
const MIN_FRESH_MS = 15_000; // a token closer than this to its expiry is refreshed before use

let current = load();
let refreshing = null;
let timer = null;
const listeners = new Set();

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) ?? null;
  } catch {
    return null;
  }
}

function save(next, reason) {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  schedule();
  for (const listener of listeners) listener(current, reason);
}

/** Seconds-since-epoch `exp` of a JWT, in milliseconds; 0 when it cannot be read. */
function expiresAt(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).exp * 1000;
  } catch {
    return 0;
  }
}

function schedule() {
  clearTimeout(timer);
  if (!current) return;
  const wait = Math.max(5_000, expiresAt(current.accessToken) - Date.now() - REFRESH_EARLY_MS);
  timer = setTimeout(() => refresh().catch(() => {}), wait);
}

export const session = {
  get user() { return current?.user ?? null; },
  get signedIn() { return current !== null; },
  get refreshToken() { return current?.refreshToken ?? null; },

  /** Keeps what register, login or join answered: `{accessToken, refreshToken, user}`. */
  start(auth) { save({ accessToken: auth.accessToken, refreshToken: auth.refreshToken, user: auth.user }, 'signed-in'); },

  setUser(user) { if (current) save({ ...current, user }, 'user'); },

  /** Forgets the session; `reason` tells listeners why ('signed-out', 'expired'). */
  end(reason = 'signed-out') { if (current) save(null, reason); },

  /** Calls `listener(session, reason)` on every change; returns a function that stops it. */
  onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); },
};

/** Trades the refresh token for new tokens. One refresh at a time; callers share it. */
export function refresh() {
  if (!current) return Promise.reject(new Error('not signed in'));
  refreshing ??= (async () => {
    const used = current.refreshToken;
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: used }),
      });
      if (response.ok) {
        const tokens = await response.json();
        if (current?.refreshToken === used) save({ ...current, ...tokens }, 'refreshed');
        return current?.accessToken;
      }
      // Refused (revoked, reused, expired guest): the session is over. Anything else: try again later.
      if (response.status === 401 || response.status === 403) {
        save(null, 'expired');
        throw new Error('session ended');
      }
      timer = setTimeout(() => refresh().catch(() => {}), 10_000);
      throw new Error(`refresh failed with ${response.status}`);
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** An access token good for at least a few more seconds (refreshing it first if needed); '' when signed out. */
export async function freshAccessToken() {
  if (!current) return '';
  if (expiresAt(current.accessToken) - Date.now() < MIN_FRESH_MS) {
    try {
      await refresh();
    } catch {
      /* the caller gets the old token, and the server says why it is refused */
    }
  }
  return current?.accessToken ?? '';
}

// The stored session may be from before a reload: make sure its refresh is planned.
schedule();
