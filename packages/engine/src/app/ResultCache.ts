import { LocError } from '../errors/LocError.js';
import type { DataModel } from '../model/DataModel.js';

/** How the shared result cache behaves (startEngine's `resultCache`). */
export interface ResultCacheOptions {
  /** Whether sessions share computed charts at all (default true). */
  readonly enabled?: boolean;
  /** About how many bytes of results to keep before the least recently used go (default 256 MiB). */
  readonly maxBytes?: number;
}

/** What the cache holds and how often it answered. */
export interface ResultCacheStats {
  readonly enabled: boolean;
  readonly hits: number;
  readonly misses: number;
  /** hits / (hits + misses), 0 before any lookup. */
  readonly hitRate: number;
  readonly entries: number;
  /** The estimated size of the results held. */
  readonly bytes: number;
  readonly maxBytes: number;
  readonly evictions: number;
}

/**
 * What a result read besides its key while it was computed: the selections
 * of other states (set expressions such as `{B}`, GetFieldSelections(F, 'B'))
 * and bookmarks, each as the key of what it read.
 */
export interface ResultReads {
  readonly states: Map<string, string>;
  readonly bookmarks: Map<string, string>;
}

/** The keys of what a session reads now, to check a result's reads against. */
export interface CurrentReads {
  stateKey(name: string): string | undefined;
  bookmarkKey(id: string): string | undefined;
}

/**
 * What a result is filed under beside its model: the definition's text (the
 * long part, one string per definition, so its hash is computed once) and
 * the context it was computed in (kind, settings, state and its selections).
 */
export interface ResultKey {
  readonly definition: string;
  readonly context: string;
}

interface Entry {
  readonly model: DataModel;
  readonly key: ResultKey;
  readonly value: unknown;
  readonly reads: ResultReads;
  readonly bytes: number;
  /** Neighbours in the order of use (see `ResultCache.oldest`), null at either end or once dropped. */
  older: Entry | null;
  newer: Entry | null;
  held: boolean;
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Computed charts shared by every session of an engine, as Qlik's engine
 * keeps one result cache for all users: a chart many sessions view in the
 * same state is computed once. Results are filed under their data model (a
 * reload or another section access reduction is another model) and a key the
 * caller makes of everything else the result depends on (the expanded
 * definition, the state and its selections, the format settings); what the
 * computation read beyond that (other states, bookmarks) is checked on every
 * lookup. Least recently used results go when the size budget is spent.
 */
export class ResultCache {
  private enabledFlag = true;
  private maxBytesValue = DEFAULT_MAX_BYTES;
  private readonly byModel = new Map<DataModel, Map<string, Map<string, Entry[]>>>();
  // Insertion order is use order: a hit moves its entry to the end.
  /**
   * The entries from least to most recently used, linked through the entries
   * themselves: a hit moves its entry to the newest end by changing links,
   * where deleting it from a Set and adding it again used up a slot of the
   * Set's table per hit, and a rehash every few hits made a new table (in a
   * structure that lives long, so promoted).
   */
  private oldest: Entry | null = null;
  private newest: Entry | null = null;
  private held = 0;
  private bytesHeld = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(options: ResultCacheOptions = {}) {
    this.configure(options);
  }

  /** Turns the cache on or off and sets its budget; turning it off drops what it holds. */
  configure(options: ResultCacheOptions): void {
    if (options.maxBytes !== undefined) {
      if (!(options.maxBytes >= 0))
        throw new LocError(
          'LOCERR_GENERIC_INVALID_PARAMETERS',
          `resultCache.maxBytes must be a number >= 0, got ${options.maxBytes}`,
          { parameter: 'resultCache.maxBytes' },
        );
      this.maxBytesValue = options.maxBytes;
    }
    if (options.enabled !== undefined) this.enabledFlag = options.enabled;
    if (!this.enabledFlag) this.clear();
    this.evict();
  }

  /** Whether lookups can answer. */
  get enabled(): boolean {
    return this.enabledFlag;
  }

  /** A result computed under `key` over `model` whose other reads are what `current` reads now. */
  lookup<T>(model: DataModel, key: ResultKey, current: CurrentReads): T | undefined {
    if (!this.enabledFlag) return undefined;
    const entries = this.byModel.get(model)?.get(key.definition)?.get(key.context);
    const entry = entries && findMatching(entries, current);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (entry !== this.newest) {
      this.detach(entry);
      this.append(entry);
    }
    return entry.value as T;
  }

