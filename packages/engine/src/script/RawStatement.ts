/** One statement's text as written (comments blanked out), and where it starts in the script. */
export interface RawStatement {
  readonly text: string;
  /** Offset of `text[0]` in the script. */
  readonly start: number;
}
