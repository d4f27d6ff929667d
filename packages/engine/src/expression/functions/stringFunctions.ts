import { toNumber } from '../../value/toNumber.js';
import { toText } from '../../value/toText.js';
import type { Value } from '../../value/Value.js';
import { fn, type FunctionTable } from '../FunctionSpec.js';
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

/** String functions: Len, Left, Mid, SubField, TextBetween, PurgeChar, ... */
export const STRING_FUNCTIONS: FunctionTable = {
  LEN: fn(1, 1, ([s]) => (s === null ? null : codePointLength(text(s)))),
  LEFT: fn(2, 2, (args) =>
    anyNull(args) ? null : text(args[0]).slice(0, Math.max(0, integerArg(args[1]))),
  ),
  RIGHT: fn(2, 2, (args) => {
    if (anyNull(args)) return null;
    const s = text(args[0]);
    const n = Math.max(0, integerArg(args[1]));
    return n === 0 ? '' : s.slice(-n);
  }),
  MID: fn(2, 3, (args) => {
    if (anyNull(args)) return null;
    const s = text(args[0]);
    const start = Math.max(1, integerArg(args[1])) - 1;
    const count = args.length > 2 ? Math.max(0, integerArg(args[2])) : s.length;
    return s.slice(start, start + count);
  }),
  UPPER: fn(1, 1, ([s]) => (s === null ? null : text(s).toUpperCase())),
  LOWER: fn(1, 1, ([s]) => (s === null ? null : text(s).toLowerCase())),
  TRIM: fn(1, 1, ([s]) => (s === null ? null : trimSpaces(text(s), true, true))),
  LTRIM: fn(1, 1, ([s]) => (s === null ? null : trimSpaces(text(s), true, false))),
  RTRIM: fn(1, 1, ([s]) => (s === null ? null : trimSpaces(text(s), false, true))),
  REPLACE: fn(3, 3, (args) => {
    if (anyNull(args)) return null;
    const from = text(args[1]);
    return from === '' ? text(args[0]) : text(args[0]).split(from).join(text(args[2]));
  }),
  INDEX: fn(2, 3, (args) =>
    anyNull(args)
      ? null
      : indexOf(text(args[0]), text(args[1]), Math.trunc(optionalNumber(args, 2, 1))),
  ),
  SUBSTRINGCOUNT: fn(2, 2, (args) =>
    anyNull(args) ? null : countOccurrences(text(args[0]), text(args[1])),
  ),
  // With two arguments a LOAD makes one row per part; as a scalar it yields the first part.
  SUBFIELD: fn(2, 3, (args) =>
    anyNull(args)
      ? null
      : subField(text(args[0]), text(args[1]), Math.trunc(optionalNumber(args, 2, 1))),
  ),
  TEXTBETWEEN: fn(3, 4, (args) =>
    anyNull(args)
      ? null
      : textBetween(
          text(args[0]),
          text(args[1]),
          text(args[2]),
          Math.max(1, Math.trunc(optionalNumber(args, 3, 1))),
        ),
  ),
  PURGECHAR: fn(2, 2, (args) => {
    if (args[0] === null) return null;
    const remove = new Set(text(args[1]));
    return [...text(args[0])].filter((c) => !remove.has(c)).join('');
  }),
  KEEPCHAR: fn(2, 2, (args) => {
    if (args[0] === null) return null;
    const keep = new Set(text(args[1]));
    return [...text(args[0])].filter((c) => keep.has(c)).join('');
  }),
  FINDONEOF: fn(2, 3, (args) => {
    if (anyNull(args)) return null;
    const chars = new Set(text(args[1]));
    let wanted = Math.trunc(optionalNumber(args, 2, 1));
    const s = text(args[0]);
    for (let i = 0; i < s.length; i++) if (chars.has(s[i]) && --wanted === 0) return i + 1;
    return 0;
  }),
  REPEAT: fn(1, 2, (args) =>
    args[0] === null
      ? null
      : text(args[0]).repeat(Math.max(0, Math.trunc(optionalNumber(args, 1, 1)))),
  ),
  CAPITALIZE: fn(1, 1, ([s]) => (s === null ? null : capitalize(text(s)))),
  CHR: fn(1, 1, ([n]) => {
    const code = toNumber(n);
    return Number.isNaN(code) || code < 0 || code > 0x10ffff
      ? null
      : String.fromCodePoint(Math.trunc(code));
  }),
  ORD: fn(1, 1, ([s]) => {
    const first = text(s).codePointAt(0);
    return first === undefined ? null : first;
  }),
  LEVENSHTEINDIST: fn(2, 2, (args) =>
    anyNull(args) ? null : editDistance(text(args[0]), text(args[1])),
  ),
  TEXT: fn(1, 1, ([v]) => (v === null ? null : text(v))),
};
