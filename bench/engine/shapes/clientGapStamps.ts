// Development aid, loaded into the shapes bench's server process by
// clientGap.ts (node --import): what each request's method cost the engine
// process — wall time, the calling thread's CPU, the whole process's CPU
// (its worker threads and V8's), its system CPU and the minor page faults
// (memory the process touched for the first time since the kernel gave it)
// — answered over IPC ('costs') and cleared.
import { EngineConnection } from '../../../packages/engine/src/server/connection/EngineConnection.js';
import { threadCpu } from '../threadCpu.js';

/** What one request's method cost the engine process (ms, and page faults). */
export interface MethodCost {
  readonly method: string;
  readonly wall: number;
  readonly thread: number;
  readonly process: number;
  readonly system: number;
  readonly faults: number;
}

const costs: MethodCost[] = [];
// The connection's private step, reached through the prototype: a development aid only.
const proto = EngineConnection.prototype as unknown as Record<
  string,
  (...args: unknown[]) => unknown
>;
const call = proto.call!;
proto.call = function (this: unknown, ...args: unknown[]) {
  const usage = process.resourceUsage();
  const thread = threadCpu!();
  const started = performance.now();
  const result = call.apply(this, args);
  const wall = performance.now() - started;
  const after = process.resourceUsage();
  costs.push({
    method: (args[0] as { method: string }).method,
    wall,
    thread: threadCpu!() - thread,
    process:
      (after.userCPUTime + after.systemCPUTime - usage.userCPUTime - usage.systemCPUTime) / 1000,
    system: (after.systemCPUTime - usage.systemCPUTime) / 1000,
    faults: after.minorPageFault - usage.minorPageFault,
  });
  return result;
};
process.on('message', (message: unknown) => {
  if (message === 'costs') process.send!(costs.splice(0));
});
