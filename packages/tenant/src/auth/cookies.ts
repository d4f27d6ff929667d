import { createHmac, timingSafeEqual } from 'node:crypto';

/** Cookie names Qlik Cloud uses for a browser session and its CSRF token. */
export const SESSION_COOKIE = 'eas.sid';
export const CSRF_COOKIE = '_csrfToken';

/** Reads a `Cookie` header into name → value. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!cookies.has(name)) cookies.set(name, safeDecode(raw));
  }
  return cookies;
}

/** The `.sig` companion of a cookie, as keygrip-signed cookies carry it: HMAC-SHA1 of `name=value`. */
export function cookieSignature(secret: string, name: string, value: string): string {
  return createHmac('sha1', secret).update(`${name}=${value}`).digest('base64url');
}

/** The value of a signed cookie when its `.sig` matches, else undefined. */
export function readSignedCookie(
  cookies: ReadonlyMap<string, string>,
  secret: string,
  name: string,
): string | undefined {
  const value = cookies.get(name);
  const signature = cookies.get(`${name}.sig`);
  if (value === undefined || signature === undefined) return undefined;
  const expected = Buffer.from(cookieSignature(secret, name, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : undefined;
}

/** `Set-Cookie` values for a signed cookie and its signature. */
export function signedCookie(
  secret: string,
  name: string,
  value: string,
  attributes: string,
): [string, string] {
  return [
    `${name}=${value}; ${attributes}`,
    `${name}.sig=${cookieSignature(secret, name, value)}; ${attributes}`,
  ];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
