const cache = new Map<string, RegExp>();

/**
 * Whether a text matches a Qlik wildcard pattern (`*` any run, `?` any one
 * character), case-insensitively, as `like` and `WildMatch` compare.
 */
export function matchWildcard(text: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = compileWildcard(pattern);
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re.test(text);
}

function compileWildcard(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}
