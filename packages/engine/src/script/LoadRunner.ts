import type { LineageEntry } from '../io/Lineage.js';
import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import { toNumber } from '../value/toNumber.js';
import { autogenerateRowStream } from './autogenerateRowStream.js';
import { fileRowStream, fileTypeOf } from './fileRowStream.js';
import { inlineRowStream } from './inlineRowStream.js';
import { isPartialReload, type LoadHost } from './LoadHost.js';
import { nullInterpretStream } from './nullInterpretStream.js';
import { placeLoadedTable } from './placeLoadedTable.js';
import type { RawStatement } from './RawStatement.js';
import { residentRowStream } from './residentRowStream.js';
import type { RowStream } from './RowStream.js';
import { copiesFieldsOnly, runLoad, type LoadEnvironment } from './runLoad.js';
import { limitRowStream } from './limitRowStream.js';
import { sampleRowStream } from './sampleRowStream.js';
import { ScriptFault } from './ScriptFault.js';
import { ScriptTable } from './ScriptTable.js';
import type { LoadStatement } from './Statement.js';
import { unsupportedFormat } from './unsupportedFormat.js';

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
    return isPartialReload(this.host);
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
    const name = placeLoadedTable(this.host, placed, result.table, defaultName);
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
}

/** A "not supported: <what>" fault; the interpreter names the statement's line. */
export function notSupported(what: string): ScriptFault {
  return new ScriptFault('SCRIPT_NOT_SUPPORTED', `not supported: ${what}`);
}
