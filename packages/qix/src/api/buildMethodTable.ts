import type { QixSchemaMethod } from '../schema/QixSchema.js';
import type { MethodDescriptor } from './MethodDescriptor.js';
import { toMethodName } from './toMethodName.js';

/** Derives the call descriptors of one class's methods from its schema struct. */
export function buildMethodTable(
  struct: Readonly<Record<string, QixSchemaMethod>>,
): MethodDescriptor[] {
  return Object.keys(struct).map((method) => describeMethod(method, struct[method]));
}

function describeMethod(method: string, schema: QixSchemaMethod): MethodDescriptor {
  const inParams = schema.In ?? [];
  const outParams = schema.Out ?? [];
  const firstDefault = inParams[0]?.DefaultValue;
  return {
    method,
    name: toMethodName(method),
    inNames: inParams.map((param) => param.Name),
    defaults: inParams.map((param) => param.DefaultValue),
    outKey: outParams.length === 1 ? outParams[0].Name : -1,
    firstParamTakesObject:
      inParams.length > 0 &&
      (firstDefault === undefined ||
        firstDefault === null ||
        (typeof firstDefault === 'object' && !Array.isArray(firstDefault))),
    framePrefix: `{"jsonrpc":"2.0","method":${JSON.stringify(method)},"handle":`,
  };
}
