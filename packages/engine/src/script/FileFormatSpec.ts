import type { TextEncoding } from '../io/TextEncoding.js';

/** The format spec of a FROM / INLINE / STORE: `(txt, utf8, embedded labels, delimiter is ',', msq)`. */
export interface FileFormatSpec {
  /** Undefined when the spec does not say; the file extension decides. */
  readonly type?: 'txt' | 'json' | 'qvd';
  readonly encoding?: TextEncoding;
  readonly labels?: 'embedded' | 'none';
  readonly delimiter?: string;
  readonly quoting?: 'msq' | 'standard' | 'none';
  /** Lines to skip before the labels or data (`header is N lines`). */
  readonly headerLines?: number;
}
