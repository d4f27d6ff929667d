// What stalled a process of bench/engine-server during a round: its garbage
// collector's pauses and the longest delay of its event loop. One pause
// delays every op in flight, so these are what stretch p99 beyond the mean.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/** A round's stalls, in ms. */
export interface Pauses {
  /** The garbage collector's pauses, added up. */
  readonly gcMs: number;
  /** The longest of them. */
  readonly gcMaxMs: number;
  /** The longest the event loop was late by. */
  readonly loopMaxMs: number;
  /** Each pause's start (ms on the machine-wide clock of performance.timeOrigin) and length. */
  readonly gcs: number[];
}

/** Starts watching this process's stalls; the function returned stops and tells them. */
export function watchPauses(): () => Pauses {
  let gcMs = 0;
  let gcMaxMs = 0;
  const gcs: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
      gcs.push(performance.timeOrigin + entry.startTime, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  return () => {
    // GC entries are delivered asynchronously: take the ones still queued.
    for (const entry of observer.takeRecords()) {
      gcMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
      gcs.push(performance.timeOrigin + entry.startTime, entry.duration);
    }
    observer.disconnect();
    loop.disable();
    return { gcMs, gcMaxMs, loopMaxMs: loop.max / 1e6, gcs };
  };
}
