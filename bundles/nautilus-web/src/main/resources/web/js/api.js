// The REST API /api/v1: JSON in and out, the session cookie, the CSRF token on state-changing requests, and RFC 9457
// problems turned into errors whose message is the server's one-line reason.

const BASE = '/api/v1';
const TOKEN_KEY = 'nautilus.csrf';
const USER_KEY = 'nautilus.user';

/** An answer of the API that is not a success: its status and its problem details. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function csrfToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function currentUser() {
  const raw = sessionStorage.getItem(USER_KEY);
  return raw ? JSON.parse(raw) : null;
}

function remember(answer) {
  if (answer && answer.csrfToken) {
    sessionStorage.setItem(TOKEN_KEY, answer.csrfToken);
  }
  if (answer && answer.user) {
    sessionStorage.setItem(USER_KEY, JSON.stringify({ user: answer.user, role: answer.role }));
  }
}

export function toLogin() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  const here = location.pathname + location.hash;
  location.assign('/login.html' + (here && here !== '/' ? '?next=' + encodeURIComponent(here) : ''));
}

async function problemOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return typeof body === 'object' && body ? body : { detail: text };
  } catch {
    return { title: response.statusText, detail: text.trim() || `HTTP ${response.status} ${response.statusText}` };
  }
}

/**
 * One request to the API.
 * @param {string} method GET, POST, PUT, PATCH or DELETE
 * @param {string} path under /api/v1, e.g. '/orders?state=working'
 * @param {object} [body] sent as JSON
 * @param {{anonymous?: boolean}} [options] anonymous: a 401 is an error, not a trip to the login page
 * @returns {Promise<any>} the parsed JSON answer, or the text of a non-JSON one, or null when empty
 */
export async function api(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken()) {
    headers['X-CSRF-Token'] = csrfToken();
  }
  const response = await fetch(BASE + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 401 && !options.anonymous) {
    toLogin();
    throw new ApiError(401, { title: 'Unauthorized', detail: 'the session ended: sign in again' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** Who is signed in (and a fresh CSRF token when the server gives one); the login page when nobody is. */
export async function me() {
  const answer = await get('/me');
  remember(answer);
  return answer;
}

export async function logout() {
  try {
    await post('/logout');
  } finally {
    toLogin();
  }
}

/** A list answer: either the array itself or the first array-valued property of an object. */
export function rows(answer) {
  if (Array.isArray(answer)) {
    return answer;
  }
  if (answer && typeof answer === 'object') {
    for (const value of Object.values(answer)) {
      if (Array.isArray(value)) {
        return value;
      }
    }
  }
  return [];
}
