import { formatTypeScript } from '../../qix/codegen/formatTypeScript.js';
import { buildEngineModel } from '../../qix/codegen/methodModel.js';
import type { EngineSpec } from '../../qix/codegen/OpenRpcSpec.js';
import { emitLocErrNumbers } from './emitLocErrNumbers.js';
import { emitMethodTypes } from './emitMethodTypes.js';
import { emitShapes } from './emitShapes.js';

/** Every generated file, by path relative to `packages/engine/src/generated`, with its exact (formatted) text. */
export async function generatedFiles(spec: EngineSpec): Promise<ReadonlyMap<string, string>> {
  const model = buildEngineModel(spec);
  const raw: [string, string][] = [
    ['methods.ts', emitMethodTypes(spec, model)],
    ['locErr.ts', emitLocErrNumbers(spec)],
    ['shapes.ts', emitShapes(spec, model)],
  ];
  const formatted = await Promise.all(
    raw.map(async ([name, text]) => [name, await formatTypeScript(text)] as const),
  );
  return new Map(formatted);
}
