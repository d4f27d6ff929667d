import type { CompiledExpression } from '../expression/CompiledExpression.js';
import type { ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import { compileLoadExpression } from './compileLoadExpression.js';
import { compileExpression } from '../expression/compileExpression.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import { toNumber } from '../value/toNumber.js';
import { isTrue } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import type { DelimitedCell } from '../io/DelimitedParser.js';
import { canEncodeBytes, encodeDelimitedBytes } from './encodeDelimitedBytes.js';
import { LoadContext } from './LoadContext.js';
import { ScriptFault } from './ScriptFault.js';
import type { ColumnEncoder, RowStream, TextRowStream, WholeColumns } from './RowStream.js';
import { interpretTexts } from './textRowStream.js';
import { textToValue } from '../io/textToValue.js';
import { ScriptTable } from './ScriptTable.js';
import { GroupCollector, writeGroups, writeWindowed } from './groupedRows.js';
import { hasCall } from './hasCall.js';
import type { LoadField, LoadStatement } from './Statement.js';

/** What a LOAD needs from the running script. */
export interface LoadEnvironment {
  readonly functions: ReadonlyMap<string, ScalarFunction>;
  readonly format: FormatSettings;
  variable(name: string): Value | undefined;
  /** Called between batches: yields to the event loop and throws when the reload is aborted. */
  pause(): Promise<void>;
  /** Lets Peek() and Exists() see the load in progress (undefined when it ends). */
  setCurrent(load: LoadContext | undefined, output: ScriptTable | undefined): void;
}

/** One output field: a plain copy of a source column, or a computed expression. */
type Output =
  | { readonly name: string; readonly copy: number; readonly compute?: undefined }
  | { readonly name: string; readonly copy: -1; readonly compute: CompiledExpression };

/** The result of a LOAD before it is named and placed: its table and how many source records were read. */
export interface LoadResult {
  readonly table: ScriptTable;
  readonly fetched: number;
}

/**
 * Runs a LOAD's field list, WHERE / WHILE, DISTINCT, GROUP BY and FIRST over a
 * row stream into a new columnar table.
 */
export async function runLoad(
  load: LoadStatement,
  source: RowStream,
  env: LoadEnvironment,
): Promise<LoadResult> {
  if (source.kind === 'texts' && isPlainCopy(load, source.fieldNames))
    return encodeTexts(load, source, env);
  if (source.kind === 'values' && source.columns && isPlainCopy(load, source.fieldNames))
    return copyColumns(load, source.fieldNames, source.columns);
  if (source.kind === 'values' && source.encode && isPlainCopy(load, source.fieldNames)) {
    const encoded = await encodeValues(load, source.fieldNames, source.encode, env);
    if (encoded) return encoded;
  }
  const stream = source.kind === 'texts' ? interpretTexts(source) : source;
  const positions = new Map<string, number>(stream.fieldNames.map((name, i) => [name, i]));
  const ctx = new LoadContext(positions, env.functions, env.format, (name) => env.variable(name));
  const compile = (expr: Expr): CompiledExpression => compileLoadExpression(expr, ctx, positions);
  const outputs = resolveOutputs(load, stream.fieldNames, positions, compile);
  const table = new ScriptTable(
    '',
    outputs.map((o) => o.name),
  );
  const where = load.where ? compile(load.where) : undefined;
  const whileCondition = load.whileCondition ? compile(load.whileCondition) : undefined;
  const limit = load.first ? toNumber(compileExpression(load.first)(ctx)) : Infinity;
  // Aggregations without GROUP BY aggregate over all rows, as one group.
  const groupBy = load.groupBy ?? (load.fields.some(hasAggregation) ? [] : undefined);
  const groups = groupBy ? new GroupCollector(groupBy, positions) : undefined;
  if (groups && ctx.windows.length > 0)
    throw new ScriptFault(
      'SCRIPT_NOT_SUPPORTED',
      'Window() in a LOAD with GROUP BY is not supported',
    );
  // Window() needs the whole table: rows are kept (with their RecNo) and written at the end.
  const buffered =
    ctx.windows.length > 0
      ? { rows: [] as (readonly Value[])[], recNos: [] as number[] }
      : undefined;
  const sink = groups
    ? (row: readonly Value[]) => groups.add(row)
    : buffered
      ? (row: readonly Value[]) => {
          buffered.rows.push(row);
          buffered.recNos.push(ctx.recNo);
        }
      : rowWriter(table, outputs, ctx, load.distinct);
  env.setCurrent(ctx, table);
  try {
    for await (const batch of stream.batches) {
      for (let i = 0; i < batch.length && ctx.rowNo < limit; i++) {
        ctx.row = batch[i];
        ctx.recNo++;
        for (ctx.iterNo = 1; ; ctx.iterNo++) {
          if (whileCondition && !isTrue(whileCondition(ctx))) break;
          if (!where || isTrue(where(ctx))) {
            sink(ctx.row);
            ctx.previousRow = ctx.row;
          }
          if (!whileCondition || ctx.rowNo >= limit) break;
        }
      }
      if (ctx.rowNo >= limit) break;
      await env.pause();
    }
    if (groups) writeGroups(groups, ctx, rowWriter(table, outputs, ctx, load.distinct));
    if (buffered)
      writeWindowed(
        buffered.rows,
        buffered.recNos,
        ctx,
        rowWriter(table, outputs, ctx, load.distinct),
      );
  } finally {
    env.setCurrent(undefined, undefined);
  }
  return { table, fetched: ctx.recNo };
}

function resolveOutputs(
  load: LoadStatement,
  sourceFields: readonly string[],
  positions: ReadonlyMap<string, number>,
  compile: (expr: Expr) => CompiledExpression = compileExpression,
): Output[] {
  const outputs: Output[] = [];
  for (const field of load.fields) {
    if (field.kind === 'star') {
      sourceFields.forEach((name, i) => outputs.push({ name, copy: i }));
      continue;
    }
    const copyFrom = field.expr.kind === 'field' ? positions.get(field.expr.name) : undefined;
    outputs.push(
      copyFrom === undefined
        ? { name: field.name, copy: -1, compute: compile(field.expr) }
        : { name: field.name, copy: copyFrom },
    );
  }
  const seen = new Set<string>();
  for (const output of outputs) {
    if (seen.has(output.name))
      throw new ScriptFault(
        'SCRIPT_SYNTAX',
        `Field name '${output.name}' appears twice in the LOAD`,
      );
    seen.add(output.name);
  }
  return outputs;
}

/** Evaluates the outputs for the current row and appends them (skipping repeats under DISTINCT). */
function rowWriter(
  table: ScriptTable,
  outputs: readonly Output[],
  ctx: LoadContext,
  distinct: boolean,
): (row: readonly Value[]) => void {
  const columns = table.columns;
  const width = outputs.length;
  // Flat arrays keep the per-row loop monomorphic.
  const copies = Int32Array.from(outputs, (o) => o.copy);
  const computes = outputs.map((o) => o.compute ?? null);
  const indexes = new Int32Array(width);
  const seen = distinct ? new Set<string>() : undefined;
  const write = (row: readonly Value[]): void => {
    for (let c = 0; c < width; c++) {
      const copy = copies[c];
      const value = copy >= 0 ? (row[copy] ?? null) : (computes[c] as CompiledExpression)(ctx);
      indexes[c] = columns[c].indexOf(value);
    }
    if (seen) {
      const key = indexes.join(',');
      if (seen.has(key)) return;
      seen.add(key);
    }
    for (let c = 0; c < width; c++) columns[c].pushIndex(indexes[c]);
    table.rowCount++;
    ctx.rowNo++;
  };
  const generators = ctx.generators;
  if (generators.length === 0) return write;
  // A row per combination of the generating calls' values (a Cartesian product).
  return (row) => {
    const lists = generators.map((generate) => generate(ctx));
    const writeFrom = (g: number): void => {
      if (g === lists.length) return write(row);
      for (const value of lists[g]) {
        ctx.generated[g] = value;
        writeFrom(g + 1);
      }
    };
    writeFrom(0);
  };
}

/** True when every output is a source field as is and nothing filters, repeats or groups rows. */
function isPlainCopy(load: LoadStatement, sourceFields: readonly string[]): boolean {
  return (
    copiesFieldsOnly(load) &&
    load.fields.every(
      (field) =>
        field.kind === 'star' ||
        (field.expr.kind === 'field' && sourceFields.includes(field.expr.name)),
    )
  );
}

/**
 * Whether a LOAD takes its source's fields as they are (`*` or bare field
 * names, nothing that filters or groups the rows): such a LOAD takes encoded
 * columns from the source when the fields it names are there.
 */
export function copiesFieldsOnly(load: LoadStatement): boolean {
  if (load.where || load.whileCondition || load.groupBy || load.distinct || load.first)
    return false;
  return load.fields.every((field) => field.kind === 'star' || field.expr.kind === 'field');
}

/**
 * Qlik's optimized load: every output is a source column as it is (maybe
 * renamed), so the columns are taken whole, dictionary and indexes, with no
 * work per row.
 */
function copyColumns(
  load: LoadStatement,
  fieldNames: readonly string[],
  source: WholeColumns,
): LoadResult {
  const positions = new Map<string, number>(fieldNames.map((name, i) => [name, i]));
  const outputs = resolveOutputs(load, fieldNames, positions);
  const table = ScriptTable.fromLoaded({
    name: '',
    columns: outputs.map((output) => ({ ...source.columns[output.copy], name: output.name })),
    rowCount: source.rowCount,
  });
  return { table, fetched: source.rowCount };
}

/**
 * The fast path for `LOAD *` (or plain fields) from a source that encodes
 * its own rows into the columns (JSON): no row arrays; undefined when a
 * source field is copied twice.
 */
async function encodeValues(
  load: LoadStatement,
  fieldNames: readonly string[],
  encode: ColumnEncoder,
  env: LoadEnvironment,
): Promise<LoadResult | undefined> {
  const positions = new Map<string, number>(fieldNames.map((name, i) => [name, i]));
  const outputs = resolveOutputs(load, fieldNames, positions);
  const table = new ScriptTable(
    '',
    outputs.map((o) => o.name),
  );
  const targets = sourceTargets(
    fieldNames.length,
    outputs.map((o) => o.copy),
    table.columns,
  );
  if (!targets) return undefined;
  const fetched = await encode(targets, () => env.pause());
  table.rowCount = fetched;
  return { table, fetched };
}

/**
 * The fast path for `LOAD *` (or plain fields) from a delimited file: each
 * distinct text is interpreted once and mapped straight to its dictionary
 * index, so a row costs one map lookup per field and no row objects.
 */
async function encodeTexts(
  load: LoadStatement,
  stream: TextRowStream,
  env: LoadEnvironment,
): Promise<LoadResult> {
  const positions = new Map<string, number>(stream.fieldNames.map((name, i) => [name, i]));
  const outputs = resolveOutputs(load, stream.fieldNames, positions);
  const table = new ScriptTable(
    '',
    outputs.map((o) => o.name),
  );
  const columns = table.columns;
  const sources = outputs.map((o) => o.copy);
  const textIndexes = outputs.map(() => new Map<string, number>());
  const numbers = stream.numbers;
  const encodeRows = (batch: readonly DelimitedCell[][]): void => {
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      const source = sources[c];
      const known = textIndexes[c];
      for (let r = 0; r < batch.length; r++) {
        const text = batch[r][source];
        if (text === undefined) {
          column.pushIndex(-1);
          continue;
        }
        if (typeof text === 'number') {
          column.pushIndex(column.indexOf(text));
          continue;
        }
        let index = known.get(text);
        if (index === undefined) {
          index = column.indexOf(textToValue(text, numbers));
          known.set(text, index);
        }
        column.pushIndex(index);
      }
    }
  };
  const targets = byteTargets(stream, sources, columns);
  if (stream.raw && targets) {
    const pause = () => env.pause();
    const fetched = await encodeDelimitedBytes(stream.raw, targets, numbers, encodeRows, pause);
    table.rowCount = fetched;
    return { table, fetched };
  }
  let fetched = 0;
  for await (const batch of stream.batches) {
    encodeRows(batch);
    fetched += batch.length;
    table.rowCount = fetched;
    await env.pause();
  }
  return { table, fetched };
}

