import { usageError } from '../errors/CliError.js';

/** A positive whole number, for `--limit` and friends. */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw usageError(`'${value}' is not a positive whole number.`);
  return number;
}

/** A whole number from 0 up. */
export function nonNegativeInteger(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0)
    throw usageError(`'${value}' is not a whole number from 0 up.`);
  return number;
}

/** Collects every use of a repeatable flag (`--dim A --dim B`). */
export function collect(value: string, previous: unknown): string[] {
  return [...(Array.isArray(previous) ? (previous as string[]) : []), value];
}

/** `k1=v1,k2=v2` (repeatable) as a record, as qlik-cli's --headers takes it. */
export function keyValues(value: string, previous: unknown): Record<string, string> {
  const record = { ...(previous as Record<string, string> | undefined) };
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    if (at < 1) throw usageError(`'${pair}' is not key=value.`);
    record[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return record;
}
