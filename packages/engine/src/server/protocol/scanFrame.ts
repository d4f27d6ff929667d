/** What a scan of a frame's raw text found, before it is parsed. */
export interface FrameScan {
  /** The deepest nesting of arrays and objects in the frame (the request object itself is 1). */
  readonly depth: number;
  /** A batch: the frame's top level is an array. */
  readonly isBatch: boolean;
  /**
   * The raw JSON text of each request's `id` member, so that an answer echoes
   * it exactly (`1e999` stays `1e999`, not `null`): one entry for a single
   * request, one per element of a batch; undefined where there is no id.
   */
  readonly rawIds: readonly (string | undefined)[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The index just past the string token starting at `start` (a quote). */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i += 2;
    else if (code === QUOTE) return i + 1;
    else i++;
  }
  return i;
}

/** The index just past a number or literal token starting at `start`. */
function skipScalar(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_ARRAY || isSpace(code)) break;
    i++;
  }
  return i;
}

/**
 * Scans a frame's text in one pass, without building anything: how deeply it
 * nests (so that a frame nested thousands of levels is refused before
 * JSON.parse and the recursive code after it see it) and the raw text of the
 * requests' ids. Malformed text scans to some answer; JSON.parse judges it.
 */
export function scanFrame(text: string): FrameScan {
  let depth = 0;
  let deepest = 0;
  let isBatch = false;
  // A batch's ids go in an array; a single request's (every frame of most sessions) in
  // `single`, so that its scan makes no array that grows as it is pushed to.
  let batchIds: (string | undefined)[] | undefined;
  let single: string | undefined;
  let requests = 0;
  // Depth of the objects that are requests: 1 for a single request, 2 inside a batch.
  let requestDepth = 1;
  // Inside a request object, a string right after `{` or `,` is a key.
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth === 1 && code === OPEN_ARRAY) {
        isBatch = true;
        requestDepth = 2;
        batchIds = [];
      }
      if (depth === requestDepth && code === OPEN_OBJECT) {
        requests++;
        batchIds?.push(undefined);
        expectKey = true;
      } else if (depth === requestDepth && code === OPEN_ARRAY) {
        requests++;
        batchIds?.push(undefined);
      }
      i++;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
      i++;
    } else if (code === COMMA) {
      if (depth === requestDepth) expectKey = true;
      i++;
    } else if (code === QUOTE) {
      const end = skipString(text, i);
      if (depth === 1 && isBatch) batchIds!.push(undefined);
      if (depth === requestDepth && expectKey && requests > 0) {
        expectKey = false;
        if (isIdKey(text, i, end)) {
          const id = readMemberValue(text, end);
          if (id && batchIds) batchIds[batchIds.length - 1] = id.raw;
          else if (id && requests === 1) single = id.raw;
          i = id ? id.end : end;
          continue;
        }
      }
      i = end;
    } else if (isSpace(code) || code === COLON) {
      i++;
    } else {
      if (depth === 1 && isBatch) batchIds!.push(undefined);
      i = skipScalar(text, i);
    }
  }
  return { depth: deepest, isBatch, rawIds: batchIds ?? [single] };
}

const LOWER_I = 0x69;
const LOWER_D = 0x64;

/** Whether the string token from `start` to `end` is `"id"` (compared in place: no slice per key). */
function isIdKey(text: string, start: number, end: number): boolean {
  return (
    end - start === 4 &&
    text.charCodeAt(start + 1) === LOWER_I &&
    text.charCodeAt(start + 2) === LOWER_D
  );
}

/** The raw text of a scalar member value after its key (at `from`, before the colon). */
function readMemberValue(text: string, from: number): { raw: string; end: number } | undefined {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== COLON) return undefined;
  i++;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const code = text.charCodeAt(i);
  // Objects and arrays are not ids: the nesting scan goes through them as usual.
  if (code === OPEN_OBJECT || code === OPEN_ARRAY || Number.isNaN(code)) return undefined;
  const end = code === QUOTE ? skipString(text, i) : skipScalar(text, i);
  return { raw: text.slice(i, end), end };
}

/**
 * The raw text of a single request's id, found without a scan when the frame
 * writes it as JSON.stringify writes the parsed id (`"id":12,`, as clients
 * do); undefined when it is not found so (then `scanFrame` finds it). The
 * text is the id's own JSON, so the answer carries the id the client sent
 * even if that text were found elsewhere in the frame.
 */
export function idAsWritten(frame: string, request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const id = (request as { id?: unknown }).id;
  let text: string;
  if (typeof id === 'number' && Number.isFinite(id)) text = String(id);
  else if (typeof id === 'string') text = JSON.stringify(id);
  else return undefined;
  const at = frame.indexOf(`"id":${text}`);
  if (at < 0) return undefined;
  const after = frame.charCodeAt(at + 5 + text.length);
  return after === COMMA || after === CLOSE_OBJECT ? text : undefined;
}
