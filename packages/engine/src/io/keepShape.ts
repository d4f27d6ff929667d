/** Objects kept for as long as the engine runs, so their shapes stay alive (see keepShape). */
const kept: object[] = [];

/**
 * Keeps one instance of a hot class alive for good. V8 compiles hot code for
 * the object shape (hidden class) a class's instances reach; the shape is
 * held only by live instances, so once a load's objects are garbage a GC
 * drops it, and with it the compiled code, which the next load compiles
 * again (two to three times a load for the CSV encoder's loops). One
 * instance that never dies keeps the shape and the code.
 */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
