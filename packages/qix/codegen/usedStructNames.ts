/** The struct names a set of type expressions mention, sorted, for an `import type` list. */
export function usedStructNames(
  typeExpressions: Iterable<string>,
  structNames: ReadonlySet<string>,
): string[] {
  const used = new Set<string>();
  for (const expression of typeExpressions) {
    for (const word of expression.match(/\b[A-Za-z_]\w*\b/g) ?? []) {
      if (structNames.has(word)) used.add(word);
    }
  }
  return [...used].sort();
}
