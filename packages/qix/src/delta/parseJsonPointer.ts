/**
 * Splits an RFC 6901 JSON Pointer into its unescaped reference tokens. The
 * engine addresses the whole document with "/" (not the RFC's ""), so both
 * mean the root here; a key that is the empty string cannot be addressed.
 */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const tokens = pointer.split('/');
  tokens.shift();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    // "~1" before "~0", so that "~01" becomes "~1" and not "/" (RFC 6901 §4).
    if (token.includes('~')) tokens[i] = token.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  return tokens;
}
