import { Call } from './Call.js';
import { withRequestId } from './callErrors.js';

// One object of each shape a call makes, held by the Call class so that it lives as long as the
// session code does. V8 drops a hidden class when a full GC finds no object of it, and with it
// every optimised function built for it: an app's first calls after an idle spell (when V8 runs
// full GCs) were deoptimised and recompiled: in bench/qix-client 13–15% more CPU per call right
// after a GC than with these kept (`BENCH_STEADY=0 BENCH_BASELINE=main`). Imported for this only.
Object.defineProperty(Call, 'keptShapes', {
  value: [new Call(0, 0, '', [], -1, true), withRequestId(Promise.resolve(), 0)],
});
