/** A case-insensitive whole-text matcher for a pattern with `*` (any run) and `?` (one character). */
export function wildcardPattern(pattern: string): RegExp {
  const body = [...pattern]
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`, 'is');
}

/** Whether `text` uses wildcard characters. */
export function hasWildcards(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
