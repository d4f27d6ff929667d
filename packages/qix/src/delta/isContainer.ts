/** A JSON container: an object or an array, whose members a patch or a copy walks. */
export type Container = Record<string, unknown> | unknown[];

/** Whether a value is an object or an array (not null, not a primitive). */
export function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}
