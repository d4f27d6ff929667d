import type { EvalContext, ScalarFunction } from '../expression/EvalContext.js';
import type { CallExpr } from '../expression/Expr.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import type { Generator } from './generatingCalls.js';
import type { WindowSlot } from './windowCalls.js';

const NO_FIELDS: readonly Value[] = [];

/**
 * The evaluation context of one LOAD: the current source row, looked up by
 * field name, and the record counters RecNo(), RowNo() and IterNo() read.
 */
export class LoadContext implements EvalContext {
  row: readonly Value[] = NO_FIELDS;
  /** Source record number, 1-based. */
  recNo = 0;
  /** Number of rows this LOAD has produced so far. */
  rowNo = 0;
  /** The last source record that passed WHERE, for Previous(). */
  previousRow: readonly Value[] | undefined;
  /** Iteration of the current record under WHILE, 1-based. */
  iterNo = 1;
  /** Rows of the current GROUP BY group; set only while aggregating. */
  groupRows: readonly (readonly Value[])[] | undefined;
  aggregate?: (call: CallExpr, ctx: EvalContext) => Value;
  /** The LOAD's calls that make a row per value (SubField without field_no, ...). */
  readonly generators: Generator[] = [];
  /** Each generating call's value for the row being written. */
  generated: Value[] = [];
  /** The LOAD's Window() calls, computed once the whole source is read. */
  readonly windows: WindowSlot[] = [];
  /** Which buffered row is being written, for the Window() values. */
  windowRow = 0;

  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    readonly functions: ReadonlyMap<string, ScalarFunction>,
    readonly format: FormatSettings,
    private readonly lookupVariable: (name: string) => Value | undefined,
  ) {}

  /** A field of the current source row; undefined for a name the source does not have. */
  field(name: string): Value | undefined {
    const index = this.positions.get(name);
    return index === undefined ? undefined : (this.row[index] ?? null);
  }

  /** A script variable read as a value. */
  variable(name: string): Value | undefined {
    return this.lookupVariable(name);
  }
}
