// The messages between bench/engine-server's main process and its client processes.
import type { Pauses } from './pauses.js';
import type { ProfileRequest } from './roundProfiler.js';

/** What the bench asks a client process. */
export type ClientRequest =
  | { type: 'connect'; engine: string; url: string; from: number; count: number }
  | { type: 'round'; engine: string; offset: number; ops: number }
  | { type: 'layouts'; engine: string; offset: number; ops: number }
  | { type: 'close' }
  | { type: 'exit' }
  | ProfileRequest;

/** What a client process answers. */
export type ClientReply =
  | { type: 'ready' }
  | { type: 'connected' }
  | {
      type: 'round';
      latencies: number[];
      detail: number[];
      errors: number;
      cpuMs: number;
      pauses: Pauses;
    }
  | { type: 'layouts'; byOrigin: Record<string, unknown> }
  | { type: 'closed' }
  | { type: 'profile-start' }
  | { type: 'profile-stop' };
