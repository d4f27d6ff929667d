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
  /** `SQL SELECT ...` (or a bare `SELECT`): the statement text sent to the open connection. */
  | { readonly kind: 'sql'; readonly text: string }
  /** `FROM_FIELD (table, field)`: a field's values read as the lines of a file. */
  | { readonly kind: 'fromField'; readonly table: string; readonly field: string }
  /** `EXTENSION name.function(...)`: a server-side extension (analytic connection). */
  | { readonly kind: 'extension'; readonly call: string }
  /** No source: reads from the LOAD that follows (a preceding load). */
  | { readonly kind: 'preceding' };

/** The prefixes that reshape what a LOAD reads into another table layout. */
export type LoadTransform =
  /** `CROSSTABLE(attribute, data [, n])`: the columns after the first n become attribute/data rows. */
  | {
      readonly kind: 'crosstable';
      readonly attribute: string;
      readonly data: string;
      readonly qualifiers: number;
    }
  /** `GENERIC`: key, attribute, value rows become one table per attribute. */
  | { readonly kind: 'generic' }
  /** `HIERARCHY(...)`: an adjacency list expanded into levels and paths. */
  | {
      readonly kind: 'hierarchy';
      readonly nodeId: string;
      readonly parentId: string;
      readonly nodeName: string;
      readonly parentName?: string;
      readonly pathSource?: string;
      readonly pathName?: string;
      readonly pathDelimiter?: string;
      readonly depth?: string;
    }
  /** `HIERARCHYBELONGSTO(...)`: every node paired with each of its ancestors (and itself). */
  | {
      readonly kind: 'hierarchyBelongsTo';
      readonly nodeId: string;
      readonly parentId: string;
      readonly nodeName: string;
      readonly ancestorId: string;
      readonly ancestorName: string;
      readonly depthDiff?: string;
    }
  /** `INTERVALMATCH(field [, key, ...])`: intervals matched against an existing field's values. */
  | { readonly kind: 'intervalMatch'; readonly field: string; readonly keys: readonly string[] };

/** A LOAD statement with its label and prefixes. */
/**
 * `ADD` / `REPLACE` before a LOAD: the statement also runs in a partial
 * reload, appending to or replacing its table; with `ONLY` it runs in
 * partial reloads alone.
 */
export interface PartialReloadPrefix {
  readonly mode: 'add' | 'replace' | 'merge';
  readonly only: boolean;
}

export interface LoadStatement {
  readonly kind: 'load';
  readonly label?: string;
  readonly partial?: PartialReloadPrefix;
  readonly mapping: boolean;
  readonly combine: LoadCombine;
  readonly first?: Expr;
  /** `SAMPLE p`: each record is kept with probability p. */
  readonly sample?: Expr;
  /** `BUFFER [(...)]`: the result may be cached; it is the same without the cache. */
  readonly buffered?: boolean;
  /** `SEMANTIC`: the rows describe relations between records (QlikView's semantic links). */
  readonly semantic?: boolean;
  readonly transform?: LoadTransform;
  readonly distinct: boolean;
  readonly fields: readonly LoadField[];
  readonly source: LoadSource;
  readonly where?: Expr;
  readonly whileCondition?: Expr;
  readonly groupBy?: readonly string[];
  readonly orderBy?: readonly { readonly field: string; readonly descending: boolean }[];
}

/** A DECLARE'd field definition: fields computed from `$1` (the field DERIVE names), with tags. */
export interface FieldDefinition {
  readonly tags: readonly string[];
  readonly parameters: readonly { readonly name: string; readonly value: Expr }[];
  readonly fields: readonly {
    readonly expr: Expr;
    readonly name: string;
    readonly tags: readonly string[];
  }[];
}

/** `old as new` pairs of RENAME and ALIAS. */
export type NamePairs = readonly (readonly [string, string])[];

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
  | { readonly kind: 'renameTables'; readonly pairs: NamePairs }
  | { readonly kind: 'renameFields'; readonly pairs: NamePairs }
  /** `RENAME FIELDS|TABLES USING map`: every name the mapping has is renamed. */
  | { readonly kind: 'renameUsing'; readonly what: 'fields' | 'tables'; readonly mapping: string }
  | { readonly kind: 'qualify'; readonly qualify: boolean; readonly patterns: readonly string[] }
  | { readonly kind: 'alias'; readonly pairs: NamePairs }
  | {
      readonly kind: 'store';
      readonly table: string;
      readonly fields?: readonly string[];
      readonly path: string;
      readonly format: FileFormatSpec;
    }
  | { readonly kind: 'trace'; readonly text: string }
  | { readonly kind: 'sleep'; readonly milliseconds: Expr }
  | {
      readonly kind: 'exit';
      readonly target: 'script' | 'for' | 'do' | 'sub';
      readonly when?: { readonly unless: boolean; readonly condition: Expr };
    }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  /** `WHEN cond statement` / `UNLESS cond statement`. */
  | {
      readonly kind: 'conditional';
      readonly unless: boolean;
      readonly condition: Expr;
      readonly statement: Statement;
    }
  | { readonly kind: 'binary'; readonly path: string }
  | { readonly kind: 'directory'; readonly path?: string }
  /** `LIB CONNECT TO 'name'`, `ODBC|OLEDB|CUSTOM CONNECT [32|64] TO 'string'`. */
  | {
      readonly kind: 'connect';
      readonly via: 'lib' | 'odbc' | 'oledb' | 'custom';
      readonly target: string;
    }
  | { readonly kind: 'disconnect' }
  /** `SQL ...` that is no SELECT (a stored procedure, DDL): sent as is to the open connection. */
  | { readonly kind: 'sqlCommand'; readonly text: string }
  | {
      readonly kind: 'tag';
      readonly untag: boolean;
      readonly fields: readonly string[];
      readonly tags: readonly string[];
    }
  | { readonly kind: 'tagUsing'; readonly untag: boolean; readonly mapping: string }
  | {
      readonly kind: 'comment';
      readonly target: 'field' | 'table';
      readonly names: readonly string[];
      readonly text: string;
    }
  | { readonly kind: 'commentUsing'; readonly target: 'field' | 'table'; readonly mapping: string }
  | { readonly kind: 'mapUsing'; readonly fields: readonly string[]; readonly mapping: string }
  | { readonly kind: 'unmap'; readonly fields: readonly string[] }
  | { readonly kind: 'nullAs'; readonly asValue: boolean; readonly fields: readonly string[] }
  | {
      readonly kind: 'autoNumberFields';
      readonly fields: readonly string[];
      readonly namespace?: string;
    }
  | { readonly kind: 'section'; readonly access: boolean }
  | { readonly kind: 'star'; readonly symbol?: string }
  | { readonly kind: 'flushLog' }
  /** `Name: DECLARE FIELD DEFINITION ...`. */
  | { readonly kind: 'declare'; readonly name: string; readonly definition: FieldDefinition }
  /** `DERIVE FIELDS FROM FIELDS a, b USING Name`. */
  | { readonly kind: 'derive'; readonly fields: readonly string[]; readonly definition: string }
  /**
   * A statement of Qlik's script language that parses but that this engine
   * cannot run (EXECUTE, DIRECT QUERY, DECLARE, ...): the reload fails with
   * "not supported: <what>" at its line.
   */
  | { readonly kind: 'notSupported'; readonly what: string };
