import { readFile } from 'node:fs/promises';
import type { Expr } from '../expression/Expr.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import { isTrue } from '../value/truth.js';
import { binaryStatement } from './binaryStatement.js';
import type { ConnectionSlot } from './ConnectionSlot.js';
import { ControlSignal } from './ControlSignal.js';
import type { FieldRules } from './FieldRules.js';
import { FieldStatements } from './FieldStatements.js';
import type { FileFacts } from './FileFacts.js';
import { includedProgram } from './includedProgram.js';
import { notSupported, type LoadRunner } from './LoadRunner.js';
import { parseStatement } from './parseStatement.js';
import { qualifyRules, type QualifyRule } from './qualifyFieldName.js';
import type { RawStatement } from './RawStatement.js';
import type { ScriptEvaluator } from './ScriptEvaluator.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptFiles } from './ScriptFiles.js';
import type { ScriptLog } from './ScriptLog.js';
import type { Block } from './ScriptNode.js';
import type { ScriptOptions } from './ScriptOptions.js';
import type { ScriptVariables } from './ScriptVariables.js';
import type { Statement } from './Statement.js';
import type { StatementErrors } from './StatementErrors.js';
import { sleepFor } from './sleepFor.js';
import { storeStatement } from './storeStatement.js';
import type { TableCatalog } from './TableCatalog.js';

/** `$(Include=path)` or `$(Must_Include=path)` as a whole statement. */
const INCLUDE = /^\$\(\s*(Must_)?Include\s*=\s*(.*?)\s*\)$/is;

/** The script state statements read and change: the section, QUALIFY, STAR IS. */
export interface ScriptState {
  readonly options: ScriptOptions;
  readonly application: TableCatalog;
  readonly access: TableCatalog;
  readonly fieldRules: FieldRules;
  /** The catalog of the current section (SECTION ACCESS / APPLICATION switches it). */
  catalog: TableCatalog;
  qualify: QualifyRule[];
  starSymbol: string | undefined;
  readonly format: FormatSettings;
}

/** The interpreter's parts a statement runs with. */
export interface StatementParts {
  readonly evaluator: ScriptEvaluator;
  readonly errors: StatementErrors;
  readonly vars: ScriptVariables;
  readonly scriptLog: ScriptLog;
  readonly files: ScriptFiles;
  readonly fileFacts: FileFacts;
  readonly connection: ConnectionSlot;
  readonly loads: LoadRunner;
  readonly fieldStatements: FieldStatements;
  /** Throws when the reload was aborted. */
  checkAborted(): void;
  /** Runs a block of nodes (an included file's program). */
  runBlock(block: Block): Promise<void>;
  /** CALL of a SUB. */
  call(name: string, args: readonly Expr[], raw: RawStatement): Promise<void>;
}

/**
 * Runs one statement of a script: expands its `$(...)`, parses it, logs it
 * and executes it against the script's state, reporting errors at its line.
 */
export class StatementRunner {
  /** The statement running now (or last run), where errors outside a statement are reported. */
  at: RawStatement = { text: '', start: 0 };
  private statementsRun = 0;

  constructor(
    private readonly state: ScriptState,
    private readonly parts: StatementParts,
  ) {}

  /** Runs a statement: `$(Include=...)` in place, any other after expanding and parsing it. */
  async run(raw: RawStatement): Promise<void> {
    const { evaluator, errors } = this.parts;
    this.at = raw;
    const include = INCLUDE.exec(raw.text);
    if (include)
      return this.runInclude(evaluator.expand({ ...raw, text: include[2] }), !!include[1], raw);
    const text = evaluator.expand(raw);
    if (text === raw.text) errors.markUnexpanded(raw);
    await this.parts.fileFacts.prefetch(text);
    const statement = parseStatement(errors.cursorFor(text, raw));
    this.statementsRun++;
    if (statement.kind !== 'trace') this.parts.scriptLog.statement(text);
    try {
      await this.execute(statement, raw);
    } catch (cause) {
      throw errors.wrap(cause, raw);
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
      text = await readFile(await this.parts.files.resolve(path), 'utf8');
    } catch (cause) {
      if (!must)
        return this.parts.scriptLog.write(`(Include: '${path}' could not be read and was skipped)`);
      throw this.parts.errors.at(
        'SCRIPT_FILE_NOT_FOUND',
        `Must_Include: cannot read '${path}'`,
        at,
        0,
        cause,
      );
    }
    await this.parts.runBlock(includedProgram(text, path, at, this.parts.errors));
  }

