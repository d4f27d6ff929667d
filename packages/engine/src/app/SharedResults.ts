import type { DataModel } from '../model/DataModel.js';
import type { Selections } from '../selection/FieldSelection.js';
import type { SelectionSnapshot } from '../selection/SelectionSnapshot.js';
import type { SelectionState } from '../selection/SelectionState.js';
import type { CurrentReads, ResultCache, ResultKey, ResultReads } from './ResultCache.js';
import { selectionKey } from '../selection/selectionKey.js';

type Json = Record<string, unknown>;

// Functions whose value is the session's user or document, not the data: results using them stay per session.
const PER_SESSION =
  /\b(OSUser|ComputerName|DocumentName|DocumentTitle|DocumentPath|ReloadTime)\s*\(/i;

/**
 * One session's view of the shared result cache: it makes a result's key
 * from the session's current state (the expanded definition, the state's
 * selections, the format settings) and records what a computation reads of
 * other states and bookmarks while it runs, so that another session finds
 * the result only when it would read the same.
 */
export class SharedResults implements CurrentReads {
  private reads: ResultReads | null = null;
  /** The key of each state's selections when last asked, with the selections it is of. */
  private readonly stateKeys = new Map<string, { selections: Selections; key: string }>();

  constructor(
    private readonly cache: ResultCache | undefined,
    private readonly model: DataModel,
    private readonly settingsKey: string,
    private readonly state: (name: string) => SelectionState,
    private readonly bookmark: (id: string) => SelectionSnapshot | undefined,
  ) {}

  /**
   * The result of `kind` for an expanded definition over a state: found in
   * the cache, or computed by `compute` and kept with its estimated size.
   * `text` is the definition's JSON when the caller has it already.
   */
  get<T>(
    kind: string,
    stateName: string,
    expanded: Json,
    compute: () => T,
    bytesOf: (value: T) => number,
    known?: string,
  ): T {
    const cache = this.cache;
    if (!cache?.enabled) return compute();
    const text = known ?? JSON.stringify(expanded);
    if (perSession(expanded, text)) return compute();
    const key: ResultKey = {
      definition: text,
      context: `${kind}\u0000${this.settingsKey}\u0000${stateName}\u0000${this.stateKey(stateName)}`,
    };
    const found = cache.lookup<T>(this.model, key, this);
    if (found !== undefined) return found;
    const reads: ResultReads = { states: new Map(), bookmarks: new Map() };
    const outer = this.reads;
    this.reads = reads;
    let value: T;
    try {
      value = compute();
    } finally {
      this.reads = outer;
    }
    // The state the key names is not a further read.
    reads.states.delete(stateName);
    cache.store(this.model, key, value, reads, bytesOf(value));
    if (outer) mergeInto(outer, reads);
    return value;
  }

  /** Notes that the running computation read a state's selections. */
  readState(name: string): void {
    if (this.reads && !this.reads.states.has(name))
      this.reads.states.set(name, this.stateKey(name) ?? '');
  }

  /** Notes that the running computation read a bookmark. */
  readBookmark(id: string): void {
    if (this.reads && !this.reads.bookmarks.has(id))
      this.reads.bookmarks.set(id, this.bookmarkKey(id) ?? '');
  }

  /** The key of a state's current selections, undefined when the session has no such state. */
  stateKey(name: string): string | undefined {
    let selections: Selections;
    try {
      selections = this.state(name).selections;
    } catch {
      return undefined;
    }
    // A state's selections map is replaced on every change: the key of the current one is kept.
    const known = this.stateKeys.get(name);
    if (known?.selections === selections) return known.key;
    const key = selectionKey(selections);
    // The entry is updated in place: no new object per selection for a map that lives long.
    if (known) {
      known.selections = selections;
      known.key = key;
    } else this.stateKeys.set(name, { selections, key });
    return key;
  }

  /** The key of a bookmark's stored selections, undefined when there is none. */
  bookmarkKey(id: string): string | undefined {
    const snapshot = this.bookmark(id);
    return snapshot === undefined ? undefined : JSON.stringify(snapshot);
  }
}

// Whether each definition object reads per-session functions, tested once (definitions are replaced, never changed).
const perSessionTests = new WeakMap<object, boolean>();

function perSession(expanded: Json, text: string): boolean {
  let found = perSessionTests.get(expanded);
  if (found === undefined) perSessionTests.set(expanded, (found = PER_SESSION.test(text)));
  return found;
}

function mergeInto(outer: ResultReads, inner: ResultReads): void {
  for (const [name, key] of inner.states) if (!outer.states.has(name)) outer.states.set(name, key);
  for (const [id, key] of inner.bookmarks)
    if (!outer.bookmarks.has(id)) outer.bookmarks.set(id, key);
}
