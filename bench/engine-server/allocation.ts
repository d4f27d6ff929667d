// Bytes a process allocates on V8's heap over a stretch of its work, and what
// its scavenges keep, for bench/engine-server's in-process measures. V8 has
// no running count of bytes allocated that Node 20 exposes, so it is summed:
// the heap's growth over the stretch plus what every collection in it freed.
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** What a measured stretch allocated and what its collections kept. */
export interface Allocation {
  /** Bytes allocated on the heap (all spaces). */
  readonly bytes: number;
  /** Scavenges (young-generation collections) that ran. */
  readonly scavenges: number;
  /** Mark-compact (full) collections that ran. */
  readonly fullCollections: number;
  /** Bytes in the young generation after each scavenge (survivors copied), median. */
  readonly survivedPerScavenge: number;
  /** Bytes each scavenge moved to the old generation (promoted), median. */
  readonly promotedPerScavenge: number;
}

interface SpaceUse {
  readonly spaceName: string;
  readonly spaceUsedSize: number;
}

interface HeapSnapshotStats {
  readonly heapStatistics: { readonly usedHeapSize: number };
  readonly heapSpaceStatistics: readonly SpaceUse[];
}

interface GcEntry {
  readonly gcType: string;
  readonly beforeGC: HeapSnapshotStats;
  readonly afterGC: HeapSnapshotStats;
}

function used(stats: HeapSnapshotStats, space: string): number {
  return stats.heapSpaceStatistics.find((s) => s.spaceName === space)?.spaceUsedSize ?? 0;
}

function middle(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Measures the allocation of `work` (awaited). */
export async function measureAllocation(work: () => Promise<void>): Promise<Allocation> {
  const profiler = new GCProfiler();
  const start = getHeapStatistics().used_heap_size;
  profiler.start();
  await work();
  const result = profiler.stop() as unknown as { statistics: GcEntry[] };
  const end = getHeapStatistics().used_heap_size;
  let freed = 0;
  const survived: number[] = [];
  const promoted: number[] = [];
  let scavenges = 0;
  let fullCollections = 0;
  for (const gc of result.statistics) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    if (gc.gcType === 'Scavenge') {
      scavenges++;
      survived.push(used(gc.afterGC, 'new_space'));
      promoted.push(used(gc.afterGC, 'old_space') - used(gc.beforeGC, 'old_space'));
    } else if (gc.gcType === 'MarkSweepCompact') fullCollections++;
  }
  return {
    bytes: end - start + freed,
    scavenges,
    fullCollections,
    survivedPerScavenge: middle(survived),
    promotedPerScavenge: middle(promoted),
  };
}
