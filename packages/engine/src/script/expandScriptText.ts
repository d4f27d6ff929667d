import { ScriptFault } from './ScriptFault.js';

/** Nesting beyond this depth means a variable expands into itself. */
const MAX_DEPTH = 64;

/**
 * Replaces every `$(...)` in a statement's text before it is parsed, as Qlik
 * does: `resolve` gets the inner text (already expanded itself, so
 * `$(v$(i))` works) — a variable name, `name(arg, ...)` or `=expression` —
 * and returns the replacement, which is expanded again.
 */
export function expandScriptText(
  text: string,
  resolve: (content: string) => string,
  depth = 0,
): string {
  if (!text.includes('$(')) return text;
  if (depth > MAX_DEPTH)
    throw new ScriptFault(
      'SCRIPT_SYNTAX',
      'Dollar expansion nests too deeply (does a variable refer to itself?)',
      0,
    );
  let out = '';
  let pos = 0;
  for (;;) {
    const open = text.indexOf('$(', pos);
    if (open < 0) return out + text.slice(pos);
    const close = findClose(text, open + 2);
    if (close < 0) throw new ScriptFault('SCRIPT_SYNTAX', "'$(' has no matching ')'", open);
    const inner = expandScriptText(text.slice(open + 2, close), resolve, depth + 1);
    out += text.slice(pos, open) + expandScriptText(resolve(inner.trim()), resolve, depth + 1);
    pos = close + 1;
  }
}

/** The `)` matching an opening at `from - 1`, skipping nested parentheses and quoted text. */
function findClose(text: string, from: number): number {
  let depth = 0;
  for (let pos = from; pos < text.length; pos++) {
    const ch = text[pos];
    if (ch === "'") {
      const end = text.indexOf("'", pos + 1);
      if (end < 0) return -1;
      pos = end;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return pos;
      depth--;
    }
  }
  return -1;
}

/**
 * The text of `$(name)` or `$(name(a, b))`: the variable's value with `$1`,
 * `$2` ... replaced by the arguments. `lookup` answers a variable's text.
 */
export function expandVariable(content: string, lookup: (name: string) => string): string {
  const call = /^([^()]+)\((.*)\)$/s.exec(content);
  if (!call) return lookup(content);
  const body = lookup(call[1].trim());
  const args = splitArguments(call[2]);
  return body.replace(/\$(\d+)/g, (whole, n: string) => args[Number(n) - 1] ?? whole);
}

/** Splits `a, 'b,c', f(x, y)` at top-level commas. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}
