import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import type { QixSchema } from '../schema/QixSchema.js';
import type { ApiHost } from './ApiHost.js';
import { ApiObject, type ApiObjectClass } from './ApiObject.js';
import { buildMethodTable } from './buildMethodTable.js';
import type { CallOptions } from './CallOptions.js';
import type { MethodDescriptor } from './MethodDescriptor.js';
import type { Mixin, MixinOverride } from './Mixin.js';
import { resolveArguments } from './resolveArguments.js';

type Prototype = Record<string, unknown>;
type InnerCall = (api: ApiObject, options: CallOptions | undefined, params: unknown[]) => unknown;

// The classes of sessions with no mixins, by schema: they depend on nothing else, and sharing
// them keeps the engine's property lookups on API objects monomorphic across many sessions
// in one process (a class per session made them megamorphic beyond a few sessions).
const plainClasses = new WeakMap<QixSchema, Map<string, ApiObjectClass>>();

/**
 * Builds one class per engine class (and per generic type that has mixins)
 * from the schema, with the methods on the prototype. One factory per
 * session; sessions without mixins share their classes (see `plainClasses`).
 */
export class ApiFactory {
  readonly #mixinsByType = new Map<string, Mixin[]>();
  readonly #classes: Map<string, ApiObjectClass>;

  readonly #schema: QixSchema;
  readonly #mixinConfig: unknown;

  constructor(schema: QixSchema, mixins: readonly Mixin[], mixinConfig: unknown) {
    this.#schema = schema;
    this.#mixinConfig = mixinConfig;
    for (const mixin of mixins) this.#registerMixin(mixin);
    this.#classes = mixins.length
      ? new Map()
      : (plainClasses.get(schema) ?? plainClasses.set(schema, new Map()).get(schema)!);
  }

  /** Creates the API object of a handle, running the `init` of matching mixins. */
  create(host: ApiHost, handle: number, type: string, id: string, genericType: string): ApiObject {
    const Class = this.#classFor(type, genericType);
    const api = new Class(host, handle, id, genericType);
    this.#runInits(type, api);
    if (genericType !== type) this.#runInits(genericType, api);
    return api;
  }

  #registerMixin(mixin: Mixin): void {
    // `types` is a name or a list of them, `type` one name (both optional).
    for (const type of [mixin.types ?? [], mixin.type ?? []].flat()) {
      const list = this.#mixinsByType.get(type);
      if (list) list.push(mixin);
      else this.#mixinsByType.set(type, [mixin]);
    }
  }

  #runInits(type: string, api: ApiObject): void {
    for (const mixin of this.#mixinsByType.get(type) ?? []) {
      mixin.init?.({ config: this.#mixinConfig, api });
    }
  }

  #classFor(type: string, genericType: string): ApiObjectClass {
    const withGenericMixins = genericType !== type && this.#mixinsByType.has(genericType);
    const key = withGenericMixins ? `${type}\u0000${genericType}` : type;
    const cached = this.#classes.get(key);
    if (cached) return cached;
    const Class = withGenericMixins
      ? this.#subclassForGenericType(this.#classFor(type, type), type, genericType)
      : this.#classForType(type);
    this.#classes.set(key, Class);
    return Class;
  }

  #classForType(type: string): ApiObjectClass {
    const struct = this.#schema.structs[type];
    if (!struct) throw new QixError(errorCodes.SCHEMA_STRUCT_TYPE_NOT_FOUND, `${type} not found`);
    const Class = class extends ApiObject {};
    Object.defineProperty(Class, 'name', { value: type });
    const proto = Class.prototype as unknown as Prototype;
    Object.defineProperty(proto, 'type', { value: type, enumerable: true });
    const descriptors = new Map<string, MethodDescriptor>();
    for (const descriptor of buildMethodTable(struct)) {
      descriptors.set(descriptor.name, descriptor);
      proto[descriptor.name] = generatedMethod(descriptor);
    }
    this.#applyMixins(proto, type, descriptors);
    return Class;
  }

  /**
   * Applies the mixins of a class or generic type to a prototype. Overrides
   * of the methods in `descriptors` see positional arguments, as in enigma.js:
   * named parameters are resolved before the override chain runs.
   */
  #applyMixins(proto: Prototype, type: string, descriptors: Map<string, MethodDescriptor>): void {
    const chains = new Map<string, InnerCall>();
    for (const mixin of this.#mixinsByType.get(type) ?? []) {
      for (const [name, override] of Object.entries(mixin.override ?? {})) {
        const descriptor = descriptors.get(name);
        if (descriptor !== undefined && proto[name] !== undefined) {
          const inner = chains.get(name) ?? positionalCall(descriptor);
          chains.set(name, overriddenCall(inner, override));
        } else {
          overrideMember(proto, type, name, override);
        }
      }
      extendMembers(proto, type, mixin.extend);
    }
    for (const [name, chain] of chains) {
      const descriptor = descriptors.get(name) as MethodDescriptor;
      proto[name] = function namedParamFacade(this: ApiObject, ...args: unknown[]) {
        try {
          const { params, options } = resolveArguments(descriptor, args);
          return chain(this, options, params);
        } catch (error) {
          return Promise.reject(error);
        }
      };
    }
  }

  #subclassForGenericType(Base: ApiObjectClass, type: string, genericType: string): ApiObjectClass {
    const Class = class extends Base {};
    Object.defineProperty(Class, 'name', { value: `${type}:${genericType}` });
    // No descriptors: overrides wrap what the class (or an earlier override) has, as they find it.
    this.#applyMixins(Class.prototype as unknown as Prototype, genericType, new Map());
    return Class;
  }
}

function generatedMethod(descriptor: MethodDescriptor) {
  return function generatedMethod(this: ApiObject, ...args: unknown[]): Promise<unknown> {
    return this.session.invoke(this, descriptor, args);
  };
}

function positionalCall(descriptor: MethodDescriptor): InnerCall {
  return (api, options, params) => api.session.invokePositional(api, descriptor, params, options);
}

function overriddenCall(inner: InnerCall, override: MixinOverride): InnerCall {
  return (api, options, params) =>
    (override as (this: ApiObject, ...a: unknown[]) => unknown).call(
      api,
      (...baseParams: unknown[]) => inner(api, options, baseParams),
      ...params,
    );
}

function overrideMember(
  proto: Prototype,
  type: string,
  name: string,
  override: MixinOverride,
): void {
  const base = proto[name];
  if (typeof base !== 'function' || typeof override !== 'function') {
    throw new QixError(
      errorCodes.SCHEMA_MIXIN_CANT_OVERRIDE_FUNCTION,
      `No function to override. Type: ${type} function: ${name}`,
    );
  }
  proto[name] = function overridden(this: ApiObject, ...args: unknown[]) {
    return (override as (this: ApiObject, ...a: unknown[]) => unknown).call(
      this,
      (base as (...a: unknown[]) => unknown).bind(this),
      ...args,
    );
  };
}

function extendMembers(
  proto: Prototype,
  type: string,
  extend: Readonly<Record<string, unknown>> | undefined,
): void {
  for (const [name, member] of Object.entries(extend ?? {})) {
    if (typeof proto[name] === 'function' && typeof member === 'function') {
      throw new QixError(
        errorCodes.SCHEMA_MIXIN_EXTEND_NOT_ALLOWED,
        `Extend is not allowed for this mixin. Type: ${type} function: ${name}`,
      );
    }
    proto[name] = member;
  }
}
