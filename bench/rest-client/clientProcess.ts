// One client of bench/rest-client's rate-limit runs in a process of its own (started by
// rateLimits.ts). Over IPC: → the job; ← { ready: true } once the client is built;
// → { go: true }; ← the RunResult when its calls are done.
import { driveCallers } from './driveCallers.js';
import { RATE_CLIENTS, type Target } from './rateClients.js';

/** What one client process runs: `total` calls from `callers` callers, space ids from `offset`. */
export interface ClientJob {
  readonly client: string;
  readonly target: Target;
  readonly total: number;
  readonly callers: number;
  readonly offset: number;
}

process.once('message', (job: ClientJob) => {
  const call = RATE_CLIENTS[job.client](job.target);
  process.once('message', () => {
    void driveCallers(job.total, job.callers, (index) => call(job.offset + index)).then(
      (result) => {
        process.send?.(result, () => process.exit(0));
      },
    );
  });
  process.send?.({ ready: true });
});
