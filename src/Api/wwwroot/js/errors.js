// What went wrong, in words: problem details (code, detail, errors by field) and hub errors (code: detail).
import { ApiError } from './api.js';
import { HubError } from './hub.js';

const notice = () => document.getElementById('notice');
let hideTimer = null;

/** One line for any error: the server's detail and its code. */
export function describe(error) {
  if (error instanceof ApiError || error instanceof HubError) {
    const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : '';
    return `${error.detail}${wait} (${error.code})`;
  }
  return error?.message ?? String(error);
}

/** Shows a message in the banner at the top; errors stay until dismissed, other messages fade. */
export function showNotice(text, kind = 'error') {
  const box = notice();
  box.dataset.kind = kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  document.getElementById('notice-text').textContent = text;
  box.hidden = false;
  clearTimeout(hideTimer);
  if (kind !== 'error') hideTimer = setTimeout(hideNotice, 6000);
}

export function hideNotice() {
  notice().hidden = true;
}

export function showError(error) {
  showNotice(describe(error), 'error');
}

/**
 * Shows an error on a form: each field error under its field (by the field's name), the rest in the form's
 * error area. Returns true when the error was shown there.
 */
export function showFormError(form, error) {
  clearFormErrors(form);
  const summary = form.querySelector('.form-error');
  let unplaced = [];
  if (error instanceof ApiError && error.errors) {
    for (const [name, messages] of Object.entries(error.errors)) {
      const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
      const control = form.elements.namedItem(name);
      if (slot) {
        slot.textContent = messages.join(' ');
        control?.setAttribute?.('aria-invalid', 'true');
      } else {
        unplaced.push(`${name}: ${messages.join(' ')}`);
      }
    }
    const first = form.querySelector('[aria-invalid="true"]');
    first?.focus();
  }
  if (!summary) {
    showError(error);
    return false;
  }
  summary.textContent = [describe(error), ...unplaced].join(' ');
  summary.hidden = false;
  return true;
}

export function clearFormErrors(form) {
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const summary = form.querySelector('.form-error');
  if (summary) {
    summary.textContent = '';
    summary.hidden = true;
  }
}
