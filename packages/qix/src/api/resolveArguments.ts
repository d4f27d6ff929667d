import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import type { CallOptions } from './CallOptions.js';
import type { MethodDescriptor } from './MethodDescriptor.js';
import { isContainer } from '../delta/isContainer.js';

/** The wire parameters of a call and its per-call options. */
export interface ResolvedArguments {
  readonly params: unknown[];
  readonly options: CallOptions | undefined;
}

/**
 * Turns what a caller passed to an API method into positional wire params.
 * One plain object whose keys are In-param names is a named call: missing
 * names take the schema default, given values are kept even when falsy, and
 * `{}` is a named call with every default. A lone object whose keys are no
 * In-param names is the first parameter itself when that parameter is a
 * struct (`createSessionObject(props)`); otherwise an unknown key is an
 * error. A trailing `{signal?, timeout?}` after a named object, or after all
 * positional params, is the call's options.
 */
export function resolveArguments(descriptor: MethodDescriptor, args: unknown[]): ResolvedArguments {
  let options: CallOptions | undefined;
  let count = args.length;
  if (
    count >= 2 &&
    isCallOptions(args[count - 1]) &&
    (count === 2 || count > descriptor.inNames.length)
  ) {
    options = args[count - 1] as CallOptions;
    count -= 1;
  }
  const first = args[0];
  // `method(named, options)` with options left undefined is still a named call.
  if (count === 2 && args[1] === undefined && isPlainObject(first)) count = 1;
  if (count === 1 && isPlainObject(first)) {
    const named = namedParams(descriptor, first);
    if (named !== undefined) return { params: named, options };
  }
  return { params: count === args.length ? args : args.slice(0, count), options };
}

function namedParams(
  descriptor: MethodDescriptor,
  given: Record<string, unknown>,
): unknown[] | undefined {
  const keys = Object.keys(given);
  const { inNames } = descriptor;
  const unknownKeys = keys.filter((key) => !inNames.includes(key));
  if (unknownKeys.length === 0) {
    return inNames.map((name, i) =>
      given[name] !== undefined ? given[name] : descriptor.defaults[i],
    );
  }
  if (unknownKeys.length === keys.length && descriptor.firstParamTakesObject) return undefined;
  throw new QixError(
    errorCodes.UNKNOWN_PARAMETER,
    `${descriptor.name}() has no parameter ${unknownKeys.map((key) => `"${key}"`).join(', ')}; ` +
      `its parameters are: ${inNames.join(', ') || '(none)'}`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isContainer(value) || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isCallOptions(value: unknown): value is CallOptions {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 0) return false;
  for (const key of keys) {
    if (key === 'signal') {
      if (!isAbortSignal(value.signal)) return false;
    } else if (key === 'timeout') {
      if (typeof value.timeout !== 'number') return false;
    } else return false;
  }
  return true;
}

function isAbortSignal(value: unknown): boolean {
  return (
    isContainer(value) &&
    typeof (value as { aborted?: unknown }).aborted === 'boolean' &&
    typeof (value as { addEventListener?: unknown }).addEventListener === 'function'
  );
}
