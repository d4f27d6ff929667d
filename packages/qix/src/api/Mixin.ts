import type { ApiObject } from './ApiObject.js';

/** The base implementation an override wraps, bound to the API object. */
export type BaseMethod = (...args: unknown[]) => Promise<unknown>;

/** A mixin's override of an existing method: gets the base method first. */
export type MixinOverride = (this: ApiObject, base: BaseMethod, ...args: never[]) => unknown;

/** What a mixin's `init` gets. */
export interface MixinInitArgs {
  /** The session configuration as the caller passed it. */
  readonly config: unknown;
  /** The API object being created. */
  readonly api: ApiObject;
}

/**
 * Adds or overrides methods of API objects, enigma.js-style. `types` (or
 * `type`) names engine classes (`Doc`) or generic types (`barchart`).
 */
export interface Mixin {
  readonly types?: string | readonly string[];
  readonly type?: string;
  /** Runs once per API object of a matching type, when it is created. */
  readonly init?: (args: MixinInitArgs) => void;
  /** New members; extending a method that exists is an error (-10). */
  readonly extend?: Readonly<Record<string, unknown>>;
  /** Replacements of existing methods; overriding a missing one is an error (-9). */
  readonly override?: Readonly<Record<string, MixinOverride>>;
}
