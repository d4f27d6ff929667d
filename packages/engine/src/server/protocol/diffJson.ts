import { isSharedJson } from '../../app/layout/sharedJson.js';
import { jsonBytes, opBytes } from './jsonBytes.js';
import { jsonText } from './jsonText.js';
import { isTextualPage, pagePatch } from './pagePatch.js';

/** One RFC 6902 operation, as the engine sends them in delta answers. */
export type JsonPatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

/**
 * The JSON Patch that turns `previous` into `next`, or a single replacement of
 * the whole value when a patch is not worth sending (see `boundedPatchText`).
 * Objects are compared key by key and equal-length arrays element by element;
 * an array that changed length is replaced whole, and so is any object or
 * array whose changes take more bytes as operations than the container itself.
 */
export function boundedDiffJson(previous: unknown, next: unknown): JsonPatchOperation[] {
  return JSON.parse(boundedPatchText(previous, next) ?? wholeText(next)) as JsonPatchOperation[];
}

/**
 * The JSON text of the patch that turns `previous` into `next`, or undefined
 * when the whole value is the better answer: a patch is never bigger than the
 * value, and for a value over `SHARE_FROM` bytes it must take at most
 * `PATCH_SHARE` of them, because a client pays for a delta answer beyond its
 * bytes (enigma.js applies it op by op, then deep-copies the whole patched
 * value with JSON.stringify and JSON.parse), while it only parses a plain one.
 * The walk measures both as it goes and gives up as soon as the patch outgrows
 * what the whole value has shown so far plus a margin, or when a sample of a
 * long array's elements shows that they change too much to be patched (a data
 * page of other cells). Between two shared values (see `shareJson`: two
 * cached charts) the patch is computed and written once, and every session
 * that moves from one to the other sends the same text.
 */
export function boundedPatchText(previous: unknown, next: unknown): string | undefined {
  const meter: Meter = { patchBytes: 2, nextBytes: 0, exceeded: false, pairs: true };
  const patch: Piece[] = [];
  diffInto(previous, next, '', patch, meter);
  if (meter.exceeded || !patchMayFit(meter.patchBytes, meter.nextBytes)) return undefined;
  let patchText = '[';
  for (let i = 0; i < patch.length; i++) patchText += (i > 0 ? ',' : '') + pieceText(patch[i]!);
  patchText += ']';
  return fittingPatch(patchText, meter.nextBytes, next);
}

/**
 * Whether a patch counted at `patchBytes` may be sent for a value counted at
 * `nextBytes` (both without string escapes), before its text is written.
 */
export function patchMayFit(patchBytes: number, nextBytes: number): boolean {
  return patchBytes <= allowedBytes(wholeBytes(nextBytes)) * 1.25;
}

/** The patch's text when it takes no more than `next` whole may allow (see `boundedPatchText`), else undefined. */
export function fittingPatch(
  patchText: string,
  nextBytes: number,
  next: unknown,
): string | undefined {
  if (patchText.length <= allowedBytes(wholeBytes(nextBytes))) return patchText;
  return patchText.length <= allowedBytes(wholeText(next).length) ? patchText : undefined;
}

// The bytes of a whole answer replacing a value counted at `nextBytes`. Sizes are counted
// without string escapes: this is at most the whole answer's length.
function wholeBytes(nextBytes: number): number {
  return 2 + opBytes('replace', '/', nextBytes);
}

/** The most bytes a patch may take against a whole answer of `whole` bytes. */
function allowedBytes(whole: number): number {
  return whole > SHARE_FROM ? whole * PATCH_SHARE : whole;
}

/** The patch that replaces the whole value. */
function wholeText(next: unknown): string {
  return `[${pieceText({ op: 'replace', path: '/', value: next })}]`;
}

/** An operation, or operations already written as JSON (a shared pair's patch). */
type Piece = JsonPatchOperation | { readonly text: string };

/** Bytes of JSON counted so far: of the patch (with its brackets), and of `next`. */
interface Meter {
  patchBytes: number;
  nextBytes: number;
  exceeded: boolean;
  /** Whether patches between shared values come from (and go to) the memo of pairs. */
  readonly pairs: boolean;
}

// A patch may run ahead of the value's bytes seen so far by this much before the walk gives up.
export const MARGIN = 4096;

// Values bigger than this (bytes of JSON) are patched only when the patch takes at most PATCH_SHARE of them.
const SHARE_FROM = 16_384;
const PATCH_SHARE = 0.5;

// Arrays this long are sampled (SAMPLES elements spread over them) before they are walked.
const SAMPLE_FROM = 64;
const SAMPLES = 8;

