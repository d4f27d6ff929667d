import { buildSchema } from './buildSchema.js';
import { emitClasses } from './emitClasses.js';
import { emitIndex } from './emitIndex.js';
import { emitSchema } from './emitSchema.js';
import { emitTypes } from './emitTypes.js';
import { buildEngineModel } from './methodModel.js';
import type { EngineSpec } from './OpenRpcSpec.js';

/** Every generated file, by path relative to `packages/qix/src/generated`, with its exact text. */
export function generatedFiles(spec: EngineSpec): ReadonlyMap<string, string> {
  const model = buildEngineModel(spec);
  const structNames = new Set(Object.keys(spec.rpc.components.schemas));
  return new Map([
    ['types.ts', emitTypes(spec.rpc)],
    ['classes.ts', emitClasses(model, structNames)],
    ['schema.ts', emitSchema(buildSchema(model), model.version)],
    ['index.ts', emitIndex(model.version)],
  ]);
}
