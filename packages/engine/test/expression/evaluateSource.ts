import { evaluate } from '../../src/expression/evaluate.js';
import type { EvalContext } from '../../src/expression/EvalContext.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../../src/value/FormatSettings.js';
import { toText } from '../../src/value/toText.js';
import { Dual, type Value } from '../../src/value/Value.js';

/** A context over one row given as a plain record. */
export function rowContext(
  row: Record<string, Value> = {},
  format: FormatSettings = DEFAULT_FORMAT_SETTINGS,
): EvalContext {
  return { field: (name) => (name in row ? row[name] : undefined), format };
}

/** Parses and evaluates a source text against one row. */
export function run(
  source: string,
  row: Record<string, Value> = {},
  format?: FormatSettings,
): Value {
  return evaluate(parseExpression(source), rowContext(row, format));
}

/** The text a result shows. */
export function text(
  source: string,
  row: Record<string, Value> = {},
  format?: FormatSettings,
): string {
  return toText(run(source, row, format));
}

/** The number part of a result (NaN for NULL or text). */
export function num(source: string, row: Record<string, Value> = {}): number {
  const v = run(source, row);
  if (typeof v === 'number') return v;
  return v instanceof Dual ? v.num : NaN;
}
