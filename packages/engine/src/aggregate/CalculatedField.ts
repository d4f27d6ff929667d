import { compileExpression } from '../expression/compileExpression.js';
import type { EvalContext } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import type { DataModel } from '../model/DataModel.js';
import { Field } from '../model/Field.js';
import { SymbolTableBuilder } from '../model/SymbolTableBuilder.js';
import type { Table } from '../model/Table.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { AggregateError } from './AggregateError.js';
import { symbolValues } from './symbolValues.js';

/**
 * A calculated dimension (`=Year(OrderDate)`) made into a column of the one
 * table whose fields it reads: its distinct results become a symbol table and
 * every row of the table gets a code (the cardinality for null), so frames,
 * groups and joins treat it like any field of that table.
 */
export interface CalculatedField {
  readonly field: Field;
  readonly table: Table;
  readonly codes: Int32Array;
  /** The model fields the expression reads. */
  readonly sources: readonly string[];
}

const cache = new WeakMap<DataModel, Map<string, CalculatedField>>();

/** Evaluates `expr` for every row of the table holding its fields (cached per model and name). */
export function calculatedField(
  model: DataModel,
  name: string,
  expr: Expr,
  format: FormatSettings,
): CalculatedField {
  let byName = cache.get(model);
  if (!byName) cache.set(model, (byName = new Map()));
  let calculated = byName.get(name);
  if (!calculated) {
    calculated = build(model, name, expr, format);
    byName.set(name, calculated);
  }
  return calculated;
}

function build(
  model: DataModel,
  name: string,
  expr: Expr,
  format: FormatSettings,
): CalculatedField {
  const sources = [...referencedFields(expr, model, new Set())];
  const table = model.tables.find((candidate) =>
    sources.every((source) => candidate.hasField(source)),
  );
  if (!table || sources.length === 0) {
    throw new AggregateError(
      'BAD_ARGUMENTS',
      `Calculated dimension ${name} must read fields of one table (reads ${sources.join(', ') || 'none'})`,
    );
  }
  const columns = new Map(
    sources.map((source) => [
      source,
      { codes: table.column(source)!.codes, values: symbolValues(model.field(source)) },
    ]),
  );
  let row = 0;
  const ctx: EvalContext = {
    format,
    field(fieldName) {
      const column = columns.get(fieldName);
      return column ? column.values[column.codes[row]!] : undefined;
    },
    aggregate(call) {
      throw new AggregateError(
        'NESTED_AGGREGATION',
        `${call.name}() is not allowed in a calculated dimension`,
      );
    },
  };
  const compiled = compileExpression(expr);
  const builder = new SymbolTableBuilder();
  // One entry past the rows, null: the null row of outer joins (see Column).
  const raw = new Int32Array(table.rowCount + 1).fill(-1);
  for (row = 0; row < table.rowCount; row++) raw[row] = internValue(builder, compiled(ctx));
  const symbols = builder.build();
  const codes = raw.map((code) => (code < 0 ? symbols.size : code));
  const field = new Field(-1, name, symbols, [], [table.index]);
  return { field, table, codes, sources };
}

function internValue(builder: SymbolTableBuilder, value: Value): number {
  return value === null ? -1 : builder.add(value);
}

function referencedFields(expr: Expr, model: DataModel, into: Set<string>): Set<string> {
  if (expr.kind === 'field' && model.findField(expr.name)) into.add(expr.name);
  else if (expr.kind === 'unary') referencedFields(expr.operand, model, into);
  else if (expr.kind === 'binary') {
    referencedFields(expr.left, model, into);
    referencedFields(expr.right, model, into);
  } else if (expr.kind === 'call') for (const arg of expr.args) referencedFields(arg, model, into);
  return into;
}
