import { isSharedJson } from '../../app/layout/sharedJson.js';
import { jsonBytes, opBytes } from './jsonBytes.js';
import {
  MARGIN,
  escapePointer,
  fittingPatch,
  pairDiff,
  pairOpsText,
  patchMayFit,
  replaceText,
} from './diffJson.js';

/** What `MemberSizes.patchText` answers when its shortcut does not apply (then `boundedPatchText` does the work). */
export const NOT_MEMBERS: unique symbol = Symbol('notMembers');

// Objects with more members than this are walked as any other value.
const MAX_MEMBERS = 32;

/** The members of a kind of object, in order, with their paths: one for all the objects of that kind. */
interface MemberShape {
  readonly keys: readonly string[];
  readonly paths: readonly string[];
}

// Shapes by their keys, shared by every session's bases (memory every session's answer reads,
// so it stays in the caches); bounded, since clients' properties choose the keys.
const shapes = new Map<string, MemberShape>();
const MOST_SHAPES = 1024;

function shapeOf(keys: string[]): MemberShape {
  const name = keys.join('\u0000');
  let shape = shapes.get(name);
  if (shape === undefined) {
    shape = { keys, paths: keys.map((key) => `/${escapePointer(key)}`) };
    if (shapes.size >= MOST_SHAPES) shapes.clear();
    shapes.set(name, shape);
  }
  return shape;
}

/**
 * A delta base that is a plain object of shared values and scalars (a
 * layout: qInfo, qHyperCube, qMeta, qSelectionInfo, qHasSoftPatches), with
 * each member's JSON bytes as `boundedPatchText` counts them. The layout's
 * top is made per session and per call, but when the session moves from one
 * cached chart to another only its shared cube changed: the patch is then
 * the memo of that pair's patch under the member's path, and its size check
 * is sums of the bytes kept here. `boundedPatchText` would walk the members
 * and look each shared one up to come to the same text (a test compares
 * them); in a server of a thousand sessions those lookups reach memory that
 * is cold by the session's next click, so what is kept per session is small:
 * the base itself, and its members' bytes.
 */
export class MemberSizes {
  // Bytes per member, -1 until counted; the members are read from the base.
  private readonly bytes: number[];
  // The base these sizes are of, until `commit` makes them those of the next one.
  private base: Record<string, unknown>;
  private readonly shape: MemberShape;
  // The change the last patchText found, made by `commit` when that value becomes the base.
  private pendingIndex = -1;
  private pendingBase: Record<string, unknown> | undefined = undefined;

  private constructor(base: Record<string, unknown>, shape: MemberShape) {
    this.base = base;
    this.shape = shape;
    this.bytes = shape.keys.map(() => -1);
  }

  /** The sizes of `value`'s members, or undefined when it is not an object of shared values and scalars. */
  static of(value: unknown): MemberSizes | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (isSharedJson(value) || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    const object = value as Record<string, unknown>;
    const keys: string[] = [];
    for (const key in object) {
      const member = object[key];
      if (member === undefined) continue;
      if (typeof member === 'object' && member !== null && !isSharedJson(member)) return undefined;
      if (typeof member === 'function' || typeof member === 'symbol') return undefined;
      if (keys.length === MAX_MEMBERS) return undefined;
      keys.push(key);
    }
    return new MemberSizes(object, shapeOf(keys));
  }

  /**
   * The patch text from the base these sizes describe to `next`, as
   * `boundedPatchText` writes it (undefined: send `next` whole), when `next`
   * has the same members in the same order and at most one of them changed,
   * from a shared value to another; NOT_MEMBERS otherwise.
   */
  patchText(next: unknown): string | undefined | typeof NOT_MEMBERS {
    this.pendingIndex = -1;
    this.pendingBase = undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return NOT_MEMBERS;
    return this.membersPatchText(next as Record<string, unknown>);
  }

  private membersPatchText(next: Record<string, unknown>): string | undefined | typeof NOT_MEMBERS {
    const { keys } = this.shape;
    const base = this.base;
    let changed = -1;
    let count = 0;
    for (const key in next) {
      const value = next[key];
      if (value === undefined) continue;
      if (count === keys.length || keys[count] !== key) return NOT_MEMBERS;
      const before = base[key];
      if (value !== before) {
        // Scalars kept here are primitives and objects are shared: only a pair of shared values qualifies.
        if (changed >= 0 || typeof before !== 'object' || before === null) return NOT_MEMBERS;
        if (typeof value !== 'object' || value === null || !isSharedJson(value)) return NOT_MEMBERS;
        changed = count;
      }
      count++;
    }
    if (count !== keys.length) return NOT_MEMBERS;
    // Whatever the answer, `next` may become the base (a delta answer sends it whole if not patched).
    this.pendingBase = next;
    if (changed < 0) return '[]';
    const value = next[keys[changed]!] as object;
    const pair = pairDiff(base[keys[changed]!] as object, value);
    this.pendingIndex = changed;
    // The bytes of `next` as the walk would count them: before the changed member, up to its end, in all.
    let nextBytes = 0;
    for (let i = 0; i < changed; i++) nextBytes += keys[i]!.length + 3 + this.bytesAt(i);
    nextBytes += keys[changed]!.length + 3 + pair.nextBytes;
    const seen = nextBytes;
    for (let i = changed + 1; i < count; i++) nextBytes += keys[i]!.length + 3 + this.bytesAt(i);
    nextBytes += 2 + Math.max(0, count - 1);
    const path = this.shape.paths[changed]!;
    let patchBytes = 2;
    if (pair.whole) patchBytes += opBytes('replace', path, pair.nextBytes);
    else if (pair.ops.length > 0) patchBytes += pair.patchBytes + pair.ops.length * path.length;
    // The walk gives up as soon as the patch outgrows the bytes seen so far plus a margin.
    if (patchBytes > seen + MARGIN || !patchMayFit(patchBytes, nextBytes)) return undefined;
    let text: string;
    if (pair.whole) text = replaceText(path, value);
    else text = pair.ops.length === 0 ? '[]' : `[${pairOpsText(pair, path)}]`;
    return fittingPatch(text, nextBytes, next);
  }

  /** Makes these the sizes of the value the last `patchText` was asked for (it became the base). */
  commit(): void {
    if (this.pendingBase === undefined) return;
    this.base = this.pendingBase;
    // Counted when the member is next found unchanged: a changed one counts as its pair says.
    if (this.pendingIndex >= 0) this.bytes[this.pendingIndex] = -1;
    this.pendingIndex = -1;
    this.pendingBase = undefined;
  }

  /** An unchanged member's bytes as the walk counts them (`jsonBytes`), counted once. */
  private bytesAt(index: number): number {
    let counted = this.bytes[index]!;
    if (counted < 0) this.bytes[index] = counted = jsonBytes(this.base[this.shape.keys[index]!]);
    return counted;
  }
}
