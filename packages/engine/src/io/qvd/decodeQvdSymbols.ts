import { numberToText } from '../../value/numberToText.js';
import { Dual, type Value } from '../../value/Value.js';
import { QvdSymbolType } from './QvdSymbolType.js';

/**
 * Decodes one field's symbol table: `count` symbols, each a type byte and its
 * number and/or NUL-terminated UTF-8 text. A dual whose text is how the
 * engine writes its number anyway becomes that plain number. Throws when a
 * symbol runs past `end` or has an unknown type byte.
 */
export function decodeQvdSymbols(
  bytes: Buffer,
  start: number,
  end: number,
  count: number,
  fieldName: string,
): Value[] {
  const values = new Array<Value>(count);
  let pos = start;
  const need = (size: number): void => {
    if (pos + size > end) throw new Error(`the symbols of field '${fieldName}' are cut short`);
  };
  const text = (): string => {
    const nul = bytes.indexOf(0, pos);
    if (nul < 0 || nul >= end) throw new Error(`a text symbol of field '${fieldName}' has no end`);
    const result = bytes.toString('utf8', pos, nul);
    pos = nul + 1;
    return result;
  };
  for (let i = 0; i < count; i++) {
    need(1);
    const type = bytes[pos++];
    switch (type) {
      case QvdSymbolType.INT:
        need(4);
        values[i] = bytes.readInt32LE(pos);
        pos += 4;
        break;
      case QvdSymbolType.DOUBLE:
        need(8);
        values[i] = bytes.readDoubleLE(pos);
        pos += 8;
        break;
      case QvdSymbolType.TEXT:
        values[i] = text();
        break;
      case QvdSymbolType.DUAL_INT:
      case QvdSymbolType.DUAL_DOUBLE: {
        const size = type === QvdSymbolType.DUAL_INT ? 4 : 8;
        need(size);
        const num = size === 4 ? bytes.readInt32LE(pos) : bytes.readDoubleLE(pos);
        pos += size;
        values[i] = dual(text(), num);
        break;
      }
      default:
        throw new Error(`field '${fieldName}' has a symbol of unknown type ${type}`);
    }
  }
  return values;
}

function dual(text: string, num: number): Value {
  return numberToText(num) === text ? num : new Dual(text, num);
}
