import { h } from '../ui/h.js';
import { SignInError } from '../session/HubSession.js';
import type { Page } from './Page.js';

/** Sign-in: an API key of the tenant, traded for its session cookie. */
export const signInPage: Page = async ({ root, session }) => {
  const key = h('input', {
    type: 'password',
    name: 'apiKey',
    autocomplete: 'off',
    placeholder: 'API key',
    'aria-label': 'API key',
    required: true,
  }) as HTMLInputElement;
  const message = h('p.signin-error', { role: 'alert' });
  const button = h('button.primary', { type: 'submit' }, 'Sign in') as HTMLButtonElement;
  const form = h(
    'form.signin',
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        message.textContent = '';
        session
          .signIn(key.value)
          .then(() => {
            location.hash = '#/';
          })
          .catch((error: unknown) => {
            message.textContent =
              error instanceof SignInError && error.status === 401
                ? `That API key was not accepted: ${error.message}`
                : `Sign-in failed: ${(error as Error).message}`;
          })
          .finally(() => {
            button.disabled = false;
          });
      },
    },
    h('h1', {}, 'Sign in to the local tenant'),
    h(
      'p.hint',
      {},
      'Paste an API key of this tenant (npm start prints one). The tenant answers with a session cookie.',
    ),
    key,
    button,
    message,
  );
  root.append(form);
  key.focus();
};
