import type { ApiObject } from '../api/ApiObject.js';

/**
 * How to get an API object back on a new socket when fetching it by id is
 * not enough: session objects are re-created from their last properties,
 * Field (and other id-less) objects re-fetched with the call that made them.
 */
export type RestoreRecipe =
  | { readonly kind: 'sessionObject'; props: Record<string, unknown> }
  | {
      readonly kind: 'replay';
      readonly parent: ApiObject;
      readonly method: string;
      readonly params: unknown;
    };
