import { qixSchema } from '@qlikit/qix';
import { AppStore } from '../src/app/AppStore.js';
import { MethodDispatcher, type MethodStatus } from '../src/server/dispatch/MethodDispatcher.js';
import { engineMethods } from '../src/server/handlers/engineMethods.js';

/** Every spec method with whether this engine's handler table computes it. */
export function engineStatuses(): MethodStatus[] {
  // The store is never opened: the handler table only needs it to exist.
  const dispatcher = new MethodDispatcher(qixSchema, engineMethods(new AppStore('.')));
  return dispatcher.statuses();
}
