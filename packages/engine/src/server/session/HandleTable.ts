import type { EngineClass } from '../dispatch/MethodTable.js';

/** Engine classes a handle can stand for. */
export type HandleType = EngineClass;

/** What a handle points at: the class, the object behind it, and whether its layout was read since it last changed. */
export interface HandleEntry<TTarget = unknown> {
  readonly handle: number;
  readonly type: HandleType;
  readonly genericId: string;
  readonly genericType: string;
  readonly target: TTarget;
  /** Set by a layout read, cleared when the object changes; a change is reported only for valid ones. */
  layoutValid: boolean;
}

/** The `qReturn` of a method that hands out an object that exists. */
export interface ObjectInterface {
  qType: HandleType;
  qHandle: number;
  qGenericType: string;
  qGenericId: string;
}

/** The `qReturn` of a Get* method when there is no such object (an answer, not an error, in Qlik's engine). */
export const NO_OBJECT = Object.freeze({
  qType: null,
  qHandle: null,
  qGenericType: null,
  qGenericId: null,
});

/**
 * The handles of one session. Numbers are never reused within a session, and
 * asking twice for the same object gives the same handle.
 */
export class HandleTable {
  private readonly entries = new Map<number, HandleEntry>();
  private readonly byKey = new Map<string, number>();
  private nextHandle = 1;

  constructor() {
    this.entries.set(-1, {
      handle: -1,
      type: 'Global',
      genericId: 'Global',
      genericType: 'Global',
      target: null,
      layoutValid: false,
    });
  }

  /** The entry of a handle, if it is open. */
  get(handle: number): HandleEntry | undefined {
    return this.entries.get(handle);
  }

  /** Opens (or finds) the handle of an object and returns its `qReturn` form. */
  open<T>(type: HandleType, genericId: string, genericType: string, target: T): ObjectInterface {
    const key = `${type}\u0000${genericId}`;
    let handle = this.byKey.get(key);
    const existing = handle === undefined ? undefined : this.entries.get(handle);
    if (existing === undefined || existing.target !== target) {
      handle = this.nextHandle++;
      this.entries.set(handle, {
        handle,
        type,
        genericId,
        genericType,
        target,
        layoutValid: false,
      });
      this.byKey.set(key, handle);
    }
    return { qType: type, qHandle: handle!, qGenericType: genericType, qGenericId: genericId };
  }

  /** Closes the handles whose target matches, returning their numbers. */
  closeWhere(predicate: (entry: HandleEntry) => boolean): number[] {
    const closed: number[] = [];
    for (const entry of this.entries.values()) {
      if (entry.handle !== -1 && predicate(entry)) closed.push(entry.handle);
    }
    for (const handle of closed) this.remove(handle);
    return closed;
  }

  /** Marks the matching handles changed; adds those whose layout had been read (the ones to report) to `changed`. */
  invalidateWhere(predicate: (entry: HandleEntry) => boolean, changed: Set<number>): void {
    for (const entry of this.entries.values()) {
      if (entry.layoutValid && predicate(entry)) {
        entry.layoutValid = false;
        changed.add(entry.handle);
      }
    }
  }

  private remove(handle: number): void {
    const entry = this.entries.get(handle);
    if (!entry) return;
    this.entries.delete(handle);
    const key = `${entry.type}\u0000${entry.genericId}`;
    if (this.byKey.get(key) === handle) this.byKey.delete(key);
  }
}
