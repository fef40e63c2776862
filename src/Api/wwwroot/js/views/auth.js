// Signed out: sign in, register, or join a café as a guest.
import { api } from '../api.js';
import { h, field, formValues } from '../dom.js';
import { clearFormErrors, showFormError } from '../errors.js';
import { session } from '../session.js';

function submitting(form, busy) {
  for (const control of form.querySelectorAll('button, input, select, textarea')) control.disabled = busy;
  form.setAttribute('aria-busy', String(busy));
}

/** A form whose submit runs `action(values)`; errors are shown on the form. */
export function actionForm(props, children, action) {
  const form = h('form', { novalidate: true, ...props }, children, h('p', { class: 'form-error', role: 'alert', hidden: true }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearFormErrors(form);
    submitting(form, true);
    try {
      await action(formValues(form), form);
    } catch (error) {
      showFormError(form, error);
    } finally {
      if (form.isConnected) submitting(form, false);
    }
  });
  return form;
}

function tabs(active) {
  const tab = (href, label, name) => h('a', { href, class: 'tab', 'aria-current': active === name ? 'page' : null }, label);
  return h('nav', { class: 'tabs', 'aria-label': 'Ways in' },
    tab('#/', 'Sign in', 'signin'), tab('#/register', 'Register', 'register'), tab('#/join', 'Join a café as a guest', 'join'));
}

export function signInView(root) {
  const form = actionForm({ 'aria-labelledby': 'signin-title' }, [
    field('Email or username', { name: 'login', autocomplete: 'username', required: true }),
    field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  ], async values => session.start(await api('POST', '/api/auth/login', values)));
  root.append(h('section', { class: 'card narrow' }, tabs('signin'), h('h1', { id: 'signin-title' }, 'Sign in'), form));
  form.elements.login.focus();
}

export function registerView(root) {
  const form = actionForm({ 'aria-labelledby': 'register-title' }, [
    field('Email', { name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field('Username', { name: 'username', autocomplete: 'username', required: true, minlength: 3, maxlength: 24, pattern: '[A-Za-z0-9_]{3,24}' },
      '3 to 24 letters, digits or _'),
    field('Password', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }, 'At least 8 characters'),
    h('button', { type: 'submit', class: 'primary' }, 'Create account'),
  ], async values => session.start(await api('POST', '/api/auth/register', values)));
  root.append(h('section', { class: 'card narrow' }, tabs('register'), h('h1', { id: 'register-title' }, 'Register'), form));
  form.elements.email.focus();
}

/** Guests: the name and join token the café's owner gave them, and proof of being there (Wi-Fi or position). */
export function guestJoinView(root, { query }) {
  const position = h('p', { class: 'hint', 'aria-live': 'polite' });
  let coords = null;
  const locate = h('button', { type: 'button', class: 'secondary' }, 'Use my location');
  locate.addEventListener('click', () => {
    if (!navigator.geolocation) {
      position.textContent = 'This browser cannot tell your location; enter the Wi-Fi name instead.';
      return;
    }
    position.textContent = 'Finding your location…';
    navigator.geolocation.getCurrentPosition(
      found => {
        coords = { latitude: found.coords.latitude, longitude: found.coords.longitude };
        position.textContent = `Location found (±${Math.round(found.coords.accuracy)} m).`;
      },
      failure => { coords = null; position.textContent = `No location: ${failure.message || 'permission denied'}.`; },
      { enableHighAccuracy: true, timeout: 15_000 });
  });

  const form = actionForm({ 'aria-labelledby': 'join-title' }, [
    field('Guest name', { name: 'username', autocomplete: 'off', required: true, value: query.get('username') ?? '' }, 'From the café, e.g. CosmicOtter42'),
    field('Join token', { name: 'joinToken', autocomplete: 'off', required: true, value: query.get('token') ?? '' }),
    field('Café id', { name: 'cafeId', autocomplete: 'off', required: true, value: query.get('cafe') ?? '' }),
    h('fieldset', {},
      h('legend', {}, 'Show that you are in the café'),
      field('Café Wi-Fi name (SSID)', { name: 'wifiSsid', autocomplete: 'off' }),
      h('div', { class: 'row' }, locate),
      position),
    h('button', { type: 'submit', class: 'primary' }, 'Join the café'),
  ], async values => {
    const body = { username: values.username, joinToken: values.joinToken, cafeId: values.cafeId, wifiSsid: values.wifiSsid, ...coords };
    session.start(await api('POST', '/api/auth/join', body));
  });
  root.append(h('section', { class: 'card narrow' }, tabs('join'), h('h1', { id: 'join-title' }, 'Join a café as a guest'),
    h('p', {}, 'Ask the café for a guest name and a join token. A guest pass lasts 24 hours.'), form));
}