/**
 * The column each source field goes to, for the byte scanner; undefined when
 * it cannot be used (no raw bytes, a layout it does not read, or one source
 * field copied into two outputs).
 */
function byteTargets(
  stream: TextRowStream,
  sources: readonly number[],
  columns: readonly ColumnBuilder[],
): (ColumnBuilder | undefined)[] | undefined {
  if (!stream.raw || !canEncodeBytes(stream.raw.format)) return undefined;
  return sourceTargets(stream.fieldNames.length, sources, columns);
}

/** Per source field the column it is copied to; undefined when one is copied twice. */
function sourceTargets(
  fieldCount: number,
  sources: readonly number[],
  columns: readonly ColumnBuilder[],
): (ColumnBuilder | undefined)[] | undefined {
  const targets = new Array<ColumnBuilder | undefined>(fieldCount).fill(undefined);
  for (let c = 0; c < sources.length; c++) {
    if (targets[sources[c]]) return undefined;
    targets[sources[c]] = columns[c];
  }
  return targets;
}

/** Whether a LOAD field calls an aggregation (outside any nested aggregation). */
function hasAggregation(field: LoadField): boolean {
  // Window(Sum(X), ...) aggregates over its partition, not over the LOAD's rows.
  return (
    field.kind === 'expr' &&
    hasCall(
      field.expr,
      (call) => call.aggregation,
      (call) => call.key === 'WINDOW',
    )
  );
}
