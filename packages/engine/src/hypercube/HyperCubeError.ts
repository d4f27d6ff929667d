/** Machine-readable reasons a hypercube cannot be computed or paged. */
export type HyperCubeErrorCode =
  'LOCERR_CALC_PAGES_TOO_LARGE' | 'LOCERR_CALC_INVALID_DEF' | 'LOCERR_GENERIC_INVALID_PARAMETERS';

const LOCERR_NUMBERS: Record<HyperCubeErrorCode, number> = {
  LOCERR_CALC_PAGES_TOO_LARGE: 7009,
  LOCERR_CALC_INVALID_DEF: 7000,
  LOCERR_GENERIC_INVALID_PARAMETERS: 8,
};

/** A hypercube definition or page request the engine rejects; `locErr` is the QIX error number. */
export class HyperCubeError extends Error {
  override readonly name = 'HyperCubeError';
  /** The QIX `NxLocalizedErrorCode` number to answer with. */
  readonly locErr: number;

  constructor(
    readonly code: HyperCubeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.locErr = LOCERR_NUMBERS[code];
  }
}
