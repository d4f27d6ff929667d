import { numberOf } from '../aggregate/valueParts.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { finiteNumberText } from '../value/numberToText.js';
import { hasPattern, measureText } from './measureText.js';
import type { FieldAttributes } from './QixShapes.js';

const NULL_VALUE_CELL = '{"qText":"-","qNum":"NaN","qElemNumber":0,"qState":"L","qIsNull":true}';

/**
 * The JSON of a measure cell for a value, as `JSON.stringify(valueCell(...))`
 * writes it, without the cell object: a data page holds thousands.
 */
export function valueCellText(
  value: Value,
  format: FieldAttributes | undefined,
  settings: FormatSettings,
): string {
  if (value === null) return NULL_VALUE_CELL;
  if (typeof value === 'number' && Number.isFinite(value) && !hasPattern(format)) {
    // An unformatted number's text is its digits, '.', '-', 'e' and '+': nothing to escape.
    const shortest = String(value);
    return `{"qText":"${finiteNumberText(value, shortest)}","qNum":${shortest},"qElemNumber":0,"qState":"L"}`;
  }
  const num = numberOf(value);
  // JSON writes a finite number as String() does, and Infinity as null.
  const numText = num !== num ? '"NaN"' : Number.isFinite(num) ? String(num) : 'null';
  return `{"qText":${JSON.stringify(measureText(value, format, settings))},"qNum":${numText},"qElemNumber":0,"qState":"L"}`;
}
