// Timing helpers of the qix client benchmark.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Calls per second of `count` calls made one after another. */
export async function sequential(call, count) {
  const start = performance.now();
  for (let i = 0; i < count; i += 1) await call();
  return count / ((performance.now() - start) / 1000);
}

/**
 * `total` calls with `inFlight` outstanding at any time: calls per second, this process's
 * CPU microseconds per call (user + system; what the client costs, much less sensitive than
 * wall time to other processes on the machine), and the calls per read and per write system
 * call it made (how many frames each carried; undefined where /proc/self/io is not there).
 */
export function pipelined(call, total, inFlight) {
  const ioStart = systemCalls();
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
          const rate = total / ((performance.now() - start) / 1000);
          const ioEnd = systemCalls();
          resolve({
            rate,
            cpuPerCall: (cpu.user + cpu.system) / total,
            callsPerRead: ioStart && ioEnd && total / Math.max(1, ioEnd.reads - ioStart.reads),
            callsPerWrite: ioStart && ioEnd && total / Math.max(1, ioEnd.writes - ioStart.writes),
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

/**
 * This process's read and write system calls so far (Linux's /proc/self/io; undefined
 * elsewhere): how many frames a client's writes carry, and a server's reads.
 */
export function systemCalls() {
  try {
    const io = readFileSync('/proc/self/io', 'utf8');
    const count = (name) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(io)?.[1]);
    return { reads: count('syscr'), writes: count('syscw') };
  } catch {
    return undefined;
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A 95% confidence interval of the median of `values`, distribution-free: the k-th smallest
 * and k-th largest value, k the largest with P(Binomial(n, ½) < k) ≤ 2.5%, so that a reader
 * sees how far the median itself could move. With fewer than 6 values it is the min and max.
 */
export function medianInterval(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 0;
  let below = 0; // P(Binomial(n, ½) < k + 1), summed term by term
  let term = 0.5 ** n;
  for (let i = 0; i < n; i += 1) {
    below += term;
    if (below > 0.025) break;
    k = i + 1;
    term = (term * (n - i)) / (i + 1);
  }
  const index = Math.max(0, k - 1);
  return [sorted[index], sorted[n - 1 - index]];
}

/** `median [min–max]` of some figures. */
export function spread(values, digits = 0) {
  if (!values || values.length === 0 || values.includes(undefined)) return 'n/a';
  const sorted = [...values].sort((a, b) => a - b);
  const fixed = (value) => value.toFixed(digits);
  return `${fixed(median(values))} [${fixed(sorted[0])}–${fixed(sorted.at(-1))}]`;
}
