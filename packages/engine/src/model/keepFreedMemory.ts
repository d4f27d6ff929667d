// A chart's computation allocates its working arrays afresh (at 1M rows,
// megabytes: Aggr's inner grouping about 8 MB) and frees them when it is
// done. glibc's malloc serves a request above its mmap threshold (128 KiB
// at first) with a mapping of its own, and gives the top of its heap back to
// the kernel once more than its trim threshold is free there; so an engine
// process whose heap holds little else (a server between requests) returned
// those megabytes after every computation and faulted them in again in the
// next: ~2,050 page faults and 4-5 ms of system CPU per 1M-row Aggr layout
// (bench/engine/shapes/clientGap.ts). glibc raises both thresholds for good
// when it frees a mapping bigger than the mmap threshold, to that mapping's
// size (at most 32 MiB) and twice that (mallopt(3), M_MMAP_THRESHOLD), so
// one buffer of just under 32 MiB, never touched and dropped at once, does
// what GLIBC_TUNABLES would do from outside the process. Elsewhere (musl,
// macOS, Windows) it is one untouched allocation that the next collection
// frees.

/** Just under glibc's largest dynamic mmap threshold (32 MiB), counting the mapping's header page. */
const PRIMER_BYTES = 32 * 1024 * 1024 - 64 * 1024;

let done = false;

/**
 * Once per process: has malloc keep the memory that computations free for
 * the next ones (up to ~64 MiB of free heap) instead of giving it back to
 * the kernel after each.
 */
export function keepFreedMemory(): void {
  if (done) return;
  done = true;
  // Dropped unused: freeing its mapping is what raises the thresholds. Shared,
  // because V8 counts an ordinary ArrayBuffer's bytes towards starting a full
  // collection (see script/ColumnBuilder.ts) and this one should cost nothing.
  void new SharedArrayBuffer(PRIMER_BYTES);
}
