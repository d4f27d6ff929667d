// Development aid, loaded into the shapes bench's server process by
// clientGap.ts (node --import): what each request's method cost the engine
// process (clientGapCost.ts), answered over IPC ('costs') and cleared.
import { EngineConnection } from '../../../packages/engine/src/server/connection/EngineConnection.js';
import { type Cost, measure } from './clientGapCost.js';

/** What one request's method cost the engine process. */
export interface MethodCost extends Cost {
  readonly method: string;
}

const costs: MethodCost[] = [];
// The connection's private step, reached through the prototype: a development aid only.
const proto = EngineConnection.prototype as unknown as Record<
  string,
  (...args: unknown[]) => unknown
>;
const call = proto.call!;
proto.call = function (this: unknown, ...args: unknown[]) {
  const { result, cost } = measure(() => call.apply(this, args));
  costs.push({ method: (args[0] as { method: string }).method, ...cost });
  return result;
};
process.on('message', (message: unknown) => {
  if (message === 'costs') process.send!(costs.splice(0));
});
