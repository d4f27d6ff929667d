// Bytes a process allocated on its JS heap over a stretch of work, for
// bench/engine-server's development aids: what the heap grew by, plus what
// each garbage collection in between freed (V8's GCProfiler reports every
// collection's heap before and after). Allocation per op is what sets how
// often scavenges run, and each scavenge copies everything the sessions keep.
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** Starts counting; the function returned stops and tells the bytes allocated since and the GCs run. */
export function watchAllocation(): () => { bytes: number; gcs: number } {
  const profiler = new GCProfiler();
  const before = getHeapStatistics().used_heap_size;
  profiler.start();
  return () => {
    const after = getHeapStatistics().used_heap_size;
    const { statistics } = profiler.stop();
    let freed = 0;
    for (const gc of statistics) {
      freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    }
    return { bytes: after - before + freed, gcs: statistics.length };
  };
}