function diffInto(
  previous: unknown,
  next: unknown,
  path: string,
  patch: Piece[],
  meter: Meter,
): void {
  if (meter.exceeded) return;
  if (previous === next) {
    meter.nextBytes += jsonBytes(next);
    return;
  }
  if (meter.pairs && isSharedJson(previous) && isSharedJson(next)) {
    sharedInto(pairDiff(previous as object, next as object), next as object, path, patch, meter);
  } else if (isTextualPage(previous) && isTextualPage(next)) {
    const page = pagePatch(previous, next, path, allowedBytes);
    meter.nextBytes += page.pageBytes;
    if (page.ops === undefined) {
      const op = { op: 'replace', path: path === '' ? '/' : path, value: next } as const;
      push(patch, meter, op, page.pageBytes);
    } else for (const op of page.ops) push(patch, meter, op, op.value.text.length);
  } else if (isObject(previous) && isObject(next)) {
    const mark = markOf(patch, meter);
    diffObjects(previous, next, path, patch, meter);
    replaceIfSmaller(mark, next, path, patch, meter);
  } else if (Array.isArray(previous) && Array.isArray(next) && previous.length === next.length) {
    if (next.length >= SAMPLE_FROM && !worthWalking(previous, next, path, meter)) {
      meter.exceeded = true;
      return;
    }
    const mark = markOf(patch, meter);
    meter.nextBytes += 2 + Math.max(0, next.length - 1);
    for (let i = 0; i < next.length; i++)
      diffInto(previous[i], next[i], `${path}/${i}`, patch, meter);
    replaceIfSmaller(mark, next, path, patch, meter);
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
  patch: Piece[],
  meter: Meter,
): void {
  // for-in rather than Object.keys: no array per object on a path walked for every answer (JSON values own all their keys).
  for (const key in previous) {
    if (next[key] === undefined && previous[key] !== undefined) {
      push(patch, meter, { op: 'remove', path: `${path}/${escapePointer(key)}` }, 0);
    }
  }
  let members = 0;
  for (const key in next) {
    const value = next[key];
    if (value === undefined) continue;
    meter.nextBytes += key.length + 3;
    members++;
    const before = previous[key];
    // Most members are unchanged: they need no path.
    if (before === value) {
      meter.nextBytes += jsonBytes(value);
      continue;
    }
    const childPath = `${path}/${escapePointer(key)}`;
    if (before === undefined) {
      const bytes = jsonBytes(value);
      meter.nextBytes += bytes;
      push(patch, meter, { op: 'add', path: childPath, value }, bytes);
    } else diffInto(before, value, childPath, patch, meter);
  }
  meter.nextBytes += 2 + Math.max(0, members - 1);
}

/** Where the patch and the meter stood before a container was walked. */
interface Mark {
  readonly ops: number;
  readonly patchBytes: number;
  readonly nextBytes: number;
}

function markOf(patch: Piece[], meter: Meter): Mark {
  return { ops: patch.length, patchBytes: meter.patchBytes, nextBytes: meter.nextBytes };
}

/**
 * Replaces the operations a container's walk added by one replacement of the
 * container when that takes fewer bytes (a cell whose text and number both
 * changed is one operation, not two), so a patch has fewer operations for a
 * client to apply as well as fewer bytes.
 */
function replaceIfSmaller(mark: Mark, next: unknown, path: string, patch: Piece[], meter: Meter) {
  if (meter.exceeded || path === '' || patch.length - mark.ops < 2) return;
  const valueBytes = meter.nextBytes - mark.nextBytes;
  const replaceBytes = opBytes('replace', path, valueBytes) + (mark.ops > 0 ? 1 : 0);
  if (meter.patchBytes - mark.patchBytes <= replaceBytes) return;
  patch.length = mark.ops;
  meter.patchBytes = mark.patchBytes;
  push(patch, meter, { op: 'replace', path, value: next }, valueBytes);
}

/**
 * Whether a long array may patch to less than the share of its bytes a patch
 * may take: judged on a sample of its elements, so that an array whose
 * elements all changed (the cells of another page) is not walked to the end.
 */
function worthWalking(previous: unknown[], next: unknown[], path: string, meter: Meter): boolean {
  const sample: Meter = { patchBytes: 0, nextBytes: 0, exceeded: false, pairs: meter.pairs };
  const ops: Piece[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const i = Math.floor(((s + 0.5) * next.length) / SAMPLES);
    diffInto(previous[i], next[i], `${path}/${i}`, ops, sample);
  }
  const arrayBytes = (sample.nextBytes * next.length) / SAMPLES;
  const share = arrayBytes > SHARE_FROM ? PATCH_SHARE : 1;
  return !sample.exceeded && sample.patchBytes < sample.nextBytes * share;
}

function push(patch: Piece[], meter: Meter, op: JsonPatchOperation, valueBytes: number): void {
  addBytes(patch, meter, opBytes(op.op, op.path, valueBytes));
  if (!meter.exceeded) patch.push(op);
}

function addBytes(patch: Piece[], meter: Meter, bytes: number): void {
  meter.patchBytes += bytes + (patch.length > 0 ? 1 : 0);
  if (meter.patchBytes > meter.nextBytes + MARGIN) meter.exceeded = true;
}

/** The patch between two shared values, from the root of `next`, made once per pair. */
export interface PairDiff {
  /** Replacing `next` whole is no bigger than patching: then there are no ops. */
  readonly whole: boolean;
  readonly ops: readonly JsonPatchOperation[];
  /** Bytes of the ops' JSON without their paths' prefix, and of `next`'s JSON. */
  readonly patchBytes: number;
  readonly nextBytes: number;
  /** The ops' JSON by the path they sit under. */
  readonly texts: Map<string, string>;
}

/** The pairs kept from one shared value: to the values sessions moved to from it. */
interface PairsFrom {
  readonly byNext: WeakMap<object, PairDiff>;
  count: number;
}

const pairs = new WeakMap<object, PairsFrom>();

// Patches kept from one value at most: a chart viewed in many states keeps those its sessions
// moved to first, so the memo stays within a few patches per cached result.
const MAX_PAIRS_FROM = 16;

/** The patch between two shared values (see `shareJson`), from the memo of pairs. */
export function pairDiff(previous: object, next: object): PairDiff {
  let from = pairs.get(previous);
  if (!from) pairs.set(previous, (from = { byNext: new WeakMap(), count: 0 }));
  let pair = from.byNext.get(next);
  if (!pair) {
    // Shared values inside a shared pair are diffed in place: the pair's ops are plain ops.
    const meter: Meter = { patchBytes: 0, nextBytes: 0, exceeded: false, pairs: false };
    const ops: Piece[] = [];
    diffObjectsOrArrays(previous, next, ops, meter);
    const whole = meter.exceeded || meter.patchBytes >= opBytes('replace', '', meter.nextBytes);
    pair = {
      whole,
      ops: whole ? [] : (ops as JsonPatchOperation[]),
      patchBytes: meter.patchBytes,
      nextBytes: meter.nextBytes,
      texts: new Map(),
    };
    if (from.count < MAX_PAIRS_FROM) {
      from.byNext.set(next, pair);
      from.count++;
    }
  }
  return pair;
}

function diffObjectsOrArrays(previous: object, next: object, ops: Piece[], meter: Meter): void {
  // The root of a pair is never replaced by a path-less op: a root replace makes the pair whole.
  if (isObject(previous) && isObject(next)) diffObjects(previous, next, '', ops, meter);
  else if (Array.isArray(previous) && Array.isArray(next) && previous.length === next.length)
    diffInto(previous, next, '', ops, meter);
  else meter.exceeded = true;
}

function sharedInto(pair: PairDiff, next: object, path: string, patch: Piece[], meter: Meter) {
  meter.nextBytes += pair.nextBytes;
  if (pair.whole) {
    const op = { op: 'replace', path: path === '' ? '/' : path, value: next } as const;
    push(patch, meter, op, pair.nextBytes);
    return;
  }
  if (pair.ops.length === 0) return;
  // Each op's path grows by the prefix; the commas between them are in patchBytes already.
  addBytes(patch, meter, pair.patchBytes + pair.ops.length * path.length);
  if (meter.exceeded) return;
  patch.push({ text: pairOpsText(pair, path) });
}

/** The JSON of a shared pair's ops under `path` (comma-separated, no brackets), written once per path. */
export function pairOpsText(pair: PairDiff, path: string): string {
  let text = pair.texts.get(path);
  if (text === undefined) {
    text = pair.ops.map((op) => pieceText({ ...op, path: path + op.path })).join(',');
    pair.texts.set(path, text);
  }
  return text;
}

/** The JSON of a patch of one op replacing the value at `path` (not the root). */
export function replaceText(path: string, value: unknown): string {
  return `[${pieceText({ op: 'replace', path, value })}]`;
}

function pieceText(piece: Piece): string {
  if ('text' in piece) return piece.text;
  const path = JSON.stringify(piece.path);
  if (piece.op === 'remove') return `{"op":"remove","path":${path}}`;
  return `{"op":"${piece.op}","path":${path},"value":${jsonText(piece.value)}}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes a key for a JSON Pointer (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointer(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
