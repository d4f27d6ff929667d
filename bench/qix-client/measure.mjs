// Timing helpers of the qix client benchmark.
import { performance } from 'node:perf_hooks';

/** Calls per second of `count` calls made one after another. */
export async function sequential(call, count) {
  const start = performance.now();
  for (let i = 0; i < count; i += 1) await call();
  return count / ((performance.now() - start) / 1000);
}

/**
 * `total` calls with `inFlight` outstanding at any time: calls per second, and this
 * process's CPU microseconds per call (user + system; what the client costs, much less
 * sensitive than wall time to other processes on the machine).
 */
export function pipelined(call, total, inFlight) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  return new Promise((resolve, reject) => {
    let started = 0;
    let done = 0;
    const next = () => {
      if (started >= total) return;
      started += 1;
      call().then(() => {
        done += 1;
        if (done === total) {
          const cpu = process.cpuUsage(cpuStart);
          resolve({
            rate: total / ((performance.now() - start) / 1000),
            cpuPerCall: (cpu.user + cpu.system) / total,
          });
        } else next();
      }, reject);
    };
    for (let i = 0; i < inFlight; i += 1) next();
  });
}

export async function loop(fn, times) {
  for (let i = 0; i < times; i += 1) await fn();
}

/**
 * The order of round `round`: a shuffle seeded by the round number, so that each client
 * has other neighbours from round to round (whoever runs after a client that leaves a lot
 * of garbage behind is not always the same), and a run is repeatable.
 */
export function roundOrder(list, round) {
  let seed = (round + 1) * 2654435761;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const order = [...list];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Collects garbage (the process runs with --expose-gc), so that no run pays for the one before. */
export function collectGarbage(times = 2) {
  for (let i = 0; i < times; i += 1) /** @type {() => void} */ (globalThis.gc)();
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `median [min–max]` of some figures. */
export function spread(values, digits = 0) {
  if (!values || values.length === 0) return 'n/a';
  const sorted = [...values].sort((a, b) => a - b);
  const fixed = (value) => value.toFixed(digits);
  return `${fixed(median(values))} [${fixed(sorted[0])}–${fixed(sorted.at(-1))}]`;
}
