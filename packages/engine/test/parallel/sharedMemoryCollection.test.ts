import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedMemoryCollector, sharedMemory } from '../../src/parallel/sharedMemoryCollection.js';
import { sharedFloat64 } from '../../src/parallel/sharedArrays.js';
import { v8Collector } from '../../src/parallel/v8Collector.js';

const MIB = 2 ** 20;
const turn = () => new Promise((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SharedMemoryCollector', () => {
  let collector: SharedMemoryCollector | undefined;
  afterEach(() => collector?.close());

  /** A shared array of `mib` MiB, counted by `collector`, touched so it is really mapped. */
  const allocate = (into: SharedMemoryCollector, mib: number) => {
    into.note(mib * MIB);
    const array = new Uint8Array(new SharedArrayBuffer(mib * MIB));
    array.fill(1);
    return array;
  };

  it('runs one full collection at the next turn once the budget is passed, which frees the arrays', async () => {
    collector = new SharedMemoryCollector(8 * MIB);
    let dropped: WeakRef<Uint8Array> | undefined;
    (() => {
      dropped = new WeakRef(allocate(collector, 4));
    })();
    await turn();
    expect(collector.collections).toBe(0);
    expect(collector.sinceFull).toBe(4 * MIB);
    allocate(collector, 5);
    allocate(collector, 5);
    // Never inside the caller's work: only at the next turn, and only once.
    expect(collector.collections).toBe(0);
    await turn();
    await turn();
    expect(collector.collections).toBe(1);
    expect(collector.sinceFull).toBe(0);
    expect(dropped!.deref()).toBeUndefined();
  });

  it("forgets the bytes counted before someone else's full collection", async () => {
    collector = new SharedMemoryCollector(8 * MIB);
    allocate(collector, 6);
    v8Collector(v8, vm)!();
    // The observer's entries arrive after the collection.
    for (let i = 0; i < 50 && collector.sinceFull > 0; i++) await pause(10);
    expect(collector.sinceFull).toBe(0);
    allocate(collector, 6);
    await turn();
    await turn();
    expect(collector.collections).toBe(0);
    expect(collector.sinceFull).toBe(6 * MIB);
  });

  it("counts the engine's shared arrays", () => {
    const before = sharedMemory.sinceFull;
    sharedFloat64(1024);
    expect(sharedMemory.sinceFull - before).toBe(8 * 1024);
  });
});
