import type { QixSchema, QixSchemaMethod } from '@qlikit/qix';
import { EngineError, JsonRpcErr, LocErr } from '../protocol/EngineError.js';
import type { HandleType } from '../session/HandleTable.js';
import type { CallContext, ClassMethods, MethodImpl } from './MethodTable.js';
import { toArgs } from './toArgs.js';

interface ResolvedMethod {
  readonly name: string;
  readonly schema: QixSchemaMethod;
  readonly impl: MethodImpl | undefined;
}

/**
 * Finds the implementation of a method on a handle's class, case-insensitively
 * (clients such as `@qlik/api` send camelCase names), and calls it with
 * arguments by name. A method the spec has but this engine does not implement
 * answers LOCERR_GENERIC_NOT_IMPLEMENTED; one the spec does not have, -32601.
 */
export class MethodDispatcher {
  private readonly methods = new Map<string, Map<string, ResolvedMethod>>();

  constructor(
    schema: QixSchema,
    implementations: Readonly<Partial<Record<HandleType, ClassMethods>>>,
  ) {
    for (const [className, classSchema] of Object.entries(schema.structs)) {
      const byName = new Map<string, ResolvedMethod>();
      const impls = implementations[className as HandleType] ?? {};
      for (const [name, methodSchema] of Object.entries(classSchema)) {
        byName.set(name.toLowerCase(), { name, schema: methodSchema, impl: impls[name] });
      }
      this.methods.set(className, byName);
    }
  }

  /** Calls `method` on the context's handle with the request's params. */
  call(context: CallContext, method: string, params: unknown): object | Promise<object> {
    const resolved = this.methods.get(context.entry.type)?.get(method.toLowerCase());
    if (!resolved) {
      throw new EngineError(
        JsonRpcErr.METHOD_NOT_FOUND,
        `Method not found: ${context.entry.type}.${method}`,
        method,
      );
    }
    if (!resolved.impl) {
      throw new EngineError(
        LocErr.GENERIC_NOT_IMPLEMENTED,
        `${context.entry.type}.${resolved.name} is not implemented by this engine`,
        resolved.name,
      );
    }
    return resolved.impl(context, toArgs(resolved.schema, params));
  }
}
