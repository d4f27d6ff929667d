import type * as V8 from 'node:v8';
import type * as Vm from 'node:vm';

/** V8's collector as the `gc` global exposes it. */
export type Collect = (options?: { type: 'minor' | 'major' }) => void;

/**
 * V8's collector without --expose-gc (the `gc` global when the process has
 * it), or undefined where V8 refuses. On Node 20, gc({ type: 'major' }) is a
 * young collection: gc() is the full one. Self-contained: the worker threads
 * run its text (WorkerPool), so it reads nothing outside itself.
 */
export function v8Collector(v8: typeof V8, vm: typeof Vm): Collect | undefined {
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (typeof exposed === 'function') return exposed;
  // V8 gives the collector only to a context made while --expose-gc is set:
  // the flag is set just for that.
  try {
    v8.setFlagsFromString('--expose-gc');
    try {
      return vm.runInNewContext('gc') as Collect;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  } catch {
    return undefined;
  }
}
