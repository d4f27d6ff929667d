import { QlikError } from '../errors/QlikError.js';

/**
 * Turns `tenant.eu.qlikcloud.com` or a full URL such as `http://127.0.0.1:1234`
 * into the origin every request is sent to.
 */
export function resolveBaseUrl(host: string): URL {
  const trimmed = host.trim();
  if (trimmed === '') throw new QlikError('INVALID_ARGUMENT', 'createClient: `host` is empty');
  // A bare host name means a Qlik Cloud tenant, which is only served over HTTPS.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (cause) {
    throw new QlikError(
      'INVALID_ARGUMENT',
      `createClient: \`host\` is not a valid host or URL: ${host}`,
      {
        cause,
      },
    );
  }
  if (url.username || url.password) {
    throw new QlikError(
      'INVALID_ARGUMENT',
      'createClient: put credentials in `auth`, not in `host`',
    );
  }
  return new URL(url.origin);
}
