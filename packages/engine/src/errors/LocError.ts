import type { NxLocalizedErrorCode } from '@qlikit/qix';
import { EngineError } from './EngineError.js';

/** An error whose code is one of the spec's NxLocalizedErrorCode names: the client gets that LOCERR. */
export class LocError extends EngineError<NxLocalizedErrorCode> {
  override readonly name = 'LocError';
}
