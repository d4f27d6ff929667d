import { CodegenError } from '../../qix/codegen/CodegenError.js';
import type { EngineSpec } from '../../qix/codegen/OpenRpcSpec.js';
import { engineHeader } from './engineHeader.js';

/** The text of `src/generated/locErr.ts`: every NxLocalizedErrorCode name with its number. */
export function emitLocErrNumbers(spec: EngineSpec): string {
  const members = spec.rpc.components.schemas.NxLocalizedErrorCode?.oneOf ?? [];
  if (members.length === 0)
    throw new CodegenError('SPEC_INVALID', 'NxLocalizedErrorCode has no members');
  const entries = members.map((member) => {
    const value = member['x-qlik-const'];
    if (typeof value !== 'number')
      throw new CodegenError('SPEC_INVALID', `NxLocalizedErrorCode ${member.title} has no number`);
    return `  ${member.title}: ${value},\n`;
  });
  return (
    engineHeader(spec.rpc.info.version, `LOCERR numbers: ${entries.length} error codes.`) +
    `import type { NxLocalizedErrorCode } from '@qlikit/qix';\n\n` +
    `/** The number the engine answers for each LOCERR name of the spec (NxLocalizedErrorCode). */\n` +
    `export const LOCERR_NUMBERS: Readonly<Record<NxLocalizedErrorCode, number>> = {\n${entries.join('')}};\n`
  );
}
