/**
 * Error codes thrown by `@qlikit/qix`. -1..-12 carry the same names and values
 * as enigma.js's `error-codes`; the rest are qlikit's own.
 */
export const errorCodes = {
  /** Tried to communicate on a socket that is not connected (or it closed meanwhile). */
  NOT_CONNECTED: -1,
  /** The engine answered `{qHandle: null, qType: null}`: the object does not exist. */
  OBJECT_NOT_FOUND: -2,
  /** A delta response carried something other than an array of patches. */
  EXPECTED_ARRAY_OF_PATCHES: -3,
  /** A patch pointed below a value that does not exist or is not a container. */
  PATCH_HAS_NO_PARENT: -4,
  /** This entry is already defined with another key. */
  ENTRY_ALREADY_DEFINED: -5,
  /** `create()` was called without a configuration. */
  NO_CONFIG_SUPPLIED: -6,
  /** No Promise implementation is available. */
  PROMISE_REQUIRED: -7,
  /** The schema has no struct (class) with that name. */
  SCHEMA_STRUCT_TYPE_NOT_FOUND: -8,
  /** A mixin overrides a method that does not exist. */
  SCHEMA_MIXIN_CANT_OVERRIDE_FUNCTION: -9,
  /** A mixin extends with a method that already exists. */
  SCHEMA_MIXIN_EXTEND_NOT_ALLOWED: -10,
  /** The session is suspended: no call is sent until it resumes. */
  SESSION_SUSPENDED: -11,
  /** `resume(true)` found a new session instead of the old one. */
  SESSION_NOT_ATTACHED: -12,
  /** The call's AbortSignal fired; the engine was asked to cancel it. */
  REQUEST_ABORTED: -13,
  /** The call got no answer within its timeout; the engine was asked to cancel it. */
  REQUEST_TIMEOUT: -14,
  /** Named parameters held a key the method does not have. */
  UNKNOWN_PARAMETER: -15,
  /** A JSON Patch `test` operation failed. */
  PATCH_TEST_FAILED: -16,
} as const;

/** Name of one error code. */
export type ErrorCodeName = keyof typeof errorCodes;

/** Value of one error code. */
export type ErrorCode = (typeof errorCodes)[ErrorCodeName];
