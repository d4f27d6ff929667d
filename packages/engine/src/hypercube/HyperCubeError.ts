import { EngineError } from '../errors/EngineError.js';

/** Machine-readable reasons a hypercube cannot be computed or paged. */
export type HyperCubeErrorCode =
  'LOCERR_CALC_PAGES_TOO_LARGE' | 'LOCERR_CALC_INVALID_DEF' | 'LOCERR_GENERIC_INVALID_PARAMETERS';

/** A hypercube definition or page request the engine rejects; its code is the LOCERR name the client gets. */
export class HyperCubeError extends EngineError<HyperCubeErrorCode> {
  override readonly name = 'HyperCubeError';
}
