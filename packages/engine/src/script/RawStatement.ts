import type { SourceMap } from './SourceMap.js';

/** One statement's text as written (comments blanked out), and where it starts in the script. */
export interface RawStatement {
  readonly text: string;
  /** Offset of `text[0]` in the script, or in the included file when `included` is set. */
  readonly start: number;
  /** Set on the statements of a file `$(Include=...)` brought in. */
  readonly included?: IncludedFrom;
}

/** Where an included statement came from: the file, and the include statement that read it. */
export interface IncludedFrom {
  /** The file as the script names it. */
  readonly path: string;
  readonly sourceMap: SourceMap;
  /** The `$(Include=...)` statement (itself in an included file, or in the script). */
  readonly at: RawStatement;
}
