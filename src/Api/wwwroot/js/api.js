// REST calls with the session's token; failures become ApiError with the problem details' fields.
import { freshAccessToken, refresh, session } from './session.js';

export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? codeOf(status);
    this.detail = this.message;
    this.errors = problem.errors ?? null;
    this.retryAfter = problem.retryAfter ?? null;
  }
}

// The contract's codes for bare statuses (a proxy's 502, say, has no problem details).
function codeOf(status) {
  return ({ 400: 'validation_failed', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 410: 'gone',
    413: 'validation_failed', 423: 'locked', 429: 'rate_limited' })[status] ?? (status >= 500 ? 'unavailable' : 'validation_failed');
}

/**
 * `api('POST', '/api/cafes', body)`. Signs the request when signed in; an access token that expired on the way
 * is refreshed and the request sent once more.
 */
export async function api(method, path, body, { retried = false } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = await freshAccessToken();
  if (token) headers.authorization = `Bearer ${token}`;

  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { code: 'unavailable', detail: 'The server cannot be reached; check your connection.' });
  }

  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: a proxy's error page, say */
  }
  if (response.ok) return json;

  const problem = json ?? {};
  // A token refused on the way (expired, or its session rotated meanwhile): refresh once and try again. When the
  // refresh is refused too, the session is over and the page says so.
  if (response.status === 401 && token && !retried && session.signedIn) {
    try {
      await refresh();
    } catch {
      throw new ApiError(401, { code: 'unauthorized', detail: 'Your session has ended; sign in again.' });
    }
    return api(method, path, body, { retried: true });
  }
  const retryAfter = response.headers.get('retry-after');
  throw new ApiError(response.status, { ...problem, retryAfter: retryAfter ? Number(retryAfter) : null });
}
