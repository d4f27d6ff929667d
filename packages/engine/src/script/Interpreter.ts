import type { ScalarFunction } from '../expression/EvalContext.js';
import { dataDirFiles } from '../io/DataFiles.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import { ConnectionSlot } from './ConnectionSlot.js';
import { contextFunctions } from './contextFunctions.js';
import { ControlFlow } from './ControlFlow.js';
import { ControlSignal } from './ControlSignal.js';
import { FileFacts } from './FileFacts.js';
import { FieldRules } from './FieldRules.js';
import { FieldStatements } from './FieldStatements.js';
import type { LoadContext } from './LoadContext.js';
import type { LoadHost } from './LoadHost.js';
import { LoadRunner } from './LoadRunner.js';
import type { QualifyRule } from './qualifyFieldName.js';
import type { RawStatement } from './RawStatement.js';
import type { Block } from './ScriptNode.js';
import type { ScriptOptions } from './ScriptOptions.js';
import { ScriptTable } from './ScriptTable.js';
import type { SourceMap } from './SourceMap.js';
import { ScriptEvaluator } from './ScriptEvaluator.js';
import { ScriptVariables } from './ScriptVariables.js';
import { StatementErrors } from './StatementErrors.js';
import { StatementRunner } from './StatementRunner.js';
import { ScriptFiles } from './ScriptFiles.js';
import { ScriptLog } from './ScriptLog.js';
import { TableCatalog } from './TableCatalog.js';

/**
 * Runs a parsed script: holds its state (variables, the tables of each
 * section, field rules) and wires the parts that act on it: ControlFlow for
 * the control structures, StatementRunner for each statement, LoadRunner for
 * the loads.
 */
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
  private readonly fieldStatements: FieldStatements;
  private readonly loads: LoadRunner;
  private currentLoad: { ctx: LoadContext; output: ScriptTable } | undefined;
  private currentFile: string | undefined;
  private readonly fileFacts: FileFacts;
  private readonly connection: ConnectionSlot;
  /** The `*` symbol of SECTION ACCESS tables (STAR IS). */
  starSymbol: string | undefined;
  private readonly files: ScriptFiles;
  private readonly errors: StatementErrors;
  private readonly vars: ScriptVariables;
  private readonly evaluator: ScriptEvaluator;
  private readonly flow: ControlFlow;
  private readonly statements: StatementRunner;

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
    this.flow = new ControlFlow({
      evaluator: this.evaluator,
      errors: this.errors,
      fileFacts: this.fileFacts,
      vars: this.vars,
      checkAborted: () => this.checkAborted(),
      runStatement: (raw) => this.statements.run(raw),
      fieldValues: (field) => this.catalog.fieldValues(field),
      fileList: (mask, raw, directories) => this.fileList(mask, raw, directories),
    });
    this.statements = new StatementRunner(this, {
      evaluator: this.evaluator,
      errors: this.errors,
      vars: this.vars,
      scriptLog: this.scriptLog,
      files: this.files,
      fileFacts: this.fileFacts,
      connection: this.connection,
      loads: this.loads,
      fieldStatements: this.fieldStatements,
      checkAborted: () => this.checkAborted(),
      runBlock: (block) => this.flow.runBlock(block),
      call: (name, args, raw) => this.flow.call(name, args, raw),
    });
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
      await this.flow.runBlock(program);
    } catch (signal) {
      if (!(signal instanceof ControlSignal)) throw signal;
      if (signal.target !== 'script')
        throw this.errors.at(
          'SCRIPT_SYNTAX',
          `EXIT ${signal.target.toUpperCase()} outside a ${signal.target.toUpperCase()}`,
          this.statements.at,
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
      throw this.errors.at('SCRIPT_ABORTED', 'The reload was aborted', this.statements.at);
  }

  private async fileList(mask: string, raw: RawStatement, directories = false): Promise<string[]> {
    try {
      return await this.files.list(mask, directories ? 'folders' : 'files');
    } catch (cause) {
      throw this.errors.wrap(cause, raw);
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
      fileList: (mask) => this.fileList(mask, this.statements.at),
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
