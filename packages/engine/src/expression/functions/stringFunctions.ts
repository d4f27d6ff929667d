import { toNumber } from '../../value/toNumber.js';
import { toText } from '../../value/toText.js';
import type { Value } from '../../value/Value.js';
import { fn, functionFamily } from '../FunctionSpec.js';
import { FALSE, TRUE } from '../../value/truth.js';
import { anyNull, integerArg, optionalNumber } from './argumentReaders.js';
import { editDistance } from '../../value/editDistance.js';

/** Texts of a string-function argument list; NULL reads as ''. */
function text(v: Value): string {
  return toText(v);
}

/** Length in characters, a surrogate pair counting once. */
function codePointLength(s: string): number {
  let length = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      length--;
      i++;
    }
  }
  return length;
}

/** 1-based position of the n-th occurrence of `sub` (from the end when n < 0); 0 when absent. */
function indexOf(s: string, sub: string, n: number): number {
  if (sub === '' || n === 0) return 0;
  if (n > 0) {
    let at = -1;
    for (let i = 0; i < n; i++) {
      at = s.indexOf(sub, at + 1);
      if (at < 0) return 0;
    }
    return at + 1;
  }
  let at = s.length;
  for (let i = 0; i < -n; i++) {
    at = at - 1 < 0 ? -1 : s.lastIndexOf(sub, at - 1);
    if (at < 0) return 0;
  }
  return at + 1;
}

function countOccurrences(s: string, sub: string): number {
  if (sub === '') return 0;
  let count = 0;
  for (let at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length)) count++;
  return count;
}

function subField(s: string, delimiter: string, n: number): Value {
  const parts = delimiter === '' ? [s] : s.split(delimiter);
  const index = n > 0 ? n - 1 : parts.length + n;
  return index >= 0 && index < parts.length ? parts[index] : null;
}

function textBetween(s: string, before: string, after: string, n: number): Value {
  let from = -1;
  for (let i = 0; i < n; i++) {
    from = s.indexOf(before, from < 0 ? 0 : from);
    if (from < 0) return null;
    from += before.length;
  }
  const to = s.indexOf(after, from);
  return to < 0 ? null : s.slice(from, to);
}

function capitalize(s: string): string {
  return s
    .toLowerCase()
    .replace(
      /(^|[^\p{L}\p{N}'])(\p{L})/gu,
      (_, sep: string, letter: string) => sep + letter.toUpperCase(),
    );
}

function trimSpaces(s: string, start: boolean, end: boolean): string {
  let a = 0;
  let b = s.length;
  if (start) while (a < b && s[a] === ' ') a++;
  if (end) while (b > a && s[b - 1] === ' ') b--;
  return s.slice(a, b);
}

/** Parses JSON text; undefined when it is not valid JSON. */
function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The tokens of a JSON Pointer ('/a/0/b'), with ~1 and ~0 unescaped. */
function pointerTokens(path: string): string[] | undefined {
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/** JsonGet(json, path): the JSON text at a JSON Pointer path; NULL when the path leads nowhere. */
function jsonGet(json: string, path: string): Value {
  const parsed = parseJson(json);
  const tokens = pointerTokens(path);
  if (!parsed || !tokens) return null;
  let node: unknown = parsed.value;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return null;
    node = (node as Record<string, unknown>)[token];
  }
  return JSON.stringify(node);
}

/** JsonSet(json, path, value): the JSON with the JSON text `value` placed at the path. */
function jsonSet(json: string, path: string, valueText: string): Value {
  const parsed = parseJson(json);
  const inserted = parseJson(valueText);
  const tokens = pointerTokens(path);
  if (!parsed || !inserted || !tokens) return null;
  if (tokens.length === 0) return JSON.stringify(inserted.value);
  let node: unknown = parsed.value;
  for (const token of tokens.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return null;
    node = (node as Record<string, unknown>)[token];
  }
  if (node === null || typeof node !== 'object') return null;
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(node)) {
    const index = last === '-' ? node.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > node.length) return null;
    node[index] = inserted.value;
  } else (node as Record<string, unknown>)[last] = inserted.value;
  return JSON.stringify(parsed.value);
}

const TEXT = 'text';

