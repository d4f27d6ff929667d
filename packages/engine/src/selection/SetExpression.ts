import type { RowSetOperator } from './SelectionResult.js';
import type { SelectionSnapshot } from './SelectionSnapshot.js';
import type { SymbolSet } from './SymbolSet.js';

/**
 * Plain descriptors of a set-analysis set, independent of any parser: the
 * compute layer translates the expression AST into these.
 */
export type SetExpression = SetDescriptor | SetOperation;

/** `{base<modifiers>}`: a starting selection with per-field changes. */
export interface SetDescriptor {
  readonly base: SetBase;
  readonly modifiers?: readonly SetModifier[];
}

/** Two sets combined row by row: `+` union, `*` intersection, `-` exclusion, `/` symmetric difference. */
export interface SetOperation {
  readonly op: RowSetOperator;
  readonly left: SetExpression;
  readonly right: SetExpression;
}

/** Where a set starts: a state's selections (`$` or alternate), all data (`1`), or a bookmark. */
export type SetBase =
  | { readonly kind: 'state'; readonly state: string }
  | { readonly kind: 'all' }
  | { readonly kind: 'bookmark'; readonly snapshot: SelectionSnapshot };

/** How a modifier changes one field's selection. */
export type SetModifier =
  | {
      readonly field: string;
      /** `=` replace, `+=` add, `-=` remove, `*=` intersect, `/=` symmetric difference. */
      readonly op: '=' | '+=' | '-=' | '*=' | '/=';
      readonly values: ElementSet;
    }
  /** `F=`: the field's selection is cleared. */
  | { readonly field: string; readonly op: 'clear' }
  /** `F=State::G`: take G's (default F's) selection from another state. */
  | {
      readonly field: string;
      readonly op: 'copy';
      readonly state: string;
      readonly fromField?: string;
    };

/** A set of values of the modifier's field. */
export type ElementSet =
  /** Symbols of the modifier's field, already resolved. */
  | { readonly kind: 'symbols'; readonly symbols: SymbolSet }
  /** `{'a', 'b*', 3}`: texts (with wildcards) and numbers. */
  | { readonly kind: 'literals'; readonly literals: readonly (string | number)[] }
  /** `{">10"}`, `{"=expr"}`, `{"*ab*"}`: a search string. */
  | { readonly kind: 'search'; readonly search: string }
  /**
   * `P({set} G)` / `E({set} G)`: the possible / excluded values of G in a set,
   * carried over to the modifier's field by value. G defaults to the
   * modifier's field, the set to the current selection (`$`).
   */
  | {
      readonly kind: 'possible' | 'excluded';
      readonly field?: string;
      readonly set?: SetExpression;
    }
  /** `{a} + {b}` and the other operators on value sets. */
  | {
      readonly kind: 'operation';
      readonly op: RowSetOperator;
      readonly left: ElementSet;
      readonly right: ElementSet;
    };
