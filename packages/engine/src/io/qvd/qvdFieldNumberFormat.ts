import type { FieldNumberFormat } from '../../model/FieldNumberFormat.js';
import type { QvdNumberFormat } from './QvdHeader.js';

const TYPES: Readonly<Record<string, FieldNumberFormat['qType']>> = {
  ASCII: 'A',
  INTEGER: 'I',
  REAL: 'R',
  FIX: 'F',
  MONEY: 'M',
  DATE: 'D',
  TIME: 'T',
  TIMESTAMP: 'TS',
  INTERVAL: 'IV',
};

/**
 * The number format a QVD field carries into the data model, or undefined
 * when it has none (`UNKNOWN`, or QlikView 9's `0`). Empty separators are
 * left out: the app's own apply.
 */
export function qvdFieldNumberFormat(format: QvdNumberFormat): FieldNumberFormat | undefined {
  const qType = TYPES[format.type.toUpperCase()];
  if (!qType) return undefined;
  return {
    qType,
    qnDec: format.nDec,
    qUseThou: format.useThou,
    ...(format.fmt ? { qFmt: format.fmt } : {}),
    ...(format.dec ? { qDec: format.dec } : {}),
    ...(format.thou ? { qThou: format.thou } : {}),
  };
}

/** A field's number format as a QVD header writes it, the way back from `qvdFieldNumberFormat`. */
export function qvdNumberFormatOf(format: FieldNumberFormat): QvdNumberFormat {
  const type = Object.entries(TYPES).find(([, qType]) => qType === format.qType)?.[0] ?? 'UNKNOWN';
  return {
    type,
    nDec: format.qnDec,
    useThou: format.qUseThou,
    fmt: format.qFmt ?? '',
    dec: format.qDec ?? '',
    thou: format.qThou ?? '',
  };
}
