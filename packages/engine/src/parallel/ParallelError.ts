import { EngineError } from '../errors/EngineError.js';

/** Machine-readable reasons a computation split across worker threads failed. */
export type ParallelErrorCode =
  /** A worker's part threw; the message carries the worker's error. */
  | 'WORKER_FAILED'
  /** A worker thread ended while it held a part. */
  | 'WORKER_EXITED'
  /** A worker did not answer within the pool's timeout. */
  | 'WORKER_TIMEOUT'
  /** A thread count or block size that is not a positive integer. */
  | 'BAD_THREADS';

/** A parallel computation that could not finish, with the reason as a `code`. */
export class ParallelError extends EngineError<ParallelErrorCode> {
  override readonly name = 'ParallelError';
}
