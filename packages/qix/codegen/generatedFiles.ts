import { buildSchema } from './buildSchema.js';
import { emitClasses } from './emitClasses.js';
import { emitIndex } from './emitIndex.js';
import { emitSchema } from './emitSchema.js';
import { emitTypes } from './emitTypes.js';
import { formatTypeScript } from './formatTypeScript.js';
import { buildEngineModel } from './methodModel.js';
import type { EngineSpec } from './OpenRpcSpec.js';

/** Every generated file, by path relative to `packages/qix/src/generated`, with its exact (formatted) text. */
export async function generatedFiles(spec: EngineSpec): Promise<ReadonlyMap<string, string>> {
  const model = buildEngineModel(spec);
  const structNames = new Set(Object.keys(spec.rpc.components.schemas));
  const raw: [string, string][] = [
    ['types.ts', emitTypes(spec.rpc)],
    ['classes.ts', emitClasses(model, structNames)],
    ['schema.ts', emitSchema(buildSchema(model), model.version)],
    ['index.ts', emitIndex(model.version)],
  ];
  const formatted = await Promise.all(
    raw.map(async ([name, text]) => [name, await formatTypeScript(text)] as const),
  );
  return new Map(formatted);
}
