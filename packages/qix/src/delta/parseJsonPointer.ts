// The engine patches the same few paths of a layout on every answer: each is split once.
const parsed = new Map<string, readonly string[]>();

/**
 * Splits an RFC 6901 JSON Pointer into its unescaped reference tokens. The
 * engine addresses the whole document with "/" (not the RFC's ""), so both
 * mean the root here; a key that is the empty string cannot be addressed.
 * The tokens are remembered and shared between callers: never change them.
 */
export function parseJsonPointer(pointer: string): readonly string[] {
  let tokens = parsed.get(pointer);
  if (tokens) return tokens;
  const split = pointer === '' || pointer === '/' ? [] : pointer.split('/').slice(1);
  // "~1" before "~0", so that "~01" becomes "~1" and not "/" (RFC 6901 §4).
  tokens = split.map((t) => (t.includes('~') ? t.replace(/~1/g, '/').replace(/~0/g, '~') : t));
  if (parsed.size >= 4096) parsed.clear();
  parsed.set(pointer, tokens);
  return tokens;
}
