import { readFile } from 'node:fs/promises';
import type { ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import { dataDirFiles } from '../io/DataFiles.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import { numberToText } from '../value/numberToText.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import { isTrue } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import { binaryStatement } from './binaryStatement.js';
import { keyOf } from './ColumnBuilder.js';
import { ConnectionSlot } from './ConnectionSlot.js';
import { contextFunctions } from './contextFunctions.js';
import { ControlSignal } from './ControlSignal.js';
import { FileFacts } from './FileFacts.js';
import { FieldRules } from './FieldRules.js';
import { FieldStatements } from './FieldStatements.js';
import { forEachItems } from './forEachItems.js';
import { includedProgram } from './includedProgram.js';
import type { LoadContext } from './LoadContext.js';
import { LoadRunner, notSupported, type LoadHost } from './LoadRunner.js';
import { parseStatement } from './parseStatement.js';
import { qualifyRules, type QualifyRule } from './qualifyFieldName.js';
import type { RawStatement } from './RawStatement.js';
import { ScriptFault } from './ScriptFault.js';
import type { Block, LoopTest, ScriptNode } from './ScriptNode.js';
import type { ScriptOptions } from './ScriptOptions.js';
import { ScriptTable } from './ScriptTable.js';
import type { SourceMap } from './SourceMap.js';
import type { Statement } from './Statement.js';
import { ScriptEvaluator } from './ScriptEvaluator.js';
import { ScriptVariables } from './ScriptVariables.js';
import { StatementErrors } from './StatementErrors.js';
import { ScriptFiles } from './ScriptFiles.js';
import { ScriptLog } from './ScriptLog.js';
import { sleepFor } from './sleepFor.js';
import { storeStatement } from './storeStatement.js';
import { TableCatalog } from './TableCatalog.js';

type SubNode = Extract<ScriptNode, { kind: 'sub' }>;

/** `$(Include=path)` or `$(Must_Include=path)` as a whole statement. */
const INCLUDE = /^\$\(\s*(Must_)?Include\s*=\s*(.*?)\s*\)$/is;

/** Runs a parsed script: control flow, statements and the tables they build. */
export class Interpreter {
  readonly variables: Map<string, string>;
  private readonly scriptLog: ScriptLog;
  /** The reload log's lines. */
  readonly log: string[];
  /** The tables of SECTION APPLICATION, which become the app's data. */
  readonly application = new TableCatalog();
  /** The tables loaded under SECTION ACCESS: who may see which data. */
  readonly access = new TableCatalog();
  readonly fieldRules = new FieldRules();
  catalog = this.application;
  qualify: QualifyRule[] = [];
  readonly functions: ReadonlyMap<string, ScalarFunction>;
  private readonly subs = new Map<string, SubNode>();
  private readonly fieldStatements: FieldStatements;
  private readonly loads: LoadRunner;
  private currentLoad: { ctx: LoadContext; output: ScriptTable } | undefined;
  private currentFile: string | undefined;
  private readonly fileFacts: FileFacts;
  private readonly connection: ConnectionSlot;
  /** The `*` symbol of SECTION ACCESS tables (STAR IS). */
  starSymbol: string | undefined;
  private readonly files: ScriptFiles;
  private statementsRun = 0;
  private statementAt: RawStatement = { text: '', start: 0 };
  private readonly errors: StatementErrors;
  private readonly vars: ScriptVariables;
  private readonly evaluator: ScriptEvaluator;

  constructor(
    sourceMap: SourceMap,
    readonly options: ScriptOptions,
  ) {
    this.errors = new StatementErrors(sourceMap);
    this.scriptLog = new ScriptLog(options.onProgress);
    this.log = this.scriptLog.lines;
    this.vars = new ScriptVariables(
      options.variables,
      options.formatSettings ?? DEFAULT_FORMAT_SETTINGS,
    );
    this.variables = this.vars.texts;
    this.files = new ScriptFiles(options.files ?? dataDirFiles(options.dataDir));
    this.fileFacts = new FileFacts((path) => this.files.resolve(path));
    for (const loaded of options.partialFrom ?? [])
      this.application.tables.set(loaded.name, ScriptTable.fromLoaded(loaded));
    this.functions = contextFunctions({
      mapping: (name) => this.catalog.mappings.get(name),
      table: (name) => this.catalog.tables.get(name),
      tableNames: () => [...this.catalog.tables.keys()],
      currentOutput: () => this.currentLoad?.output,
      currentFile: () => this.currentFile,
      currentFileFact: () => this.fileFacts.currentFact(),
      namedFileFact: (path) => this.fileFacts.named(path),
      isPartialReload: () => options.partialFrom !== undefined,
      appId: () => options.appId,
      fieldHasValue: (field, value) =>
        this.catalog.hasValue(field, value) ||
        (this.currentLoad?.output.column(field)?.has(value) ?? false),
      fieldValues: (field) => this.catalog.fieldValues(field),
    });
    this.evaluator = new ScriptEvaluator(this.vars, this.functions, this.errors);
    this.connection = new ConnectionSlot(options);
    this.fieldStatements = new FieldStatements({
      catalog: () => this.catalog,
      application: this.application,
      fieldRules: this.fieldRules,
      functions: this.functions,
      format: () => this.format,
      variableValue: (name) => this.vars.value(name),
      write: (line) => this.scriptLog.write(line),
    });
    this.loads = new LoadRunner(this.loadHost());
  }

  /** The format settings as the script's interpretation variables have set them so far. */
  get format(): FormatSettings {
    return this.vars.format;
  }

  /** The tables of the application section. */
  get tables(): ReadonlyMap<string, ScriptTable> {
    return this.application.tables;
  }

  /** Runs the whole program; EXIT SCRIPT ends it early without error. */
  async run(program: Block): Promise<void> {
    try {
      await this.runBlock(program);
    } catch (signal) {
      if (!(signal instanceof ControlSignal)) throw signal;
      if (signal.target !== 'script')
        throw this.errors.at(
          'SCRIPT_SYNTAX',
          `EXIT ${signal.target.toUpperCase()} outside a ${signal.target.toUpperCase()}`,
          this.statementAt,
        );
    } finally {
      await this.connection.disconnect();
    }
    const dangling = this.loads.dangling;
    if (dangling)
      throw this.errors.at(
        'SCRIPT_SYNTAX',
        'A LOAD without a source must be followed by a LOAD with one',
        dangling,
      );
    this.scriptLog.summary(this.application.tables);
  }

  private checkAborted(): void {
    if (this.options.signal?.aborted)
      throw this.errors.at('SCRIPT_ABORTED', 'The reload was aborted', this.statementAt);
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
          await this.fileFacts.prefetch(this.evaluator.expand(branch.condition));
          if (isTrue(this.evaluator.evaluateRaw(branch.condition)))
            return this.runBlock(branch.body);
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
    const from = this.evaluator.numberOf(node.from);
    const to = this.evaluator.numberOf(node.to);
    const step = node.step ? this.evaluator.numberOf(node.step) : 1;
    if (step === 0 || Number.isNaN(from) || Number.isNaN(to) || Number.isNaN(step)) {
      throw this.errors.at(
        'SCRIPT_RUNTIME',
        'FOR needs numeric bounds and a non-zero STEP',
        node.at,
      );
    }
    for (let value = from; step > 0 ? value <= to : value >= to; value += step) {
      this.variables.set(node.variable, numberToText(value));
      if (!(await this.runLoop('for', node.body))) return;
    }
  }

  private async runForEach(node: Extract<ScriptNode, { kind: 'forEach' }>): Promise<void> {
    const items = await forEachItems(node.list, {
      evaluator: this.evaluator,
      errors: this.errors,
      fieldValues: (field) => this.catalog.fieldValues(field),
      fileList: (mask, raw, directories) => this.fileList(mask, raw, directories),
    });
    for (const item of items) {
      this.variables.set(node.variable, item);
      if (!(await this.runLoop('for', node.body))) return;
    }
  }

  private async fileList(mask: string, raw: RawStatement, directories = false): Promise<string[]> {
    try {
      return await this.files.list(mask, directories ? 'folders' : 'files');
    } catch (cause) {
      throw this.errors.wrap(cause, raw);
    }
  }

  private async runDo(node: Extract<ScriptNode, { kind: 'do' }>): Promise<void> {
    for (;;) {
      if (node.before && !(await this.loopTestPasses(node.before))) return;
      if (!(await this.runLoop('do', node.body))) return;
      if (node.after && !(await this.loopTestPasses(node.after))) return;
      this.checkAborted();
    }
  }

  private async loopTestPasses(test: LoopTest): Promise<boolean> {
    await this.fileFacts.prefetch(this.evaluator.expand(test.condition));
    const value = isTrue(this.evaluator.evaluateRaw(test.condition));
    return test.until ? !value : value;
  }

  private async runSwitch(node: Extract<ScriptNode, { kind: 'switch' }>): Promise<void> {
    const subject = this.evaluator.evaluateRaw(node.subject);
    for (const branch of node.cases) {
      const cursor = this.errors.cursorFor(this.evaluator.expand(branch.values), branch.values);
      const values: Value[] = [];
      do values.push(this.evaluator.evaluate(cursor.readExpression(), branch.values));
      while (cursor.acceptChar(','));
      cursor.expectEnd();
      if (values.some((value) => sameValue(value, subject))) return this.runBlock(branch.body);
    }
    if (node.otherwise) await this.runBlock(node.otherwise);
  }

  private async runStatement(raw: RawStatement): Promise<void> {
    this.statementAt = raw;
    const include = INCLUDE.exec(raw.text);
    if (include)
      return this.runInclude(
        this.evaluator.expand({ ...raw, text: include[2] }),
        !!include[1],
        raw,
      );
    const text = this.evaluator.expand(raw);
    if (text === raw.text) this.errors.markUnexpanded(raw);
    await this.fileFacts.prefetch(text);
    const statement = parseStatement(this.errors.cursorFor(text, raw));
    this.statementsRun++;
    if (statement.kind !== 'trace') this.scriptLog.statement(text);
    try {
      await this.execute(statement, raw);
    } catch (cause) {
      throw this.errors.wrap(cause, raw);
    }
  }

  /**
   * `$(Include=file)` runs the file's script in place; a file that cannot be
   * read is passed over, unless it is `$(Must_Include=file)`. Its statements
   * report errors at the include's line, naming the file and the line in it.
   */
  private async runInclude(path: string, must: boolean, at: RawStatement): Promise<void> {
    let text: string;
    try {
      text = await readFile(await this.files.resolve(path), 'utf8');
    } catch (cause) {
      if (!must)
        return this.scriptLog.write(`(Include: '${path}' could not be read and was skipped)`);
      throw this.errors.at(
        'SCRIPT_FILE_NOT_FOUND',
        `Must_Include: cannot read '${path}'`,
        at,
        0,
        cause,
      );
    }
    await this.runBlock(includedProgram(text, path, at, this.errors));
  }

  private async execute(statement: Statement, raw: RawStatement): Promise<void> {
    switch (statement.kind) {
      case 'load':
        return this.loads.execute(statement, raw);
      case 'set':
        return this.vars.set(statement.name, statement.value);
      case 'let': {
        const value = statement.expr ? this.evaluator.evaluate(statement.expr, raw) : null;
        return this.vars.set(statement.name, value === null ? undefined : toText(value));
      }
      case 'dropTables':
        return this.catalog.dropTables(statement.names);
      case 'dropFields':
        return this.catalog.dropFields(statement.names, statement.from);
      case 'renameTables':
        return this.catalog.renameTables(statement.pairs);
      case 'renameFields':
        return this.catalog.renameFields(statement.pairs);
      case 'renameUsing':
        return this.catalog.renameUsing(statement.what, statement.mapping);
      case 'qualify':
        this.qualify = [...this.qualify, ...qualifyRules(statement.patterns, statement.qualify)];
        return;
      case 'alias':
        return this.fieldRules.alias(statement.pairs);
      case 'store':
        if (this.options.skipStore)
          return this.scriptLog.write(`STORE ${statement.table} skipped (the reload skips stores)`);
        return this.scriptLog.write(
          await storeStatement(statement, this.catalog, this.files, {
            creatorDoc: this.options.appId ?? '',
            format: this.format,
            numberFormats: this.fieldRules.numberFormats,
          }),
        );
      case 'trace':
        return this.scriptLog.write(statement.text);
      case 'sleep':
        await sleepFor(
          toNumber(this.evaluator.evaluate(statement.milliseconds, raw)),
          this.options.signal,
        );
        return this.checkAborted();
      case 'exit':
        if (
          !statement.when ||
          isTrue(this.evaluator.evaluate(statement.when.condition, raw)) !== statement.when.unless
        ) {
          throw new ControlSignal(statement.target);
        }
        return;
      case 'call':
        return this.call(statement.name, statement.args, raw);
      case 'conditional':
        if (isTrue(this.evaluator.evaluate(statement.condition, raw)) !== statement.unless)
          await this.execute(statement.statement, raw);
        return;
      default:
        return this.executeOther(statement);
    }
  }

  /** The statements about connections, sections and field metadata. */
  private async executeOther(statement: Statement): Promise<void> {
    if (FieldStatements.handles(statement)) return this.fieldStatements.run(statement);
    switch (statement.kind) {
      case 'binary':
        return this.scriptLog.write(
          await binaryStatement(
            statement.path,
            this.statementsRun <= 1 && this.application.tables.size === 0,
            this.options,
            this.application,
            this.access,
          ),
        );
      case 'directory':
        this.files.directory = statement.path;
        return;
      case 'connect':
        return this.connection.connect(statement.via, statement.target);
      case 'disconnect':
        await this.connection.disconnect();
        return;
      case 'sqlCommand': {
        const connection = this.connection.require('SQL');
        if (!connection.execute)
          throw notSupported(`SQL ${statement.text.split(/\s/)[0]} on this connection`);
        return connection.execute(statement.text, this.options.signal);
      }
      case 'section':
        this.catalog = statement.access ? this.access : this.application;
        return;
      case 'star':
        this.starSymbol = statement.symbol;
        return;
      case 'flushLog':
        return;
      case 'notSupported':
        throw notSupported(statement.what);
      default:
        throw new ScriptFault('SCRIPT_RUNTIME', `Statement '${statement.kind}' cannot run here`);
    }
  }

  private async call(name: string, args: readonly Expr[], raw: RawStatement): Promise<void> {
    const sub = this.subs.get(name.toUpperCase());
    if (!sub) throw new ScriptFault('SCRIPT_RUNTIME', `Subroutine '${name}' is not defined`);
    const values = args.map((arg) => this.evaluator.evaluate(arg, raw));
    const saved = sub.params.map((param) => this.variables.get(param));
    sub.params.forEach((param, i) =>
      this.vars.set(param, i < values.length && values[i] !== null ? toText(values[i]) : undefined),
    );
    try {
      await this.runBlock(sub.body);
    } catch (signal) {
      if (!(signal instanceof ControlSignal && signal.target === 'sub')) throw signal;
    } finally {
      sub.params.forEach((param, i) => this.vars.set(param, saved[i]));
    }
  }

  private async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.checkAborted();
  }

  /** What the load pipeline reads from the script. */
  private loadHost(): LoadHost {
    return {
      options: this.options,
      catalog: () => this.catalog,
      functions: this.functions,
      format: () => this.format,
      fieldRules: this.fieldRules,
      qualify: () => this.qualify,
      variableValue: (name) => this.vars.value(name),
      variableText: (name) => this.variables.get(name),
      numbers: () => this.vars.numbers(),
      evaluate: (expr, raw) => this.evaluator.evaluate(expr, raw),
      write: (line) => this.scriptLog.write(line),
      pause: () => this.pause(),
      fileList: (mask) => this.fileList(mask, this.statementAt),
      resolvePath: (path) => this.files.resolve(path),
      wrap: (cause, raw) => this.errors.wrap(cause, raw),
      setCurrent: (load) => {
        this.currentLoad = load;
      },
      setCurrentFile: (path, absolute) => {
        this.currentFile = path === undefined ? undefined : this.files.inDirectory(path);
        this.fileFacts.setCurrent(absolute);
      },
      sqlRows: (text) =>
        this.connection.sqlRows(text, this.format, this.variables.get('NullDisplay')),
      fieldCombinations: (fields) => this.catalog.fieldCombinations(fields),
    };
  }
}

function sameValue(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  return keyOf(a) === keyOf(b) || toText(a) === toText(b);
}
