import { randomBytes } from 'node:crypto';

/**
 * A new 24-hex-digit id, as Qlik Cloud's users, spaces and items have: four
 * bytes of seconds since the epoch, then eight random bytes, so ids sort by
 * creation time.
 */
export function newId(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return time + randomBytes(8).toString('hex');
}

/** The current time as Qlik writes it: ISO 8601 with milliseconds, UTC. */
export function now(): string {
  return new Date().toISOString();
}
