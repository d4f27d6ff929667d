/** One RFC 6902 operation, as the engine sends them in delta answers. */
export type JsonPatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

/**
 * The JSON Patch that turns `previous` into `next`, or a single replacement of
 * the whole value when the patch would take more bytes of JSON than that
 * replacement. Objects are compared key by key and equal-length arrays element
 * by element; an array that changed length is replaced whole. A delta answer
 * is thus never bigger than the value it stands for. The walk
 * measures both as it goes and gives up on the patch as soon as it outgrows
 * what the whole value has shown so far plus a margin, so values that share
 * nothing (another page of data) are not diffed cell by cell.
 */
export function boundedDiffJson(previous: unknown, next: unknown): JsonPatchOperation[] {
  const meter: Meter = { patchBytes: 2, nextBytes: 0, exceeded: false };
  const patch: JsonPatchOperation[] = [];
  diffInto(previous, next, '', patch, meter);
  const whole: JsonPatchOperation[] = [{ op: 'replace', path: '/', value: next }];
  if (meter.exceeded) return whole;
  const wholeBytes = 2 + opBytes('replace', '/', meter.nextBytes);
  // Sizes are counted without string escapes: near a tie, count exactly.
  if (meter.patchBytes * 1.25 >= wholeBytes)
    return JSON.stringify(patch).length <= JSON.stringify(whole).length ? patch : whole;
  return patch;
}

/** Bytes of JSON counted so far: of the patch (with its brackets), and of `next`. */
interface Meter {
  patchBytes: number;
  nextBytes: number;
  exceeded: boolean;
}

// A patch may run ahead of the value's bytes seen so far by this much before the walk gives up.
const MARGIN = 4096;

function diffInto(
  previous: unknown,
  next: unknown,
  path: string,
  patch: JsonPatchOperation[],
  meter: Meter,
): void {
  if (meter.exceeded) return;
  if (previous === next) {
    meter.nextBytes += jsonBytes(next);
    return;
  }
  if (isObject(previous) && isObject(next)) {
    diffObjects(previous, next, path, patch, meter);
  } else if (Array.isArray(previous) && Array.isArray(next) && previous.length === next.length) {
    meter.nextBytes += 2 + Math.max(0, next.length - 1);
    for (let i = 0; i < next.length; i++)
      diffInto(previous[i], next[i], `${path}/${i}`, patch, meter);
  } else {
    // JSON values that are not both objects or equal-length arrays, and not ===, differ.
    const bytes = jsonBytes(next);
    meter.nextBytes += bytes;
    push(patch, meter, { op: 'replace', path: path === '' ? '/' : path, value: next }, bytes);
  }
}

function diffObjects(
  previous: Record<string, unknown>,
  next: Record<string, unknown>,
  path: string,
  patch: JsonPatchOperation[],
  meter: Meter,
): void {
  for (const key of Object.keys(previous)) {
    if (next[key] === undefined && previous[key] !== undefined) {
      push(patch, meter, { op: 'remove', path: `${path}/${escapePointer(key)}` }, 0);
    }
  }
  let members = 0;
  for (const key of Object.keys(next)) {
    const value = next[key];
    if (value === undefined) continue;
    meter.nextBytes += key.length + 3;
    members++;
    const childPath = `${path}/${escapePointer(key)}`;
    if (previous[key] === undefined) {
      const bytes = jsonBytes(value);
      meter.nextBytes += bytes;
      push(patch, meter, { op: 'add', path: childPath, value }, bytes);
    } else diffInto(previous[key], value, childPath, patch, meter);
  }
  meter.nextBytes += 2 + Math.max(0, members - 1);
}

function push(
  patch: JsonPatchOperation[],
  meter: Meter,
  op: JsonPatchOperation,
  valueBytes: number,
): void {
  meter.patchBytes += opBytes(op.op, op.path, valueBytes) + (patch.length > 0 ? 1 : 0);
  if (meter.patchBytes > meter.nextBytes + MARGIN) {
    meter.exceeded = true;
    return;
  }
  patch.push(op);
}

// `{"op":"replace","path":"…","value":…}`, `{"op":"remove","path":"…"}`.
function opBytes(op: string, path: string, valueBytes: number): number {
  const head = 15 + op.length + path.length + 2;
  return op === 'remove' ? head + 1 : head + 9 + valueBytes + 1;
}

// The length of a value's JSON, strings counted without their escapes.
function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return numberBytes(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      return value === null ? 4 : (JSON.stringify(value)?.length ?? 0);
    default:
      return 0;
  }
}

// Integers by their digits (most numbers in a layout), others by their text.
function numberBytes(value: number): number {
  if (!Number.isFinite(value)) return 4;
  if (!Number.isInteger(value) || Math.abs(value) >= 1e15) return String(value).length;
  let bytes = value < 0 ? 2 : 1;
  for (let limit = 10, abs = Math.abs(value); abs >= limit; limit *= 10) bytes++;
  return bytes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes a key for a JSON Pointer (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
