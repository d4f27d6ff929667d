import { ApiError } from '../server/ApiError.js';

/** Where a page ends: the sort column's value and the id of its last row. */
export interface CursorPosition {
  readonly value: string | number;
  readonly id: string;
}

/** An opaque paging cursor for `next`/`prev` query parameters. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url');
}

/** Reads a cursor back; a cursor this tenant did not write is a 400. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the 400
  }
  throw ApiError.badRequest(`Invalid paging cursor: ${cursor}`);
}
