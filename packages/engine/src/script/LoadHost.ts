import type { ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import type { FieldRules } from './FieldRules.js';
import type { LoadContext } from './LoadContext.js';
import type { QualifyRule } from './qualifyFieldName.js';
import type { RawStatement } from './RawStatement.js';
import type { RowStream } from './RowStream.js';
import type { ScriptOptions } from './ScriptOptions.js';
import type { ScriptTable } from './ScriptTable.js';
import type { TableCatalog } from './TableCatalog.js';

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

/** Whether the running script is a partial reload. */
export function isPartialReload(host: LoadHost): boolean {
  return host.options.partialFrom !== undefined;
}
