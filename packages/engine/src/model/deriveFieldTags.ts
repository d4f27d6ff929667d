import type { FieldTag } from './FieldTag.js';
import type { SymbolTable } from './SymbolTable.js';

/** How a field sits in the model, for deriving its tags. */
export interface FieldRole {
  readonly name: string;
  readonly isKey: boolean;
  readonly isKeyPart: boolean;
  readonly isSynthetic: boolean;
  /** Tags the script asked for, e.g. `$date`. */
  readonly extra: readonly FieldTag[];
}

/** Derives Qlik's system tags of a field from its values and its role in the model. */
export function deriveFieldTags(symbols: SymbolTable, role: FieldRole): FieldTag[] {
  const tags = new Set<FieldTag>();
  if (role.name.startsWith('$')) {
    tags.add('$system');
    tags.add('$hidden');
  }
  if (role.isSynthetic) tags.add('$syn');
  if (role.isKey) tags.add('$key');
  if (role.isKeyPart) tags.add('$keypart');
  for (const tag of valueTags(symbols)) tags.add(tag);
  for (const tag of role.extra) tags.add(tag);
  return [...tags];
}

function valueTags(symbols: SymbolTable): FieldTag[] {
  let numeric = 0;
  let integer = 0;
  let ascii = true;
  for (let i = 0; i < symbols.size; i++) {
    const num = symbols.nums[i];
    if (!Number.isNaN(num)) {
      numeric++;
      if (Number.isInteger(num)) integer++;
    }
    // A number's own text is digits, sign, point and exponent: ASCII, and not worth spelling out.
    if (ascii && !symbols.hasNumberText(i) && !isAscii(symbols.text(i))) ascii = false;
  }
  const tags: FieldTag[] = [];
  if (symbols.size > 0 && numeric === symbols.size) {
    tags.push('$numeric');
    if (integer === symbols.size) tags.push('$integer');
  }
  if (numeric === 0) tags.push('$text');
  if (ascii) tags.push('$ascii');
  return tags;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
