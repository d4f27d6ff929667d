import type { FieldQuoting } from './Expr.js';

/** One lexical token of an expression, with the offsets it spans. */
export type Token =
  | {
      readonly type: 'number';
      readonly value: number;
      readonly text: string;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: 'string';
      readonly value: string;
      readonly start: number;
      readonly end: number;
    }
  /** A bare word: field name, function name or word operator; `upper` is for keyword checks. */
  | {
      readonly type: 'word';
      readonly text: string;
      readonly upper: string;
      readonly start: number;
      readonly end: number;
    }
  /** A name in `[...]`, `"..."` or `` `...` ``. */
  | {
      readonly type: 'quoted';
      readonly text: string;
      readonly quoting: Exclude<FieldQuoting, 'bare'>;
      readonly start: number;
      readonly end: number;
    }
  /** `$`, `$1` or `$_1` (set identifiers). */
  | { readonly type: 'dollar'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly type: 'punct'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly type: 'eof'; readonly start: number; readonly end: number };

/** Whether a token is the punctuation `text`. */
export function isPunct(token: Token, text: string): boolean {
  return token.type === 'punct' && token.text === text;
}
