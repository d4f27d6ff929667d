import { wildcardToRegExp } from '../io/listDataFiles.js';

/** One QUALIFY or UNQUALIFY entry; later entries win. */
export interface QualifyRule {
  readonly pattern: RegExp;
  readonly qualify: boolean;
}

/** Rules for a QUALIFY / UNQUALIFY statement's patterns (`*` and `?` are wildcards). */
export function qualifyRules(patterns: readonly string[], qualify: boolean): QualifyRule[] {
  return patterns.map((pattern) => ({
    pattern: caseSensitive(wildcardToRegExp(pattern)),
    qualify,
  }));
}

function caseSensitive(pattern: RegExp): RegExp {
  return new RegExp(pattern.source);
}

/** `Table.Field` when the last rule matching the field says QUALIFY, the field unchanged otherwise. */
export function qualifyFieldName(
  field: string,
  table: string,
  rules: readonly QualifyRule[],
): string {
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].pattern.test(field)) return rules[i].qualify ? `${table}.${field}` : field;
  }
  return field;
}
