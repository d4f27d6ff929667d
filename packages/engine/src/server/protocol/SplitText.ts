/**
 * A JSON text in three parts, the middle one (`body`) a string that many
 * answers share as it is: the patch between two cached chart layouts, the
 * same string for every session making the same move. Kept apart, it is never
 * copied into a new string per answer; the socket writes its bytes, encoded
 * once (see `frameBytes`).
 */
export interface SplitText {
  readonly before: string;
  readonly body: string;
  readonly after: string;
}

/** A text whole: a string, or the parts of a split one joined. */
export function joinText(text: string | SplitText): string {
  return typeof text === 'string' ? text : text.before + text.body + text.after;
}

/** The text with `before` and `after` added around it, split where `text` is. */
export function wrapText(
  before: string,
  text: string | SplitText,
  after: string,
): string | SplitText {
  return typeof text === 'string'
    ? before + text + after
    : { before: before + text.before, body: text.body, after: text.after + after };
}
