import { errorCodes } from './errors/errorCodes.js';

export { errorCodes };
export type { ErrorCode, ErrorCodeName } from './errors/errorCodes.js';

/** enigma.js-compatible: `import errorCodes from '@qlikit/qix/error-codes'`. */
export default errorCodes;
