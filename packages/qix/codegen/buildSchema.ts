import type { QixSchema, QixSchemaInParam, QixSchemaMethod } from '../src/schema/QixSchema.js';
import type { EngineModel, InParamModel, MethodModel } from './methodModel.js';

function inParam(param: InParamModel): QixSchemaInParam {
  return param.optional
    ? { Name: param.name, DefaultValue: param.defaultValue, Optional: true }
    : { Name: param.name, DefaultValue: param.defaultValue };
}

function schemaMethod(method: MethodModel): QixSchemaMethod {
  return { In: method.inParams.map(inParam), Out: method.outParams.map((p) => ({ Name: p.name })) };
}

/** The runtime method table in enigma's schema format, computed straight from the model. */
export function buildSchema(model: EngineModel): QixSchema {
  const structs: Record<string, Record<string, QixSchemaMethod>> = {};
  for (const [className, methods] of model.classes) {
    structs[className] = Object.fromEntries(methods.map((m) => [m.wireName, schemaMethod(m)]));
  }
  return { structs, version: model.version };
}
