import { cellText } from './formatTable.js';

/** A record as aligned `key: value` lines (the given keys, else all), skipping empty values. */
export function formatRecord<T extends object>(
  record: T,
  keys?: readonly (keyof T & string)[],
): string {
  const values = record as Readonly<Record<string, unknown>>;
  const shown = (keys ?? Object.keys(values)).filter((key) => {
    const value = values[key];
    return (
      value !== undefined &&
      value !== null &&
      value !== '' &&
      !(Array.isArray(value) && value.length === 0)
    );
  });
  const width = Math.max(0, ...shown.map((key) => key.length)) + 2;
  return shown.map((key) => `${`${key}:`.padEnd(width)}${cellText(values[key])}`).join('\n');
}
