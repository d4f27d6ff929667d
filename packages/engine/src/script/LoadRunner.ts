import type { ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import type { LineageEntry } from '../io/Lineage.js';
import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import { toNumber } from '../value/toNumber.js';
import type { Value } from '../value/Value.js';
import { autogenerateRowStream } from './autogenerateRowStream.js';
import { keyOf } from './ColumnBuilder.js';
import type { FieldRules } from './FieldRules.js';
import { fileRowStream, fileTypeOf } from './fileRowStream.js';
import { inlineRowStream } from './inlineRowStream.js';
import { joinTables } from './joinTables.js';
import { keepTables } from './keepTables.js';
import type { LoadContext } from './LoadContext.js';
import { nullInterpretStream } from './nullInterpretStream.js';
import { qualifyFieldName, type QualifyRule } from './qualifyFieldName.js';
import type { RawStatement } from './RawStatement.js';
import { residentRowStream } from './residentRowStream.js';
import type { RowStream } from './RowStream.js';
import { copiesFieldsOnly, runLoad, type LoadEnvironment } from './runLoad.js';
import { limitRowStream } from './limitRowStream.js';
import { sampleRowStream } from './sampleRowStream.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptOptions } from './ScriptOptions.js';
import { ScriptTable } from './ScriptTable.js';
import type { LoadCombine, LoadStatement } from './Statement.js';
import type { Mapping, TableCatalog } from './TableCatalog.js';
import { transformTable } from './transformTable.js';
import { unsupportedFormat } from './unsupportedFormat.js';

/** What the load pipeline needs from the running script. */
export interface LoadHost {
  readonly options: ScriptOptions;
  /** The tables of the current section (application or access). */
  catalog(): TableCatalog;
  readonly functions: ReadonlyMap<string, ScalarFunction>;
  format(): FormatSettings;
  readonly fieldRules: FieldRules;
  qualify(): readonly QualifyRule[];
  variableValue(name: string): Value | undefined;
  variableText(name: string): string | undefined;
  numbers(): NumberInterpretation;
  evaluate(expr: Expr, raw: RawStatement): Value;
  write(line: string): void;
  pause(): Promise<void>;
  fileList(mask: string): Promise<string[]>;
  resolvePath(scriptPath: string): Promise<string>;
  /** Turns a failure inside a statement into an error at that statement. */
  wrap(cause: unknown, raw: RawStatement): unknown;
  setCurrent(load: { ctx: LoadContext; output: ScriptTable } | undefined): void;
  /** The table file a LOAD reads (its script and absolute path), for the file functions. */
  setCurrentFile(scriptPath: string | undefined, absolutePath?: string): void;
  /** Rows of a SELECT sent to the open connection. */
  sqlRows(text: string): Promise<RowStream>;
  /** Distinct values of fields over the tables loaded so far (INTERVALMATCH). */
  fieldCombinations(fields: readonly string[]): (readonly Value[])[];
}

type Chain = readonly { readonly load: LoadStatement; readonly raw: RawStatement }[];

/**
 * Runs LOAD and SELECT statements: collects preceding loads until the one
 * with a source, runs the chain bottom-up, applies transform prefixes and
 * puts the result where its prefixes say.
 */
export class LoadRunner {
  private preceding: { load: LoadStatement; raw: RawStatement }[] = [];

  constructor(private readonly host: LoadHost) {}

  /** The first LOAD without a source still waiting for one, if any. */
  get dangling(): RawStatement | undefined {
    return this.preceding[0]?.raw;
  }

  private get isPartial(): boolean {
    return this.host.options.partialFrom !== undefined;
  }

  /** Runs one LOAD statement (a preceding load waits for the statement below it). */
  async execute(load: LoadStatement, raw: RawStatement): Promise<void> {
    if (load.source.kind === 'preceding') {
      this.preceding.push({ load, raw });
      return;
    }
    const chain = this.preceding.reverse();
    this.preceding = [];
    const top = chain.at(-1)?.load ?? load;
    if (top.partial?.mode === 'merge') throw notSupported('the MERGE prefix');
    if (!this.runsInThisReload(top)) {
      const why = this.isPartial ? 'no ADD or REPLACE prefix' : 'ADD ONLY or REPLACE ONLY';
      this.host.write(
        `${top.label ?? 'LOAD'} skipped in a ${this.isPartial ? 'partial' : 'full'} reload (${why})`,
      );
      return;
    }
    const source = load.source;
    if (source.kind !== 'file' || !/[*?]/.test(source.path)) {
      await this.loadThroughChain(load, chain, raw, undefined);
      return;
    }
    // A wildcard FROM loads every matching file, each appended to the first one's table.
    const paths = await this.host.fileList(source.path);
    if (paths.length === 0)
      throw new ScriptFault('SCRIPT_FILE_NOT_FOUND', `No file matches '${source.path}'`);
    let target: string | undefined;
    for (const path of paths) {
      const one: LoadStatement = { ...load, source: { ...source, path } };
      target = await this.loadThroughChain(one, chain, raw, target);
    }
  }

  /** A partial reload runs ADD and REPLACE loads only; a full one all but ADD ONLY and REPLACE ONLY. */
  private runsInThisReload(load: LoadStatement): boolean {
    return this.isPartial ? load.partial !== undefined : !load.partial?.only;
  }

  /**
   * Runs a LOAD with a source and the preceding loads above it, then places
   * the result (appending to `appendTo` when given). Returns the table's name.
   */
  private async loadThroughChain(
    load: LoadStatement,
    chain: Chain,
    raw: RawStatement,
    appendTo: string | undefined,
  ): Promise<string> {
    const opened = await this.openSource(load, raw);
    const { sourceName, defaultName, lineage } = opened;
    const { rowLimit } = this.host.options;
    const stream = rowLimit === undefined ? opened.stream : limitRowStream(opened.stream, rowLimit);
    let result = await this.runOne(load, stream, raw);
    if (stream.kind === 'values' && stream.numberFormats)
      this.keepNumberFormats(load, stream.numberFormats);
    result.table.lineage = lineage;
    for (const above of chain) {
      const table = (await this.runOne(above.load, residentRowStream(result.table), above.raw))
        .table;
      table.lineage = lineage;
      result = { table, fetched: result.fetched };
    }
    this.host.setCurrentFile(undefined);
    const top = chain.at(-1)?.load ?? load;
    const placed: LoadStatement =
      appendTo === undefined ? top : { ...top, combine: { kind: 'concatenate', target: appendTo } };
    const name = this.place(placed, result.table, defaultName);
    this.host.write(`${name} << ${sourceName}  ${result.fetched} Lines fetched`);
    return name;
  }

  /**
   * A source's number formats follow its fields into the model where a LOAD
   * takes them as they are: through `*`, or a bare field reference under
   * any name.
   */
  private keepNumberFormats(
    load: LoadStatement,
    formats: ReadonlyMap<string, FieldNumberFormat>,
  ): void {
    const kept = this.host.fieldRules.numberFormats;
    for (const field of load.fields) {
      if (field.kind === 'star') for (const [name, format] of formats) kept.set(name, format);
      else if (field.expr.kind === 'field') {
        const format = formats.get(field.expr.name);
        if (format) kept.set(field.name, format);
      }
    }
  }

  /** Runs one LOAD of a chain over a stream, its records sampled first under SAMPLE. */
  private async runOne(
    load: LoadStatement,
    stream: RowStream,
    raw: RawStatement,
  ): Promise<{ table: ScriptTable; fetched: number }> {
    if (load.semantic) throw this.host.wrap(notSupported('the SEMANTIC prefix'), raw);
    const env: LoadEnvironment = {
      functions: this.host.functions,
      format: this.host.format(),
      variable: (name) => this.host.variableValue(name),
      pause: () => this.host.pause(),
      setCurrent: (ctx, output) =>
        this.host.setCurrent(ctx && output ? { ctx, output } : undefined),
    };
    try {
      const nullSymbol = this.host.variableText('NullInterpret');
      const source = nullSymbol === undefined ? stream : nullInterpretStream(stream, nullSymbol);
      const sampled = load.sample
        ? sampleRowStream(source, toNumber(this.host.evaluate(load.sample, raw)))
        : source;
      return await runLoad(load, sampled, env);
    } catch (cause) {
      throw this.host.wrap(cause, raw);
    }
  }

  private async openSource(
    load: LoadStatement,
    raw: RawStatement,
  ): Promise<{
    stream: RowStream;
    sourceName: string;
    defaultName: string;
    lineage: LineageEntry[];
  }> {
    const source = load.source;
    switch (source.kind) {
      case 'file': {
        const unsupported = unsupportedFormat(
          fileTypeOf(source.path, source.format),
          source.format,
        );
        if (unsupported) throw notSupported(unsupported);
        const absolute = await this.host.resolvePath(source.path);
        this.host.setCurrentFile(source.path, absolute);
        const stream = await fileRowStream(
          absolute,
          source.path,
          source.format,
          this.host.numbers(),
          copiesFieldsOnly(load) && !load.sample,
        );
        const base = source.path.replace(/^.*[/\\]/, '');
        return {
          stream,
          sourceName: base,
          defaultName: base.replace(/\.[^.]*$/, ''),
          lineage: [{ discriminator: `${source.path};`, statement: '' }],
        };
      }
      case 'inline':
        return {
          stream: await inlineRowStream(source.data, source.format, this.host.numbers()),
          sourceName: 'INLINE',
          defaultName: 'INLINE',
          lineage: [{ discriminator: 'INLINE;', statement: '' }],
        };
      case 'resident': {
        const table = this.host.catalog().require(source.table);
        return {
          stream: residentRowStream(table, load.orderBy),
          sourceName: source.table,
          defaultName: source.table,
          lineage: [...table.lineage],
        };
      }
      case 'autogenerate': {
        const count = toNumber(this.host.evaluate(source.count, raw));
        if (!Number.isFinite(count) || count < 0)
          throw new ScriptFault('SCRIPT_RUNTIME', 'AUTOGENERATE needs a non-negative number');
        return {
          stream: autogenerateRowStream(Math.floor(count)),
          sourceName: 'AUTOGENERATE',
          defaultName: 'AUTOGENERATE',
          lineage: [{ discriminator: 'AUTOGENERATE;', statement: '' }],
        };
      }
      case 'sql': {
        const table = /\bFROM\s+([^\s,;()]+)/i.exec(source.text)?.[1] ?? 'SQL';
        const name = table.replace(/^.*\./, '').replace(/^["[`]|["\]`]$/g, '');
        return {
          stream: await this.host.sqlRows(source.text),
          sourceName: name,
          defaultName: name,
          lineage: [{ discriminator: `SQL ${source.text};`, statement: '' }],
        };
      }
      case 'fromField':
        throw notSupported('LOAD ... FROM_FIELD');
      case 'extension':
        throw notSupported(`LOAD ... EXTENSION ${source.call}`);
      case 'preceding':
        throw new ScriptFault(
          'SCRIPT_SYNTAX',
          'A LOAD without a source must be followed by a LOAD with one',
        );
    }
  }

  /**
   * Names the loaded table and puts it where its prefixes say: mapping,
   * transform, concatenation, join, keep or a new table. Returns its name.
   */
  private place(load: LoadStatement, loaded: ScriptTable, defaultName: string): string {
    const catalog = this.host.catalog();
    const name = load.label ?? defaultName;
    if (load.mapping) {
      catalog.mappings.set(name, mappingOf(loaded));
      return name;
    }
    for (const column of [...loaded.columns])
      loaded.renameColumn(column.name, this.host.fieldRules.aliasOf(column.name));
    let table = loaded;
    if (load.transform) {
      const result = transformTable(loaded, load.transform, {
        fieldCombinations: (fields) => this.host.fieldCombinations(fields),
      });
      if (result.kind === 'generic') {
        for (const generic of result.tables)
          this.placeTable(generic.table, load.combine, `${name}.${generic.suffix}`, load);
        return name;
      }
      table = result.table;
    }
    return this.placeTable(table, load.combine, name, load);
  }

  private placeTable(
    table: ScriptTable,
    loadCombine: LoadCombine,
    name: string,
    load: LoadStatement,
  ): string {
    const catalog = this.host.catalog();
    for (const column of [...table.columns])
      table.renameColumn(column.name, qualifyFieldName(column.name, name, this.host.qualify()));
    this.host.fieldRules.applyValueRules(
      table,
      (mapping) => catalog.mapping(mapping),
      this.host.variableText('NullValue'),
    );
    const partial = this.partialPlacement(load, table, name);
    const combine = partial?.combine ?? loadCombine;
    const tableName = partial?.name ?? name;
    switch (combine.kind) {
      case 'concatenate': {
        const target = catalog.target(combine.target);
        target.append(table);
        catalog.lastTable = target.name;
        return target.name;
      }
      case 'join': {
        const target = catalog.target(combine.target);
        const joined = joinTables(target, table, combine.how);
        joined.lineage = [...target.lineage, ...table.lineage];
        catalog.replace(target.name, joined);
        return target.name;
      }
      case 'keep': {
        const target = catalog.target(combine.target);
        const kept = keepTables(target, table, combine.how);
        catalog.replace(target.name, kept.left);
        catalog.add(kept.right, tableName);
        return kept.right.name;
      }
      case 'auto': {
        const same = catalog.withFields(table.fieldNames);
        if (same) {
          same.append(table);
          catalog.lastTable = same.name;
          return same.name;
        }
        catalog.add(table, tableName);
        return table.name;
      }
      case 'noconcatenate':
        catalog.add(table, tableName);
        return table.name;
    }
  }

  /**
   * Where an ADD or REPLACE load goes, when that differs from what its other
   * prefixes say. REPLACE drops its table first (the CONCATENATE target, else
   * the table with the same fields, else in a partial reload the one of its
   * name) and takes its name; ADD in a partial reload appends to that table.
   */
  private partialPlacement(
    load: LoadStatement,
    table: ScriptTable,
    name: string,
  ): { combine: LoadCombine; name?: string } | undefined {
    if (!load.partial || (load.partial.mode === 'add' && !this.isPartial)) return undefined;
    const catalog = this.host.catalog();
    const explicit = load.combine.kind === 'concatenate';
    if (!explicit && load.combine.kind !== 'auto') return undefined;
    const target =
      (explicit ? catalog.tables.get(load.combine.target ?? catalog.lastTable ?? '') : undefined) ??
      catalog.withFields(table.fieldNames) ??
      (this.isPartial ? catalog.tables.get(name) : undefined);
    if (!target) return undefined;
    if (load.partial.mode === 'add')
      return { combine: { kind: 'concatenate', target: target.name } };
    catalog.tables.delete(target.name);
    return { combine: { kind: 'noconcatenate' }, name: target.name };
  }
}

/** A "not supported: <what>" fault; the interpreter names the statement's line. */
export function notSupported(what: string): ScriptFault {
  return new ScriptFault('SCRIPT_NOT_SUPPORTED', `not supported: ${what}`);
}

/** A mapping table: first column's values to the second's; the first occurrence of a key wins. */
function mappingOf(table: ScriptTable): Mapping {
  const [from, to] = table.columns;
  const mapping = new Map<ReturnType<typeof keyOf>, Value>();
  if (!from || !to) return mapping;
  for (let row = 0; row < table.rowCount; row++) {
    const key = from.valueAt(row);
    if (key !== null && !mapping.has(keyOf(key))) mapping.set(keyOf(key), to.valueAt(row));
  }
  return mapping;
}