  /** Keeps a result, with what it read and its estimated size. */
  store(model: DataModel, key: ResultKey, value: unknown, reads: ResultReads, bytes: number): void {
    if (!this.enabledFlag || bytes > this.maxBytesValue) return;
    // A result with the same reads (two sessions computed it at once) is replaced. It goes
    // first: taking out the last result of a definition or model drops their maps, which
    // the new entry must not be put in.
    const same = this.byModel
      .get(model)
      ?.get(key.definition)
      ?.get(key.context)
      ?.find((each) => sameReads(each.reads, reads));
    if (same) this.remove(same);
    let byDefinition = this.byModel.get(model);
    if (!byDefinition) this.byModel.set(model, (byDefinition = new Map()));
    let byKey = byDefinition.get(key.definition);
    if (!byKey) byDefinition.set(key.definition, (byKey = new Map()));
    const entry: Entry = { model, key, value, reads, bytes, older: null, newer: null, held: true };
    byKey.set(key.context, [...(byKey.get(key.context) ?? []), entry]);
    this.append(entry);
    this.held++;
    this.bytesHeld += bytes;
    this.evict();
  }

  /** Drops every result of these models (their app was reloaded). */
  forget(models: Iterable<DataModel | null | undefined>): void {
    for (const model of models) {
      if (!model) continue;
      const byDefinition = this.byModel.get(model);
      if (!byDefinition) continue;
      for (const byKey of byDefinition.values())
        for (const entries of byKey.values()) for (const entry of entries) this.unlink(entry);
      this.byModel.delete(model);
    }
  }

  /** Drops every result. */
  clear(): void {
    this.forget([...this.byModel.keys()]);
  }

  /** Counters and size, for benches and monitoring. */
  stats(): ResultCacheStats {
    const lookups = this.hits + this.misses;
    return {
      enabled: this.enabledFlag,
      hits: this.hits,
      misses: this.misses,
      hitRate: lookups === 0 ? 0 : this.hits / lookups,
      entries: this.held,
      bytes: this.bytesHeld,
      maxBytes: this.maxBytesValue,
      evictions: this.evictions,
    };
  }

  private evict(): void {
    while (this.oldest !== null && this.bytesHeld > this.maxBytesValue) {
      this.remove(this.oldest);
      this.evictions++;
    }
  }

  private remove(entry: Entry): void {
    this.unlink(entry);
    const { definition, context } = entry.key;
    const byDefinition = this.byModel.get(entry.model);
    const byKey = byDefinition?.get(definition);
    const left = byKey?.get(context)?.filter((each) => each !== entry) ?? [];
    if (left.length > 0) byKey!.set(context, left);
    else byKey?.delete(context);
    if (byKey?.size === 0) byDefinition!.delete(definition);
    if (byDefinition?.size === 0) this.byModel.delete(entry.model);
  }

  private unlink(entry: Entry): void {
    if (!entry.held) return;
    entry.held = false;
    this.detach(entry);
    this.held--;
    this.bytesHeld -= entry.bytes;
  }

  /** Takes an entry out of the order of use. */
  private detach(entry: Entry): void {
    if (entry.older) entry.older.newer = entry.newer;
    else if (this.oldest === entry) this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else if (this.newest === entry) this.newest = entry.older;
    entry.older = null;
    entry.newer = null;
  }

  /** Puts an entry at the newest end of the order of use. */
  private append(entry: Entry): void {
    entry.older = this.newest;
    entry.newer = null;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }
}

function findMatching(entries: readonly Entry[], current: CurrentReads): Entry | undefined {
  for (const entry of entries) if (readsMatch(entry, current)) return entry;
  return undefined;
}

function readsMatch(entry: Entry, current: CurrentReads): boolean {
  for (const [name, key] of entry.reads.states) if (current.stateKey(name) !== key) return false;
  for (const [id, key] of entry.reads.bookmarks) if (current.bookmarkKey(id) !== key) return false;
  return true;
}

function sameReads(a: ResultReads, b: ResultReads): boolean {
  const same = (x: Map<string, string>, y: Map<string, string>) =>
    x.size === y.size && [...x].every(([name, key]) => y.get(name) === key);
  return same(a.states, b.states) && same(a.bookmarks, b.bookmarks);
}
