/**
 * Splits an RFC 6901 JSON Pointer into its unescaped reference tokens. The
 * engine addresses the whole document with "/" (not the RFC's ""), so both
 * mean the root here; a key that is the empty string cannot be addressed.
 */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return splitPointer(pointer);
}

// The engine patches the same few paths of a layout on every answer: each is split once.
const parsed = new Map<string, readonly string[]>();
const MAX_PARSED = 4096;

/** `parseJsonPointer`, remembered: the tokens are shared between callers and must not be changed. */
export function parseJsonPointerShared(pointer: string): readonly string[] {
  let tokens = parsed.get(pointer);
  if (tokens === undefined) {
    tokens = parseJsonPointer(pointer);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(pointer, tokens);
  }
  return tokens;
}

function splitPointer(pointer: string): string[] {
  const tokens = pointer.split('/');
  tokens.shift();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    // "~1" before "~0", so that "~01" becomes "~1" and not "/" (RFC 6901 §4).
    if (token.includes('~')) tokens[i] = token.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  return tokens;
}
