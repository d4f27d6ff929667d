import type { QixSchema, QixSchemaMethod } from '@qlikit/qix';
import { checkJsonLimits } from '../../app/checkJsonLimits.js';
import { LocError } from '../../errors/LocError.js';
import { PARAM_SHAPES, type Shape } from '../../generated/shapes.js';
import { checkMethodAccess } from '../access/appAccess.js';
import { JsonRpcErr, RpcError } from '../protocol/RpcError.js';
import { checkShape } from './checkShape.js';
import {
  notImplementedReason,
  type CallContext,
  type EngineClass,
  type EngineHandlers,
} from './MethodTable.js';
import { toArgs } from './toArgs.js';

/** A method implementation with its types erased, as the dispatcher calls it. */
type AnyImpl = (context: CallContext, args: Record<string, unknown>) => object | Promise<object>;

interface ResolvedMethod {
  readonly name: string;
  readonly schema: QixSchemaMethod;
  /** The shape of each In param, in order, as the spec gives it. */
  readonly shapes: readonly Shape[];
  readonly impl: AnyImpl | undefined;
  /** Why the method answers LOCERR_GENERIC_NOT_IMPLEMENTED, when it does. */
  readonly notImplemented: string | undefined;
}

/** Whether a method of the spec computes its answer here, or answers "not implemented" (and why). */
export interface MethodStatus {
  readonly className: string;
  readonly method: string;
  readonly implemented: boolean;
  readonly reason: string;
}

/**
 * Finds the implementation of a method on a handle's class, case-insensitively
 * (clients such as `@qlik/api` send camelCase names), and calls it with
 * arguments by name. A method the spec has but this engine does not implement
 * answers LOCERR_GENERIC_NOT_IMPLEMENTED naming it; one the spec does not have, -32601.
 */
export class MethodDispatcher {
  /** By class, then method name lower-cased, and as the spec, camelCase and lower case spell it. */
  private readonly methods = new Map<string, Map<string, ResolvedMethod>>();

  constructor(schema: QixSchema, implementations: EngineHandlers) {
    for (const [className, classSchema] of Object.entries(schema.structs)) {
      const byName = new Map<string, ResolvedMethod>();
      const impls = (implementations[className as EngineClass] ?? {}) as Readonly<
        Record<string, AnyImpl | undefined>
      >;
      for (const [name, methodSchema] of Object.entries(classSchema)) {
        const impl = Object.hasOwn(impls, name) ? impls[name] : undefined;
        const reason = impl ? notImplementedReason(impl) : '';
        const resolved: ResolvedMethod = {
          name,
          schema: methodSchema,
          shapes: PARAM_SHAPES[className]?.[name] ?? [],
          impl: reason === undefined ? impl : undefined,
          notImplemented: reason,
        };
        // The spellings clients send (enigma.js the spec's, @qlik/api camelCase) are found as
        // they come, with no lower-cased copy of the name made and hashed per request.
        byName.set(name.toLowerCase(), resolved);
        byName.set(name, resolved);
        byName.set(name.charAt(0).toLowerCase() + name.slice(1), resolved);
      }
      this.methods.set(className, byName);
    }
  }

  /** Every method of the spec, by class, with whether it computes here. */
  statuses(): MethodStatus[] {
    const out: MethodStatus[] = [];
    for (const [className, byName] of this.methods) {
      for (const resolved of new Set(byName.values())) {
        out.push({
          className,
          method: resolved.name,
          implemented: resolved.impl !== undefined,
          reason: resolved.notImplemented ?? '',
        });
      }
    }
    return out;
  }

  /** Calls `method` on the context's handle with the request's params. */
  call(context: CallContext, method: string, params: unknown): object | Promise<object> {
    const byName = this.methods.get(context.entry.type);
    const resolved = byName?.get(method) ?? byName?.get(method.toLowerCase());
    if (!resolved) {
      throw new RpcError(
        JsonRpcErr.METHOD_NOT_FOUND,
        `Method not found: ${context.entry.type}.${method}`,
        method,
      );
    }
    if (!resolved.impl) {
      throw new LocError(
        'LOCERR_GENERIC_NOT_IMPLEMENTED',
        `${context.entry.type}.${resolved.name} is not implemented by this engine` +
          (resolved.notImplemented ? `: ${resolved.notImplemented}` : ''),
        { parameter: resolved.name },
      );
    }
    const args = toArgs(resolved.schema, params);
    // Before any work: a parameter too deep, too long or keyed to reach a prototype is refused,
    // then one whose type is not the spec's (LOCERR 8 naming its path).
    for (const name in args) checkJsonLimits(args[name], name, context.session.limits);
    const inParams = resolved.schema.In;
    for (let index = 0; index < inParams.length; index++) {
      const shape = resolved.shapes[index];
      const name = inParams[index]!.Name;
      if (shape !== undefined) args[name] = checkShape(args[name], shape, name);
    }
    checkMethodAccess(context, resolved.name, args);
    return resolved.impl(context, args);
  }
}
