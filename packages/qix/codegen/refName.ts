import { CodegenError } from './CodegenError.js';

const REF_PREFIX = '#/components/schemas/';

/** The struct name a `$ref` points at (`#/components/schemas/Size` → `Size`). */
export function refName(ref: string): string {
  if (!ref.startsWith(REF_PREFIX))
    throw new CodegenError('UNSUPPORTED_SCHEMA', `Unsupported $ref: ${ref}`);
  return ref.slice(REF_PREFIX.length);
}
