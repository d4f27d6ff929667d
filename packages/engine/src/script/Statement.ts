import type { Expr } from '../expression/Expr.js';
import type { FileFormatSpec } from './FileFormatSpec.js';

/** How a LOAD's rows are combined with an existing table. */
export type JoinKind = 'inner' | 'left' | 'right' | 'outer';

/** The prefix that decides where a LOAD's rows go. */
export type LoadCombine =
  | { readonly kind: 'auto' }
  | { readonly kind: 'noconcatenate' }
  | { readonly kind: 'concatenate'; readonly target?: string }
  | { readonly kind: 'join'; readonly how: JoinKind; readonly target?: string }
  | { readonly kind: 'keep'; readonly how: Exclude<JoinKind, 'outer'>; readonly target?: string };

/** One entry of a LOAD field list. */
export type LoadField =
  { readonly kind: 'star' } | { readonly kind: 'expr'; readonly expr: Expr; readonly name: string };

/** Where a LOAD reads its rows from. */
export type LoadSource =
  | { readonly kind: 'file'; readonly path: string; readonly format: FileFormatSpec }
  | { readonly kind: 'inline'; readonly data: string; readonly format: FileFormatSpec }
  | { readonly kind: 'resident'; readonly table: string }
  | { readonly kind: 'autogenerate'; readonly count: Expr }
  /** No source: reads from the LOAD that follows (a preceding load). */
  | { readonly kind: 'preceding' };

/** A LOAD statement with its label and prefixes. */
/**
 * `ADD` / `REPLACE` before a LOAD: the statement also runs in a partial
 * reload, appending to or replacing its table; with `ONLY` it runs in
 * partial reloads alone.
 */
export interface PartialReloadPrefix {
  readonly mode: 'add' | 'replace';
  readonly only: boolean;
}

export interface LoadStatement {
  readonly kind: 'load';
  readonly label?: string;
  readonly partial?: PartialReloadPrefix;
  readonly mapping: boolean;
  readonly combine: LoadCombine;
  readonly first?: Expr;
  readonly distinct: boolean;
  readonly fields: readonly LoadField[];
  readonly source: LoadSource;
  readonly where?: Expr;
  readonly whileCondition?: Expr;
  readonly groupBy?: readonly string[];
  readonly orderBy?: readonly { readonly field: string; readonly descending: boolean }[];
}

/** A statement that is not flow control, parsed from its expanded text. */
export type Statement =
  | LoadStatement
  | { readonly kind: 'set'; readonly name: string; readonly value: string }
  | { readonly kind: 'let'; readonly name: string; readonly expr: Expr | undefined }
  | { readonly kind: 'dropTables'; readonly names: readonly string[] }
  | {
      readonly kind: 'dropFields';
      readonly names: readonly string[];
      readonly from?: readonly string[];
    }
  | { readonly kind: 'renameTables'; readonly pairs: readonly (readonly [string, string])[] }
  | { readonly kind: 'renameFields'; readonly pairs: readonly (readonly [string, string])[] }
  | { readonly kind: 'qualify'; readonly qualify: boolean; readonly patterns: readonly string[] }
  | {
      readonly kind: 'store';
      readonly table: string;
      readonly fields?: readonly string[];
      readonly path: string;
      readonly format: FileFormatSpec;
    }
  | { readonly kind: 'trace'; readonly text: string }
  | { readonly kind: 'sleep' }
  /** A statement that has no effect on an embedded engine (DIRECTORY, CONNECT, TAG, COMMENT, ...). */
  | { readonly kind: 'ignored'; readonly keyword: string }
  | {
      readonly kind: 'exit';
      readonly target: 'script' | 'for' | 'do' | 'sub';
      readonly when?: { readonly unless: boolean; readonly condition: Expr };
    }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] };
