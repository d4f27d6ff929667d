import type { ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import { ExpressionError } from '../expression/ExpressionError.js';
import { compileExpression } from '../expression/compileExpression.js';
import { parseExpression } from '../expression/parseExpression.js';
import { DataFileError } from '../io/DataFileError.js';
import { dataDirFiles, type DataFiles } from '../io/DataFiles.js';
import { textToValue, type NumberInterpretation } from '../io/textToValue.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import { numberToText } from '../value/numberToText.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import { isTrue } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import { applyFormatVariable } from './applyFormatVariable.js';
import { keyOf, type ValueKey } from './ColumnBuilder.js';
import { contextFunctions } from './contextFunctions.js';
import { ControlSignal } from './ControlSignal.js';
import { expandScriptText } from './expandScriptText.js';
import { joinTables } from './joinTables.js';
import { keepTables } from './keepTables.js';
import { LoadContext } from './LoadContext.js';
import { parseStatement } from './parseStatement.js';
import { qualifyFieldName, qualifyRules, type QualifyRule } from './qualifyFieldName.js';
import type { LineageEntry } from '../io/Lineage.js';
import type { RawStatement } from './RawStatement.js';
import type { RowStream } from './RowStream.js';
import { autogenerateRowStream } from './autogenerateRowStream.js';
import { fileRowStream } from './fileRowStream.js';
import { inlineRowStream } from './inlineRowStream.js';
import { residentRowStream } from './residentRowStream.js';
import { ScriptFault } from './ScriptFault.js';
import { runLoad, type LoadEnvironment } from './runLoad.js';
import { storeTable } from './storeTable.js';
import { ScriptError, type ScriptErrorCode } from './ScriptError.js';
import type { Block, LoopTest, ScriptNode } from './ScriptNode.js';
import type { ScriptOptions } from './ScriptOptions.js';
import { ScriptTable } from './ScriptTable.js';
import type { SourceMap } from './SourceMap.js';
import type { LoadCombine, LoadStatement, Statement } from './Statement.js';
import { StatementCursor } from './StatementCursor.js';

const NO_FIELDS = new Map<string, number>();
const MAX_LOGGED_STATEMENT = 200;

type SubNode = Extract<ScriptNode, { kind: 'sub' }>;

/** Runs a parsed script: control flow, statements and the tables they build. */
export class Interpreter {
  readonly variables: Map<string, string>;
  readonly log: string[] = [];
  readonly tables = new Map<string, ScriptTable>();
  private format: FormatSettings;
  private readonly mappings = new Map<string, Map<ValueKey, Value>>();
  private readonly subs = new Map<string, SubNode>();
  private qualify: QualifyRule[] = [];
  private preceding: { load: LoadStatement; raw: RawStatement }[] = [];
  private lastTable: string | undefined;
  private currentLoad: { ctx: LoadContext; output: ScriptTable } | undefined;
  private currentFile: string | undefined;
  private readonly functions: ReadonlyMap<string, ScalarFunction>;
  private readonly files: DataFiles;
  private statementAt: RawStatement = { text: '', start: 0 };
  /** Statements whose text had nothing to expand, so offsets into it are offsets into the script. */
  private readonly unexpanded = new WeakSet<RawStatement>();

  constructor(
    private readonly sourceMap: SourceMap,
    private readonly options: ScriptOptions,
  ) {
    this.format = options.formatSettings ?? DEFAULT_FORMAT_SETTINGS;
    this.files = options.files ?? dataDirFiles(options.dataDir);
    const initial = options.variables ?? new Map<string, string>();
    this.variables = new Map(initial instanceof Map ? initial : Object.entries(initial));
    for (const [name, text] of this.variables)
      this.format = applyFormatVariable(this.format, name, text);
    for (const loaded of options.partialFrom ?? [])
      this.tables.set(loaded.name, ScriptTable.fromLoaded(loaded));
    this.functions = contextFunctions({
      mapping: (name) => this.mappings.get(name),
      table: (name) => this.tables.get(name),
      tableNames: () => [...this.tables.keys()],
      currentOutput: () => this.currentLoad?.output,
      currentFile: () => this.currentFile,
      fieldHasValue: (field, value) => this.fieldHasValue(field, value),
    });
  }

  /** Runs the whole program; EXIT SCRIPT ends it early without error. */
  async run(program: Block): Promise<void> {
    try {
      await this.runBlock(program);
    } catch (signal) {
      if (!(signal instanceof ControlSignal)) throw signal;
      if (signal.target !== 'script')
        throw this.error(
          'SCRIPT_SYNTAX',
          `EXIT ${signal.target.toUpperCase()} outside a ${signal.target.toUpperCase()}`,
          this.statementAt,
        );
    }
    const dangling = this.preceding[0];
    if (dangling)
      throw this.error(
        'SCRIPT_SYNTAX',
        'A LOAD without a source must be followed by a LOAD with one',
        dangling.raw,
      );
    this.writeSummary();
  }

  /** Writes a log line and hands it to the progress callback. */
  private write(line: string): void {
    this.log.push(line);
    this.options.onProgress?.(line);
  }

  private error(
    code: ScriptErrorCode,
    message: string,
    at: RawStatement,
    offset = 0,
    cause?: unknown,
  ): ScriptError {
    return new ScriptError(code, message, this.sourceMap.positionOf(at.start + offset), { cause });
  }

  private checkAborted(): void {
    if (this.options.signal?.aborted)
      throw this.error('SCRIPT_ABORTED', 'The reload was aborted', this.statementAt);
  }

  private async runBlock(block: Block): Promise<void> {
    for (const node of block) await this.runNode(node);
  }

  private async runNode(node: ScriptNode): Promise<void> {
    this.checkAborted();
    switch (node.kind) {
      case 'statement':
        return this.runStatement(node.raw);
      case 'if':
        for (const branch of node.branches) {
          if (isTrue(this.evaluateRaw(branch.condition))) return this.runBlock(branch.body);
        }
        if (node.otherwise) await this.runBlock(node.otherwise);
        return;
      case 'for':
        return this.runFor(node);
      case 'forEach':
        return this.runForEach(node);
      case 'do':
        return this.runDo(node);
      case 'sub':
        this.subs.set(node.name.toUpperCase(), node);
        return;
      case 'switch':
        return this.runSwitch(node);
    }
  }

  private async runLoop(target: 'for' | 'do', body: Block): Promise<boolean> {
    try {
      await this.runBlock(body);
      return true;
    } catch (signal) {
      if (signal instanceof ControlSignal && signal.target === target) return false;
      throw signal;
    }
  }

  private async runFor(node: Extract<ScriptNode, { kind: 'for' }>): Promise<void> {
    const from = this.numberOf(node.from);
    const to = this.numberOf(node.to);
    const step = node.step ? this.numberOf(node.step) : 1;
    if (step === 0 || Number.isNaN(from) || Number.isNaN(to) || Number.isNaN(step)) {
      throw this.error('SCRIPT_RUNTIME', 'FOR needs numeric bounds and a non-zero STEP', node.at);
    }
    for (let value = from; step > 0 ? value <= to : value >= to; value += step) {
      this.variables.set(node.variable, numberToText(value));
      if (!(await this.runLoop('for', node.body))) return;
    }
  }

  private async runForEach(node: Extract<ScriptNode, { kind: 'forEach' }>): Promise<void> {
    const items = await this.listItems(node.list);
    for (const item of items) {
      this.variables.set(node.variable, item);
      if (!(await this.runLoop('for', node.body))) return;
    }
  }

  /** The values of a FOR EACH list: expressions, FileList('mask') and FieldValueList('field'). */
  private async listItems(raw: RawStatement): Promise<string[]> {
    const text = this.expand(raw);
    const cursor = this.cursorFor(text, raw);
    const items: string[] = [];
    do {
      const expr = cursor.readExpression();
      if (expr.kind === 'call' && (expr.key === 'FILELIST' || expr.key === 'FIELDVALUELIST')) {
        const argument = toText(
          this.evaluate(expr.args[0] ?? { kind: 'string', value: '', start: 0 }, raw),
        );
        items.push(
          ...(expr.key === 'FILELIST'
            ? await this.fileList(argument, raw)
            : this.fieldValueList(argument)),
        );
      } else items.push(toText(this.evaluate(expr, raw)));
    } while (cursor.acceptChar(','));
    cursor.expectEnd();
    return items;
  }

  private async fileList(mask: string, raw: RawStatement): Promise<string[]> {
    try {
      return await this.files.list(mask);
    } catch (cause) {
      throw this.wrap(cause, raw);
    }
  }

  private fieldValueList(field: string): string[] {
    const seen = new Set<ValueKey>();
    const out: string[] = [];
    for (const table of this.tables.values()) {
      for (const value of table.column(field)?.values ?? []) {
        if (value === null || seen.has(keyOf(value))) continue;
        seen.add(keyOf(value));
        out.push(toText(value));
      }
    }
    return out;
  }

  private async runDo(node: Extract<ScriptNode, { kind: 'do' }>): Promise<void> {
    for (;;) {
      if (node.before && !this.loopTestPasses(node.before)) return;
      if (!(await this.runLoop('do', node.body))) return;
      if (node.after && !this.loopTestPasses(node.after)) return;
      this.checkAborted();
    }
  }

  private loopTestPasses(test: LoopTest): boolean {
    const value = isTrue(this.evaluateRaw(test.condition));
    return test.until ? !value : value;
  }

  private async runSwitch(node: Extract<ScriptNode, { kind: 'switch' }>): Promise<void> {
    const subject = this.evaluateRaw(node.subject);
    for (const branch of node.cases) {
      const cursor = this.cursorFor(this.expand(branch.values), branch.values);
      const values: Value[] = [];
      do values.push(this.evaluate(cursor.readExpression(), branch.values));
      while (cursor.acceptChar(','));
      cursor.expectEnd();
      if (values.some((value) => sameValue(value, subject))) return this.runBlock(branch.body);
    }
    if (node.otherwise) await this.runBlock(node.otherwise);
  }

  private async runStatement(raw: RawStatement): Promise<void> {
    this.statementAt = raw;
    const text = this.expand(raw);
    if (text === raw.text) this.unexpanded.add(raw);
    const statement = parseStatement(this.cursorFor(text, raw));
    if (statement.kind !== 'trace') this.write(abbreviate(text));
    try {
      await this.execute(statement, raw);
    } catch (cause) {
      throw this.wrap(cause, raw);
    }
  }

  /** Turns any failure inside a statement into a ScriptError at that statement. */
  private wrap(cause: unknown, raw: RawStatement): unknown {
    if (cause instanceof ScriptError || cause instanceof ControlSignal) return cause;
    if (cause instanceof DataFileError) return this.error(cause.code, cause.message, raw, 0, cause);
    if (cause instanceof ScriptFault) {
      // The offset is into the expanded text: exact only when expansion changed nothing.
      const offset = cause.offset !== undefined && this.unexpanded.has(raw) ? cause.offset : 0;
      return this.error(cause.code, cause.message, raw, offset, cause);
    }
    if (cause instanceof ExpressionError) {
      const code =
        cause.code === 'EXPRESSION_UNKNOWN_FIELD' ? 'SCRIPT_FIELD_NOT_FOUND' : 'SCRIPT_RUNTIME';
      return this.error(code, cause.message, raw, 0, cause);
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    return this.error('SCRIPT_RUNTIME', message, raw, 0, cause);
  }

  /** A cursor over a statement's expanded text whose errors point into the script. */
  private cursorFor(text: string, raw: RawStatement): StatementCursor {
    const exact = text === raw.text;
    return new StatementCursor(text, (offset, code, message, cause) =>
      this.error(code, message, raw, exact ? offset : 0, cause),
    );
  }

  /** Expands `$(...)` in a statement's text. */
  private expand(raw: RawStatement): string {
    try {
      return expandScriptText(raw.text, (content) => this.resolveDollar(content, raw));
    } catch (cause) {
      // Expansion works on the statement as written, so its offsets are exact.
      if (cause instanceof ScriptFault) {
        throw this.error(cause.code, cause.message, raw, cause.offset ?? 0, cause);
      }
      throw this.wrap(cause, raw);
    }
  }

  /** `$(name)`, `$(name(a, b))` with `$1`, `$2` in the variable, or `$(=expression)`. */
  private resolveDollar(content: string, raw: RawStatement): string {
    if (content.startsWith('='))
      return toText(this.evaluate(parseExpression(content.slice(1)), raw));
    const call = /^([^()]+)\((.*)\)$/s.exec(content);
    if (!call) return this.variables.get(content) ?? '';
    const body = this.variables.get(call[1].trim()) ?? '';
    const args = splitArguments(call[2]);
    return body.replace(/\$(\d+)/g, (whole, n: string) => args[Number(n) - 1] ?? whole);
  }

  /** Evaluates an expression outside any LOAD (LET, IF, FOR bounds). */
  private evaluate(expr: Expr, raw: RawStatement): Value {
    const ctx = new LoadContext(NO_FIELDS, this.functions, this.format, (name) =>
      this.variableValue(name),
    );
    try {
      return compileExpression(expr)(ctx);
    } catch (cause) {
      throw this.wrap(cause, raw);
    }
  }

  /** Expands and evaluates a condition or bound written as raw text. */
  private evaluateRaw(raw: RawStatement): Value {
    const text = this.expand(raw);
    const cursor = this.cursorFor(text, raw);
    const expr = cursor.readExpression();
    cursor.expectEnd();
    return this.evaluate(expr, raw);
  }

  private numberOf(raw: RawStatement): number {
    return toNumber(this.evaluateRaw(raw));
  }

  private variableValue(name: string): Value | undefined {
    const text = this.variables.get(name);
    return text === undefined ? undefined : textToValue(text, this.numbers());
  }

  private numbers(): NumberInterpretation {
    const format = this.format;
    return {
      decimalSep: format.decimalSep,
      thousandSep: format.thousandSep,
      dateFormats: [format.dateFormat, format.timestampFormat],
      settings: format,
    };
  }

  private setVariable(name: string, text: string | undefined): void {
    if (text === undefined) this.variables.delete(name);
    else {
      this.variables.set(name, text);
      this.format = applyFormatVariable(this.format, name, text);
    }
  }

  private async execute(statement: Statement, raw: RawStatement): Promise<void> {
    switch (statement.kind) {
      case 'load':
        return this.executeLoad(statement, raw);
      case 'set':
        return this.setVariable(statement.name, statement.value);
      case 'let': {
        const value = statement.expr ? this.evaluate(statement.expr, raw) : null;
        return this.setVariable(statement.name, value === null ? undefined : toText(value));
      }
      case 'dropTables':
        return this.dropTables(statement.names, raw);
      case 'dropFields':
        return this.dropFields(statement.names, statement.from, raw);
      case 'renameTables':
        return this.renameTables(statement.pairs, raw);
      case 'renameFields':
        for (const [from, to] of statement.pairs)
          for (const table of this.tables.values()) table.renameColumn(from, to);
        return;
      case 'qualify':
        this.qualify = [...this.qualify, ...qualifyRules(statement.patterns, statement.qualify)];
        return;
      case 'store':
        return this.store(statement, raw);
      case 'trace':
        this.write(statement.text);
        return;
      case 'sleep':
        return;
      case 'ignored':
        this.write(`(${statement.keyword} has no effect here and was skipped)`);
        return;
      case 'exit':
        if (
          !statement.when ||
          isTrue(this.evaluate(statement.when.condition, raw)) !== statement.when.unless
        ) {
          throw new ControlSignal(statement.target);
        }
        return;
      case 'call':
        return this.call(statement.name, statement.args, raw);
    }
  }

  private async call(name: string, args: readonly Expr[], raw: RawStatement): Promise<void> {
    const sub = this.subs.get(name.toUpperCase());
    if (!sub) throw this.error('SCRIPT_RUNTIME', `Subroutine '${name}' is not defined`, raw);
    const values = args.map((arg) => this.evaluate(arg, raw));
    const saved = sub.params.map((param) => this.variables.get(param));
    sub.params.forEach((param, i) =>
      this.setVariable(
        param,
        i < values.length && values[i] !== null ? toText(values[i]) : undefined,
      ),
    );
    try {
      await this.runBlock(sub.body);
    } catch (signal) {
      if (!(signal instanceof ControlSignal && signal.target === 'sub')) throw signal;
    } finally {
      sub.params.forEach((param, i) => this.setVariable(param, saved[i]));
    }
  }

  private dropTables(names: readonly string[], raw: RawStatement): void {
    for (const name of names) {
      if (!this.tables.delete(name) && !this.mappings.delete(name)) {
        throw this.error('SCRIPT_TABLE_NOT_FOUND', `Table '${name}' not found`, raw);
      }
      if (this.lastTable === name) this.lastTable = undefined;
    }
  }

  private dropFields(
    names: readonly string[],
    from: readonly string[] | undefined,
    raw: RawStatement,
  ): void {
    const tables = from
      ? from.map((name) => this.requireTable(name, raw))
      : [...this.tables.values()];
    for (const field of names) {
      let dropped = false;
      for (const table of tables) dropped = table.dropColumn(field) || dropped;
      if (!dropped) throw this.error('SCRIPT_FIELD_NOT_FOUND', `Field '${field}' not found`, raw);
    }
    // A table left without fields no longer exists, as in Qlik.
    for (const table of tables) if (table.columns.length === 0) this.tables.delete(table.name);
  }

  private renameTables(pairs: readonly (readonly [string, string])[], raw: RawStatement): void {
    for (const [from, to] of pairs) {
      const table = this.requireTable(from, raw);
      if (this.tables.has(to))
        throw this.error('SCRIPT_RUNTIME', `Table '${to}' already exists`, raw);
      const entries = [...this.tables.entries()].map(([name, t]): [string, ScriptTable] =>
        name === from ? [to, t] : [name, t],
      );
      this.tables.clear();
      for (const [name, t] of entries) this.tables.set(name, t);
      table.name = to;
      if (this.lastTable === from) this.lastTable = to;
    }
  }

  private requireTable(name: string, raw: RawStatement): ScriptTable {
    const table = this.tables.get(name);
    if (!table) throw this.error('SCRIPT_TABLE_NOT_FOUND', `Table '${name}' not found`, raw);
    return table;
  }

  private async store(
    statement: Extract<Statement, { kind: 'store' }>,
    raw: RawStatement,
  ): Promise<void> {
    const table = this.requireTable(statement.table, raw);
    const fields = statement.fields ?? table.fieldNames;
    const columns = fields.map((field) => {
      const column = table.column(field);
      if (!column)
        throw this.error(
          'SCRIPT_FIELD_NOT_FOUND',
          `Field '${field}' not found in table '${table.name}'`,
          raw,
        );
      return column;
    });
    const target = await this.files.resolve(statement.path);
    await storeTable(table, columns, target, statement.path, statement.format, {
      creatorDoc: this.options.appId ?? '',
      format: this.format,
    });
    this.write(`${table.name} >> ${statement.path}  ${table.rowCount} Lines stored`);
  }

  private async executeLoad(load: LoadStatement, raw: RawStatement): Promise<void> {
    if (load.source.kind === 'preceding') {
      this.preceding.push({ load, raw });
      return;
    }
    const chain = this.preceding.reverse();
    this.preceding = [];
    const top = chain.at(-1)?.load ?? load;
    if (!this.runsInThisReload(top)) {
      const why = this.isPartial ? 'no ADD or REPLACE prefix' : 'ADD ONLY or REPLACE ONLY';
      this.write(
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
    const paths = await this.fileList(source.path, raw);
    if (paths.length === 0) {
      throw this.error('SCRIPT_FILE_NOT_FOUND', `No file matches '${source.path}'`, raw);
    }
    let target: string | undefined;
    for (const path of paths) {
      const one: LoadStatement = { ...load, source: { ...source, path } };
      target = await this.loadThroughChain(one, chain, raw, target);
    }
  }

  private get isPartial(): boolean {
    return this.options.partialFrom !== undefined;
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
    chain: readonly { load: LoadStatement; raw: RawStatement }[],
    raw: RawStatement,
    appendTo: string | undefined,
  ): Promise<string> {
    const { stream, sourceName, defaultName, lineage } = await this.openSource(load, raw);
    let result = await this.runOneLoad(load, stream, raw);
    result.table.lineage = lineage;
    for (const above of chain) {
      const sourceTable = result.table;
      result = {
        table: (await this.runOneLoad(above.load, residentRowStream(sourceTable), above.raw)).table,
        fetched: result.fetched,
      };
      result.table.lineage = lineage;
    }
    this.currentFile = undefined;
    const top = chain.at(-1)?.load ?? load;
    const placed: LoadStatement =
      appendTo === undefined ? top : { ...top, combine: { kind: 'concatenate', target: appendTo } };
    this.place(placed, result.table, defaultName, raw);
    this.write(`${result.table.name} << ${sourceName}  ${result.fetched} Lines fetched`);
    return result.table.name;
  }

  private async runOneLoad(
    load: LoadStatement,
    stream: RowStream,
    raw: RawStatement,
  ): Promise<{ table: ScriptTable; fetched: number }> {
    const env: LoadEnvironment = {
      functions: this.functions,
      format: this.format,
      variable: (name) => this.variableValue(name),
      pause: () => this.pause(),
      setCurrent: (ctx, output) => {
        this.currentLoad = ctx && output ? { ctx, output } : undefined;
      },
    };
    try {
      return await runLoad(load, stream, env);
    } catch (cause) {
      throw this.wrap(cause, raw);
    }
  }

  private async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.checkAborted();
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
        const absolute = await this.files.resolve(source.path);
        this.currentFile = source.path;
        const stream = await fileRowStream(absolute, source.path, source.format, this.numbers());
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
          stream: await inlineRowStream(source.data, source.format, this.numbers()),
          sourceName: 'INLINE',
          defaultName: 'INLINE',
          lineage: [{ discriminator: 'INLINE;', statement: '' }],
        };
      case 'resident': {
        const table = this.requireTable(source.table, raw);
        return {
          stream: residentRowStream(table, load.orderBy),
          sourceName: source.table,
          defaultName: source.table,
          lineage: [...table.lineage],
        };
      }
      case 'autogenerate': {
        const count = toNumber(this.evaluate(source.count, raw));
        if (!Number.isFinite(count) || count < 0)
          throw this.error('SCRIPT_RUNTIME', 'AUTOGENERATE needs a non-negative number', raw);
        return {
          stream: autogenerateRowStream(Math.floor(count)),
          sourceName: 'AUTOGENERATE',
          defaultName: 'AUTOGENERATE',
          lineage: [{ discriminator: 'AUTOGENERATE;', statement: '' }],
        };
      }
      case 'preceding':
        throw this.error(
          'SCRIPT_SYNTAX',
          'A LOAD without a source must be followed by a LOAD with one',
          raw,
        );
    }
  }

  /** Names the loaded table and puts it where its prefixes say: mapping, concatenation, join, keep or a new table. */
  private place(
    load: LoadStatement,
    table: ScriptTable,
    defaultName: string,
    raw: RawStatement,
  ): void {
    const name = load.label ?? defaultName;
    if (load.mapping) {
      this.mappings.set(name, mappingOf(table));
      table.name = name;
      return;
    }
    for (const column of [...table.columns])
      table.renameColumn(column.name, qualifyFieldName(column.name, name, this.qualify));
    const partial = this.partialPlacement(load, table, name);
    const combine = partial?.combine ?? load.combine;
    const tableName = partial?.name ?? name;
    switch (combine.kind) {
      case 'concatenate': {
        const target = this.targetTable(combine.target, raw);
        target.append(table);
        table.name = target.name;
        this.lastTable = target.name;
        return;
      }
      case 'join': {
        const target = this.targetTable(combine.target, raw);
        const joined = joinTables(target, table, combine.how);
        joined.lineage = [...target.lineage, ...table.lineage];
        this.tables.set(target.name, joined);
        table.name = target.name;
        this.lastTable = target.name;
        return;
      }
      case 'keep': {
        const target = this.targetTable(combine.target, raw);
        const kept = keepTables(target, table, combine.how);
        this.tables.set(target.name, kept.left);
        this.addTable(kept.right, tableName);
        table.name = kept.right.name;
        return;
      }
      case 'auto': {
        const same = this.tableWithFields(table.fieldNames);
        if (same) {
          same.append(table);
          table.name = same.name;
          this.lastTable = same.name;
          return;
        }
        this.addTable(table, tableName);
        return;
      }
      case 'noconcatenate':
        this.addTable(table, tableName);
        return;
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
    const explicit = load.combine.kind === 'concatenate';
    if (!explicit && load.combine.kind !== 'auto') return undefined;
    const target =
      (explicit ? this.tables.get(load.combine.target ?? this.lastTable ?? '') : undefined) ??
      this.tableWithFields(table.fieldNames) ??
      (this.isPartial ? this.tables.get(name) : undefined);
    if (!target) return undefined;
    if (load.partial.mode === 'add')
      return { combine: { kind: 'concatenate', target: target.name } };
    this.tables.delete(target.name);
    return { combine: { kind: 'noconcatenate' }, name: target.name };
  }

  private targetTable(name: string | undefined, raw: RawStatement): ScriptTable {
    const target = name ?? this.lastTable;
    if (target === undefined)
      throw this.error('SCRIPT_TABLE_NOT_FOUND', 'There is no previous table to combine with', raw);
    return this.requireTable(target, raw);
  }

  /** Adds a new table, suffixing `-1`, `-2`, ... when its name is taken. */
  private addTable(table: ScriptTable, name: string): void {
    let unique = name;
    for (let n = 1; this.tables.has(unique); n++) unique = `${name}-${n}`;
    table.name = unique;
    this.tables.set(unique, table);
    this.lastTable = unique;
  }

  private tableWithFields(fields: readonly string[]): ScriptTable | undefined {
    const wanted = [...fields].sort().join('\u0000');
    for (const table of this.tables.values())
      if ([...table.fieldNames].sort().join('\u0000') === wanted) return table;
    return undefined;
  }

  private fieldHasValue(field: string, value: Value): boolean {
    if (value === null) return false;
    for (const table of this.tables.values()) if (table.column(field)?.has(value)) return true;
    return this.currentLoad?.output.column(field)?.has(value) ?? false;
  }

  private writeSummary(): void {
    const fields = new Set<string>();
    for (const table of this.tables.values()) for (const name of table.fieldNames) fields.add(name);
    this.write('--- Script finished ---');
    for (const table of this.tables.values()) {
      this.write(
        `${table.name}: ${table.rowCount} rows, ${table.columns.length} fields (${table.fieldNames.join(', ')})`,
      );
    }
    this.write(`${this.tables.size} tables, ${fields.size} fields`);
  }
}

/** A mapping table: first column's values to the second's; the first occurrence of a key wins. */
function mappingOf(table: ScriptTable): Map<ValueKey, Value> {
  const [from, to] = table.columns;
  const mapping = new Map<ValueKey, Value>();
  if (!from || !to) return mapping;
  for (let row = 0; row < table.rowCount; row++) {
    const key = from.valueAt(row);
    if (key !== null && !mapping.has(keyOf(key))) mapping.set(keyOf(key), to.valueAt(row));
  }
  return mapping;
}

function sameValue(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  return keyOf(a) === keyOf(b) || toText(a) === toText(b);
}

/** Splits `a, 'b,c', f(x, y)` at top-level commas. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}

function abbreviate(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LOGGED_STATEMENT ? `${line.slice(0, MAX_LOGGED_STATEMENT)}...` : line;
}
