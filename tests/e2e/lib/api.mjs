// The REST side of the contract, as the tests use it.
import { createHmac, randomBytes } from 'node:crypto';

export const baseUrl = () => {
  const url = process.env.PLATFORM_E2E_URL;
  if (!url) throw new Error('PLATFORM_E2E_URL is not set: run the tests through tests/e2e/run.mjs, which starts a silo');
  return url;
};

/** A failed request, with the problem details' `code`, `detail` and `errors`. */
export class ApiError extends Error {
  constructor(method, path, status, problem) {
    super(`${method} ${path} → ${status} ${problem?.code ?? ''}: ${problem?.detail ?? ''}`);
    Object.assign(this, { status, code: problem?.code, detail: problem?.detail, errors: problem?.errors });
  }
}

export async function call(method, path, { body, token } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(baseUrl() + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(method, path, response.status, json);
  return json;
}

/** A name no other test or run uses (3–24 of letters, digits, _). */
export const uniqueName = (prefix) => `${prefix}_${randomBytes(5).toString('hex')}`.slice(0, 24);

export async function registerMember(prefix = 'member') {
  const username = uniqueName(prefix);
  return call('POST', '/api/auth/register', { body: { email: `${username}@example.test`, username, password: 'correct horse battery' } });
}

export async function createCafe(owner, overrides = {}) {
  return call('POST', '/api/cafes', {
    token: owner.accessToken,
    body: { name: 'Test Café', address: '1 Test Street', wifiSsid: `cafe-${randomBytes(3).toString('hex')}`,
      latitude: 52.52, longitude: 13.405, radiusMeters: 100, ...overrides },
  });
}

/** The café owner lets a guest in; the guest joins on the café's Wi-Fi. */
export async function joinAsGuest(owner, cafeId, wifiSsid) {
  const grant = await call('POST', '/api/auth/barista/generate-username', {
    token: owner.accessToken, body: { cafeId, receiptId: `receipt-${randomBytes(4).toString('hex')}` },
  });
  return call('POST', '/api/auth/join', { body: { username: grant.username, joinToken: grant.joinToken, cafeId, wifiSsid } });
}

/** The same token with other claims, signed again with the key the test silo was started with. */
export function resignToken(token, change) {
  const key = Buffer.from(process.env.PLATFORM_E2E_SIGNING_KEY, 'base64');
  const [header, payload] = token.split('.');
  const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}
