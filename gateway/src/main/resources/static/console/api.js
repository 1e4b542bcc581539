// Calls to the API through the gateway: same origin, the session cookie, the person's language.
import { language, t, messages } from './i18n.js';

messages({
  en: { 'api.unreachable': 'The server could not be reached. Check your connection and try again.',
    'api.failed': 'The server answered {status} without explaining why. Try again later.' },
  fr: { 'api.unreachable': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    'api.failed': 'Le serveur a répondu {status} sans en donner la raison. Réessayez plus tard.' },
  'sr-Cyrl': { 'api.unreachable': 'Сервер није доступан. Проверите везу и покушајте поново.',
    'api.failed': 'Сервер је одговорио {status} без објашњења. Покушајте касније.' },
});

const AFTER_LOGIN = 'decoop.afterLogin';

/** An RFC 9457 problem the API answered (or one made up when the call failed without one). */
export class Problem extends Error {
  constructor({ status, title, detail, errors, type, ...rest }) {
    super(detail || title || String(status));
    this.name = 'Problem';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(errors) ? errors : [];
    this.type = type;
    Object.assign(this, rest);
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/** The CSRF token the gateway put in the readable XSRF-TOKEN cookie. */
export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Calls the API: {status, headers, body} (body parsed when JSON). A problem answer throws Problem;
 * a 401 sends the person to sign in and back.
 */
export async function api(path, { method = 'GET', body, etag, headers = {} } = {}) {
  const sent = { Accept: 'application/json, application/problem+json', 'Accept-Language': language(), ...headers };
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  if (etag) sent['If-Match'] = etag;
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
    const token = csrfToken();
    if (token) sent['X-XSRF-TOKEN'] = token;
  }
  // a structured-field string: the key in quotes
  if (method === 'POST' && !('Idempotency-Key' in sent)) sent['Idempotency-Key'] = `"${uuid()}"`;
  let response;
  try {
    response = await fetch(path, {
      method, headers: sent, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Problem({ status: 0, title: t('api.unreachable'), detail: t('api.unreachable') });
  }
  const type = response.headers.get('Content-Type') || '';
  let parsed = null;
  if (type.includes('json')) {
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
  } else if (response.status !== 204) {
    parsed = await response.text();
  }
  if (response.status === 401 && !path.startsWith('/console/session')) {
    signIn();
  }
  if (type.includes('application/problem+json') && parsed && typeof parsed === 'object') {
    throw new Problem({ status: response.status, ...parsed });
  }
  if (!response.ok) {
    const detail = t('api.failed', { status: response.status });
    throw new Problem({ status: response.status, title: response.statusText || detail, detail });
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Goes to Keycloak's sign-in, remembering where the person was so the shell brings them back. */
export function signIn() {
  try {
    sessionStorage.setItem(AFTER_LOGIN, location.hash || '#/network');
  } catch {
    // no storage: they land on the default page
  }
  location.assign('/oauth2/authorization/keycloak');
}

/** Where the person was before signing in (once), or null. */
export function takeReturnHash() {
  try {
    const hash = sessionStorage.getItem(AFTER_LOGIN);
    sessionStorage.removeItem(AFTER_LOGIN);
    return hash;
  } catch {
    return null;
  }
}

/** Ends the session (the gateway's and Keycloak's): a real form post, so the redirects to Keycloak and back are followed. */
export function signOut() {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/logout';
  const token = csrfToken();
  if (token) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = '_csrf';
    input.value = token;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

let session;

/** Who is signed in ({username, name, actsFor, steward}), or null: asked once, then kept. */
export async function currentSession({ refresh = false } = {}) {
  if (session !== undefined && !refresh) return session;
  try {
    const answer = await api('/console/session');
    session = answer.body && typeof answer.body === 'object' ? answer.body : null;
  } catch {
    session = null;
  }
  return session;
}
