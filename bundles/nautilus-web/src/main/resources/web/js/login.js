import { login } from './api.js';

const form = document.getElementById('login');
const error = document.getElementById('login-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const button = document.getElementById('sign-in');
  button.disabled = true;
  try {
    await login(form.username.value, form.password.value);
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
