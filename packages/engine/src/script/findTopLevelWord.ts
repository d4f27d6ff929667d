/**
 * Finds `word` (case-insensitive, as a whole word) in `text` from `from`,
 * outside quotes, brackets and parentheses; -1 when absent.
 */
export function findTopLevelWord(text: string, word: string, from = 0): number {
  const upper = word.toUpperCase();
  let depth = 0;
  let pos = from;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === "'" || ch === '"' || ch === '`') pos = skipQuoted(text, pos, ch);
    else if (ch === '[') pos = Math.max(text.indexOf(']', pos + 1), pos) + 1;
    else if (ch === '(' || ch === ')') {
      depth += ch === '(' ? 1 : -1;
      pos++;
    } else if (depth === 0 && isWordAt(text, pos, upper)) return pos;
    else pos++;
  }
  return -1;
}

function skipQuoted(text: string, open: number, quote: string): number {
  let pos = open + 1;
  for (;;) {
    const close = text.indexOf(quote, pos);
    if (close < 0) return text.length;
    if (text[close + 1] !== quote) return close + 1;
    pos = close + 2;
  }
}

function isWordAt(text: string, pos: number, upper: string): boolean {
  if (pos > 0 && /[\w$#.@%]/.test(text[pos - 1])) return false;
  if (text.slice(pos, pos + upper.length).toUpperCase() !== upper) return false;
  const after = text[pos + upper.length];
  return after === undefined || !/[\w$#.@%]/.test(after);
}
