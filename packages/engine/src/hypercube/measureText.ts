import type { FormatSettings } from '../value/FormatSettings.js';
import { formatNumber } from '../value/formatNumber.js';
import { numberToText } from '../value/numberToText.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import type { FieldAttributes } from './QixShapes.js';

/**
 * The text of a measure result: numbers through the measure's `qNumFormat`
 * (`qFmt` with its separators) or Qlik's automatic format, text as it is, and
 * '-' for null.
 */
export function measureText(
  value: Value,
  format: FieldAttributes | undefined,
  settings: FormatSettings,
): string {
  if (value === null) return '-';
  if (typeof value !== 'number') return toText(value);
  if (!hasPattern(format)) return numberToText(value);
  const pattern = format.qFmt!;
  const separators = {
    decimalSep: format.qDec || settings.decimalSep,
    thousandSep: format.qThou ?? settings.thousandSep,
  };
  return formatNumber(value, pattern, settings, separators);
}

/** Whether a measure's format writes its numbers through a pattern (else they read as `numberToText` writes them). */
export function hasPattern(format: FieldAttributes | undefined): format is FieldAttributes {
  return Boolean(format?.qFmt) && Boolean(format!.qType) && format!.qType !== 'U';
}
