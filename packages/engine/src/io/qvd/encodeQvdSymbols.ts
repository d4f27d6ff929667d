import { Dual, type Value } from '../../value/Value.js';
import { QvdSymbolType } from './QvdSymbolType.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A field's symbol table as QVD bytes: a plain number as an int (when whole
 * and within 32 bits) or a double, a text as NUL-terminated UTF-8, a dual
 * as its number followed by its text.
 */
export function encodeQvdSymbols(values: readonly Value[]): Buffer {
  let size = 0;
  for (const value of values) size += symbolSize(value);
  const bytes = Buffer.allocUnsafe(size);
  let pos = 0;
  for (const value of values) {
    if (typeof value === 'number') {
      pos = writeNumber(bytes, pos, value, QvdSymbolType.INT, QvdSymbolType.DOUBLE);
    } else if (typeof value === 'string') {
      bytes[pos++] = QvdSymbolType.TEXT;
      pos = writeText(bytes, pos, value);
    } else if (value instanceof Dual) {
      if (Number.isNaN(value.num)) bytes[pos++] = QvdSymbolType.TEXT;
      else
        pos = writeNumber(bytes, pos, value.num, QvdSymbolType.DUAL_INT, QvdSymbolType.DUAL_DOUBLE);
      pos = writeText(bytes, pos, value.text);
    }
  }
  return bytes;
}

function isInt32(num: number): boolean {
  return Number.isInteger(num) && num >= INT32_MIN && num <= INT32_MAX && !Object.is(num, -0);
}

function symbolSize(value: Value): number {
  if (typeof value === 'number') return isInt32(value) ? 5 : 9;
  if (typeof value === 'string') return 2 + Buffer.byteLength(value);
  if (value instanceof Dual) {
    const number = Number.isNaN(value.num) ? 1 : isInt32(value.num) ? 5 : 9;
    return number + 1 + Buffer.byteLength(value.text);
  }
  return 0;
}

function writeNumber(
  bytes: Buffer,
  pos: number,
  num: number,
  intType: number,
  doubleType: number,
): number {
  if (isInt32(num)) {
    bytes[pos] = intType;
    bytes.writeInt32LE(num, pos + 1);
    return pos + 5;
  }
  bytes[pos] = doubleType;
  bytes.writeDoubleLE(num, pos + 1);
  return pos + 9;
}

function writeText(bytes: Buffer, pos: number, text: string): number {
  const written = bytes.write(text, pos, 'utf8');
  bytes[pos + written] = 0;
  return pos + written + 1;
}