/** String functions: Len, Left, Mid, SubField, TextBetween, PurgeChar, JsonGet, ... */
export const STRING_FUNCTIONS = functionFamily('STR', {
  Len: fn(1, 1, ([s]) => (s === null ? null : codePointLength(text(s!))), TEXT),
  Left: fn(
    2,
    2,
    (args) => (anyNull(args) ? null : text(args[0]!).slice(0, Math.max(0, integerArg(args[1]!)))),
    'text, count',
  ),
  Right: fn(
    2,
    2,
    (args) => {
      if (anyNull(args)) return null;
      const s = text(args[0]!);
      const n = Math.max(0, integerArg(args[1]!));
      return n === 0 ? '' : s.slice(-n);
    },
    'text, count',
  ),
  Mid: fn(
    2,
    3,
    (args) => {
      if (anyNull(args)) return null;
      const s = text(args[0]!);
      const start = Math.max(1, integerArg(args[1]!)) - 1;
      const count = args.length > 2 ? Math.max(0, integerArg(args[2]!)) : s.length;
      return s.slice(start, start + count);
    },
    'text, start [, count]',
  ),
  Upper: fn(1, 1, ([s]) => (s === null ? null : text(s!).toUpperCase()), TEXT),
  Lower: fn(1, 1, ([s]) => (s === null ? null : text(s!).toLowerCase()), TEXT),
  Trim: fn(1, 1, ([s]) => (s === null ? null : trimSpaces(text(s!), true, true)), TEXT),
  LTrim: fn(1, 1, ([s]) => (s === null ? null : trimSpaces(text(s!), true, false)), TEXT),
  RTrim: fn(1, 1, ([s]) => (s === null ? null : trimSpaces(text(s!), false, true)), TEXT),
  Replace: fn(
    3,
    3,
    (args) => {
      if (anyNull(args)) return null;
      const from = text(args[1]!);
      return from === '' ? text(args[0]!) : text(args[0]!).split(from).join(text(args[2]!));
    },
    'text, from_str, to_str',
  ),
  Index: fn(
    2,
    3,
    (args) =>
      anyNull(args)
        ? null
        : indexOf(text(args[0]!), text(args[1]!), Math.trunc(optionalNumber(args, 2, 1))),
    'text, substring [, count]',
  ),
  SubStringCount: fn(
    2,
    2,
    (args) => (anyNull(args) ? null : countOccurrences(text(args[0]!), text(args[1]!))),
    'text, sub_string',
  ),
  // With two arguments a LOAD makes one row per part; as a scalar it yields the first part.
  SubField: fn(
    2,
    3,
    // A NULL text has one empty part (the SubField page: SubField(Null, ';', 1) is '').
    (args) =>
      anyNull(args.slice(1))
        ? null
        : subField(
            args[0] === null ? '' : text(args[0]!),
            text(args[1]!),
            Math.trunc(optionalNumber(args, 2, 1)),
          ),
    'text, delimiter [, field_no ]',
  ),
  TextBetween: fn(
    3,
    4,
    (args) =>
      anyNull(args)
        ? null
        : textBetween(
            text(args[0]!),
            text(args[1]!),
            text(args[2]!),
            Math.max(1, Math.trunc(optionalNumber(args, 3, 1))),
          ),
    'text, delimiter1, delimiter2[, n]',
  ),
  PurgeChar: fn(
    2,
    2,
    (args) => {
      if (args[0] === null) return null;
      const remove = new Set(text(args[1]!));
      return [...text(args[0]!)].filter((c) => !remove.has(c)).join('');
    },
    'text, remove_chars',
  ),
  KeepChar: fn(
    2,
    2,
    (args) => {
      if (args[0] === null) return null;
      const keep = new Set(text(args[1]!));
      return [...text(args[0]!)].filter((c) => keep.has(c)).join('');
    },
    'text, keep_chars',
  ),
  FindOneOf: fn(
    2,
    3,
    (args) => {
      if (anyNull(args)) return null;
      const chars = new Set(text(args[1]!));
      let wanted = Math.trunc(optionalNumber(args, 2, 1));
      const s = text(args[0]!);
      for (let i = 0; i < s.length; i++) if (chars.has(s[i]!) && --wanted === 0) return i + 1;
      return 0;
    },
    'text, char_set [, count]',
  ),
  Repeat: fn(
    1,
    2,
    (args) =>
      args[0] === null
        ? null
        : text(args[0]!).repeat(Math.max(0, Math.trunc(optionalNumber(args, 1, 1)))),
    'text[, repeat_count]',
  ),
  Capitalize: fn(1, 1, ([s]) => (s === null ? null : capitalize(text(s!))), TEXT),
  Chr: fn(
    1,
    1,
    ([n]) => {
      const code = toNumber(n!);
      return Number.isNaN(code) || code < 0 || code > 0x10ffff
        ? null
        : String.fromCodePoint(Math.trunc(code));
    },
    'int',
  ),
  Ord: fn(
    1,
    1,
    ([s]) => {
      const first = text(s!).codePointAt(0);
      return first === undefined ? null : first;
    },
    'char',
  ),
  LevenshteinDist: fn(
    2,
    2,
    (args) => (anyNull(args) ? null : editDistance(text(args[0]!), text(args[1]!))),
    'text1, text2',
  ),
  IsJson: fn(
    1,
    2,
    (args) => {
      if (args[0] === null) return FALSE;
      const parsed = parseJson(text(args[0]!));
      if (!parsed) return FALSE;
      if (args[1] === undefined || args[1] === null) return TRUE;
      const wanted = text(args[1]).toLowerCase();
      return wanted === 'value' || wanted === jsonTypeOf(parsed.value) ? TRUE : FALSE;
    },
    'json [, type]',
  ),
  JsonGet: fn(
    2,
    2,
    (args) => (anyNull(args) ? null : jsonGet(text(args[0]!), text(args[1]!))),
    'json, path',
  ),
  JsonSet: fn(
    3,
    3,
    (args) => (anyNull(args) ? null : jsonSet(text(args[0]!), text(args[1]!), text(args[2]!))),
    'json, path, value',
  ),
});
