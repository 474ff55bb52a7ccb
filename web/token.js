// Asks for the API token when the server answers 401 (a private deployment).
import { onTokenNeeded } from './api.js';

/** Wires the token dialog to the API client. */
export function setupToken() {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById('token-dialog'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('token'));
  const error = /** @type {HTMLElement} */ (document.getElementById('token-error'));
  const form = /** @type {HTMLFormElement} */ (document.getElementById('token-form'));
  /** @type {Promise<string | null> | null} */
  let pending = null;
  /** @type {(value: string | null) => void} */
  let settle = () => {};

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    dialog.close();
    settle(value);
  });
  document.getElementById('token-cancel')?.addEventListener('click', () => {
    dialog.close();
    settle(null);
  });
  dialog.addEventListener('cancel', () => settle(null));

  onTokenNeeded((reason) => {
    if (pending) return pending;
    pending = new Promise((resolve) => {
      settle = (value) => {
        pending = null;
        settle = () => {};
        resolve(value);
      };
      error.textContent = reason;
      error.hidden = !reason;
      input.value = '';
      dialog.showModal();
      input.focus();
    });
    return pending;
  });
}
