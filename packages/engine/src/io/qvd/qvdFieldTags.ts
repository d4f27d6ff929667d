import { Dual, type Value } from '../../value/Value.js';

/**
 * The tags Qlik writes for a field in a QVD header, derived from its values:
 * `$numeric` (every value has a number) with `$integer` (every number whole),
 * then `$timestamp`/`$date` when given, or `$ascii` (all texts ASCII) and
 * `$text` when no value has a number. A mix gets no value tags.
 */
export function qvdFieldTags(values: readonly Value[], dateTags: readonly string[] = []): string[] {
  let numeric = 0;
  let integer = 0;
  let ascii = true;
  for (const value of values) {
    const num = typeof value === 'number' ? value : value instanceof Dual ? value.num : NaN;
    if (!Number.isNaN(num)) {
      numeric++;
      if (Number.isInteger(num)) integer++;
    } else if (ascii && typeof value === 'string') ascii = isAscii(value);
    else if (ascii && value instanceof Dual) ascii = isAscii(value.text);
  }
  if (values.length === 0) return [];
  if (numeric === values.length)
    return ['$numeric', ...(integer === values.length ? ['$integer'] : []), ...dateTags];
  if (numeric === 0) return ascii ? ['$ascii', '$text'] : ['$text'];
  return [];
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
