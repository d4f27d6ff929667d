import type { FormatSettings } from '../../value/FormatSettings.js';
import { parseDate } from '../../value/parseDate.js';
import { Dual, type Value } from '../../value/Value.js';
import { UNKNOWN_NUMBER_FORMAT, type QvdNumberFormat } from './QvdHeader.js';

/** Values looked at to tell dates; a field's texts share one format, so a sample decides. */
const SAMPLE = 256;

/** A field's number format and date tags, as Qlik would write them for it. */
export interface InferredFormat {
  readonly numberFormat: QvdNumberFormat;
  readonly dateTags: readonly string[];
}

/**
 * Works out the number format of a field for a QVD header: dates whose texts
 * read back through the script's DateFormat are `DATE` with that pattern,
 * likewise `TIMESTAMP`; anything else `UNKNOWN`, as Qlik writes for plain
 * numbers and texts.
 */
export function inferQvdNumberFormat(
  values: readonly Value[],
  settings: FormatSettings,
): InferredFormat {
  const sample = values.length <= SAMPLE ? values : sampleOf(values);
  if (sample.length === 0 || !sample.every((v) => v instanceof Dual && !Number.isNaN(v.num)))
    return { numberFormat: UNKNOWN_NUMBER_FORMAT, dateTags: [] };
  const duals = sample as Dual[];
  const fits = (format: string): boolean =>
    duals.every((v) => parseDate(v.text, format, settings) === v.num);
  if (duals.every((v) => Number.isInteger(v.num)) && fits(settings.dateFormat))
    return { numberFormat: dateFormat('DATE', settings), dateTags: ['$timestamp', '$date'] };
  if (fits(settings.timestampFormat))
    return {
      numberFormat: dateFormat('TIMESTAMP', settings, settings.timestampFormat),
      dateTags: ['$timestamp'],
    };
  return { numberFormat: UNKNOWN_NUMBER_FORMAT, dateTags: [] };
}

function dateFormat(
  type: string,
  settings: FormatSettings,
  fmt = settings.dateFormat,
): QvdNumberFormat {
  return { type, nDec: 0, useThou: 0, fmt, dec: settings.decimalSep, thou: settings.thousandSep };
}

function sampleOf(values: readonly Value[]): Value[] {
  const step = values.length / SAMPLE;
  return Array.from({ length: SAMPLE }, (_, i) => values[Math.floor(i * step)]);
}