  private async execute(statement: Statement, raw: RawStatement): Promise<void> {
    const { state } = this;
    const { evaluator, vars, scriptLog } = this.parts;
    switch (statement.kind) {
      case 'load':
        return this.parts.loads.execute(statement, raw);
      case 'set':
        return vars.set(statement.name, statement.value);
      case 'let': {
        const value = statement.expr ? evaluator.evaluate(statement.expr, raw) : null;
        return vars.set(statement.name, value === null ? undefined : toText(value));
      }
      case 'dropTables':
        return state.catalog.dropTables(statement.names);
      case 'dropFields':
        return state.catalog.dropFields(statement.names, statement.from);
      case 'renameTables':
        return state.catalog.renameTables(statement.pairs);
      case 'renameFields':
        return state.catalog.renameFields(statement.pairs);
      case 'renameUsing':
        return state.catalog.renameUsing(statement.what, statement.mapping);
      case 'qualify':
        state.qualify = [...state.qualify, ...qualifyRules(statement.patterns, statement.qualify)];
        return;
      case 'alias':
        return state.fieldRules.alias(statement.pairs);
      case 'store':
        if (state.options.skipStore)
          return scriptLog.write(`STORE ${statement.table} skipped (the reload skips stores)`);
        return scriptLog.write(
          await storeStatement(statement, state.catalog, this.parts.files, {
            creatorDoc: state.options.appId ?? '',
            format: state.format,
            numberFormats: state.fieldRules.numberFormats,
          }),
        );
      case 'trace':
        return scriptLog.write(statement.text);
      case 'sleep':
        await sleepFor(
          toNumber(evaluator.evaluate(statement.milliseconds, raw)),
          state.options.signal,
        );
        return this.parts.checkAborted();
      case 'exit':
        if (
          !statement.when ||
          isTrue(evaluator.evaluate(statement.when.condition, raw)) !== statement.when.unless
        ) {
          throw new ControlSignal(statement.target);
        }
        return;
      case 'call':
        return this.parts.call(statement.name, statement.args, raw);
      case 'conditional':
        if (isTrue(evaluator.evaluate(statement.condition, raw)) !== statement.unless)
          await this.execute(statement.statement, raw);
        return;
      default:
        return this.executeOther(statement);
    }
  }

  /** The statements about connections, sections and field metadata. */
  private async executeOther(statement: Statement): Promise<void> {
    const { state } = this;
    const { connection } = this.parts;
    if (FieldStatements.handles(statement)) return this.parts.fieldStatements.run(statement);
    switch (statement.kind) {
      case 'binary':
        return this.parts.scriptLog.write(
          await binaryStatement(
            statement.path,
            this.statementsRun <= 1 && state.application.tables.size === 0,
            state.options,
            state.application,
            state.access,
          ),
        );
      case 'directory':
        this.parts.files.directory = statement.path;
        return;
      case 'connect':
        return connection.connect(statement.via, statement.target);
      case 'disconnect':
        await connection.disconnect();
        return;
      case 'sqlCommand': {
        const current = connection.require('SQL');
        if (!current.execute)
          throw notSupported(`SQL ${statement.text.split(/\s/)[0]} on this connection`);
        return current.execute(statement.text, state.options.signal);
      }
      case 'section':
        state.catalog = statement.access ? state.access : state.application;
        return;
      case 'star':
        state.starSymbol = statement.symbol;
        return;
      case 'flushLog':
        return;
      case 'notSupported':
        throw notSupported(statement.what);
      default:
        throw new ScriptFault('SCRIPT_RUNTIME', `Statement '${statement.kind}' cannot run here`);
    }
  }
}
