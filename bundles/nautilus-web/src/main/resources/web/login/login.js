// The login page's script: the only one a visitor gets before signing in (the server serves /login.html and /login/*
// to anyone, nothing else), so it depends on nothing outside this folder. It keeps the CSRF token of the login for
// the dashboard (js/api.js reads the same key) and goes on to the page asked for.

const TOKEN_KEY = 'nautilus.csrf';
const USER_KEY = 'nautilus.user';

const form = document.getElementById('login');
const error = document.getElementById('login-error');

async function reason(response) {
  const text = await response.text();
  try {
    const problem = JSON.parse(text);
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return text.trim() || `HTTP ${response.status} ${response.statusText}`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const button = document.getElementById('sign-in');
  button.disabled = true;
  try {
    const response = await fetch('/api/v1/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: form.username.value, password: form.password.value }),
      credentials: 'same-origin',
    });
    if (!response.ok) {
      throw new Error(await reason(response));
    }
    const answer = await response.json();
    sessionStorage.setItem(TOKEN_KEY, answer.csrfToken);
    sessionStorage.setItem(USER_KEY, JSON.stringify({ user: answer.user, role: answer.role }));
    const next = new URLSearchParams(location.search).get('next');
    location.assign(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    form.password.value = '';
    form.password.focus();
  } finally {
    button.disabled = false;
  }
});
