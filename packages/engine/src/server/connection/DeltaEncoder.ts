import { boundedPatchText } from '../protocol/diffJson.js';
import { jsonText } from '../protocol/jsonText.js';
import { MemberSizes, NOT_MEMBERS } from '../protocol/MemberSizes.js';

const scratchKeys: string[] = [];
const scratchPatches: (string | undefined)[] = [];
// Each key's base, and whether its patch came from the base's member sizes (see `MemberSizes`).
const scratchBases: (Base | undefined)[] = [];
const scratchByMembers: boolean[] = [];

/** The last value sent for a key, and its member sizes when it is an object of shared values. */
class Base {
  constructor(
    public value: unknown,
    public members: MemberSizes | undefined,
  ) {}
}

// Results have few distinct keys (qLayout, qDataPages, ...): their JSON is written once each.
const keyTexts = new Map<string, string>();
const KEY_TEXTS_KEPT = 256;

/** A result key's JSON text. */
function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (keyTexts.size < KEY_TEXTS_KEPT) keyTexts.set(key, text);
  }
  return text;
}

/**
 * Encodes results as JSON Patches against the last value sent for the same
 * handle, method and result key on this socket, as the engine does for
 * requests that carry `delta: true`. A patch never takes more bytes than
 * the whole value (see `boundedPatchText`). When no key of a result is worth
 * patching, the result goes out whole as a plain answer (no `delta` member):
 * clients keep their delta bases for plain answers (enigma.js and
 * @qlikit/qix patch only what came as a delta), so the bases here stay as
 * they were, and the client is spared the work a delta answer costs it. The
 * values kept as bases are the answers themselves, not copies: handlers
 * answer with fresh values or shared ones that never change (see `shareJson`).
 */
export class DeltaEncoder {
  /** The last value sent, by handle, then method, then result key. */
  private readonly sent = new Map<number, Map<string, Map<string, Base>>>();
  // The bases of the handle and method encoded last (a session asks for the same layout click
  // after click): found without the two maps, whose tables are cold memory in a busy server.
  private lastHandle = NaN;
  private lastMethod = '';
  private lastBases: Map<string, Base> | undefined;
  // And the base of its key asked last (qLayout, answer after answer), found without the map.
  private lastKey = '';
  private lastBase: Base | undefined;

  /**
   * The JSON of the patches for `result` (an object of patch arrays),
   * remembering its values as the new bases; undefined when the result is
   * better sent whole, as a plain answer.
   */
  encode(handle: number, method: string, result: Record<string, unknown>): string | undefined {
    const bases = this.basesOf(handle, method);
    // Scratch arrays shared by every encoder (encode runs to its end before another starts),
    // filled up to `count` and not emptied: an answer's keys and patches need no new arrays,
    // and no calls to shrink them (what they hold until the next answer is a few references).
    const keys = scratchKeys;
    const patches = scratchPatches;
    const byMembers = scratchByMembers;
    const keptBases = scratchBases;
    let count = 0;
    let patched = false;
    for (const key in result) {
      const value = result[key];
      if (value === undefined) continue;
      const base = this.baseOf(bases, key);
      let patch: string | undefined;
      let fromMembers = false;
      if (base === undefined) patch = `[{"op":"add","path":"/","value":${jsonText(value)}}]`;
      else {
        const quick = base.members?.patchText(value) ?? NOT_MEMBERS;
        fromMembers = quick !== NOT_MEMBERS;
        patch = quick === NOT_MEMBERS ? boundedPatchText(base.value, value) : quick;
      }
      if (patch !== undefined) patched = true;
      keys[count] = key;
      patches[count] = patch;
      keptBases[count] = base;
      byMembers[count] = fromMembers;
      count++;
    }
    if (!patched && count > 0) return undefined;
    let text = '{';
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const value = result[key];
      const base = keptBases[i];
      if (base === undefined) {
        const made = new Base(value, MemberSizes.of(value));
        bases.set(key, made);
        if (key === this.lastKey) this.lastBase = made;
      } else {
        // The sizes follow the base: updated where they made the patch, made again where the walk did.
        if (byMembers[i]) base.members!.commit();
        else base.members = MemberSizes.of(value);
        base.value = value;
      }
      const patchText = patches[i] ?? `[{"op":"replace","path":"/","value":${jsonText(value)}}]`;
      text += `${i > 0 ? ',' : ''}${keyText(key)}:${patchText}`;
    }
    return `${text}}`;
  }

  private baseOf(bases: Map<string, Base>, key: string): Base | undefined {
    if (key === this.lastKey && this.lastBase !== undefined) return this.lastBase;
    const base = bases.get(key);
    this.lastKey = key;
    this.lastBase = base;
    return base;
  }

  private basesOf(handle: number, method: string): Map<string, Base> {
    if (handle === this.lastHandle && method === this.lastMethod && this.lastBases)
      return this.lastBases;
    // Another handle or method: its keys' bases are other objects.
    this.lastBase = undefined;
    let byMethod = this.sent.get(handle);
    if (!byMethod) this.sent.set(handle, (byMethod = new Map()));
    let bases = byMethod.get(method);
    if (!bases) byMethod.set(method, (bases = new Map()));
    this.lastHandle = handle;
    this.lastMethod = method;
    this.lastBases = bases;
    return bases;
  }

  /** Forgets the bases of closed handles. */
  forget(handles: readonly number[]): void {
    for (const handle of handles) {
      this.sent.delete(handle);
      if (handle === this.lastHandle) {
        this.lastBases = undefined;
        this.lastBase = undefined;
      }
    }
  }
}
