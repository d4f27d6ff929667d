import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import { wildcardToRegExp } from '../io/listDataFiles.js';
import type { Value } from '../value/Value.js';
import { keyOf } from './ColumnBuilder.js';
import type { ScriptTable } from './ScriptTable.js';
import type { Mapping } from './TableCatalog.js';

/** A field mask (`*`, `?` wildcards, case-sensitive) and what it says. */
interface MaskRule<T> {
  readonly pattern: RegExp;
  readonly value: T;
}

function mask(text: string): RegExp {
  return new RegExp(wildcardToRegExp(text).source);
}

/** The value of the last rule whose mask matches `field`. */
function lastMatch<T>(rules: readonly MaskRule<T>[], field: string): T | undefined {
  for (let i = rules.length - 1; i >= 0; i--)
    if (rules[i].pattern.test(field)) return rules[i].value;
  return undefined;
}

/**
 * What statements say about fields loaded after them — ALIAS renames,
 * MAP ... USING value mappings, NULLASVALUE — and the tags and comments
 * TAG and COMMENT give fields and tables.
 */
export class FieldRules {
  private readonly aliases = new Map<string, string>();
  private mapRules: MaskRule<string | undefined>[] = [];
  private nullRules: MaskRule<boolean>[] = [];
  readonly tags = new Map<string, Set<string>>();
  readonly fieldComments = new Map<string, string>();
  readonly tableComments = new Map<string, string>();
  /** Number formats the sources gave fields (a QVD's NumberFormat), by field name; the last load wins. */
  readonly numberFormats = new Map<string, FieldNumberFormat>();

  /** ALIAS a AS b: a field read as `a` is named `b`. */
  alias(pairs: readonly (readonly [string, string])[]): void {
    for (const [from, to] of pairs) this.aliases.set(from, to);
  }

  /** The name a loaded field gets after ALIAS. */
  aliasOf(field: string): string {
    return this.aliases.get(field) ?? field;
  }

  /** MAP fields USING map (`mapping` undefined: UNMAP). */
  map(fields: readonly string[], mapping: string | undefined): void {
    this.mapRules = [
      ...this.mapRules,
      ...fields.map((f) => ({ pattern: mask(f), value: mapping })),
    ];
  }

  /** NULLASVALUE (true) / NULLASNULL (false) for fields matching the masks. */
  nullAs(fields: readonly string[], asValue: boolean): void {
    this.nullRules = [
      ...this.nullRules,
      ...fields.map((f) => ({ pattern: mask(f), value: asValue })),
    ];
  }

  /** TAG / UNTAG. */
  tag(fields: readonly string[], tags: readonly string[], untag: boolean): void {
    for (const field of fields) {
      const set = this.tags.get(field) ?? new Set<string>();
      for (const tag of tags) {
        if (untag) set.delete(tag);
        else set.add(tag);
      }
      this.tags.set(field, set);
    }
  }

  /**
   * Applies MAP ... USING and NULLASVALUE to a table just loaded: mapped
   * fields take the mapping's value for each value it has, and nulls of
   * NULLASVALUE fields become `nullValue`.
   */
  applyValueRules(
    table: ScriptTable,
    mappingOf: (name: string) => Mapping,
    nullValue: string | undefined,
  ): void {
    for (const column of table.columns) {
      const mappingName = lastMatch(this.mapRules, column.name);
      const mapping = mappingName === undefined ? undefined : mappingOf(mappingName);
      const fillNulls = lastMatch(this.nullRules, column.name) === true;
      if (!mapping && !fillNulls) continue;
      const values: Value[] = [];
      for (let row = 0; row < table.rowCount; row++) {
        const value = column.valueAt(row);
        if (value === null) values.push(fillNulls ? (nullValue ?? '') : null);
        else values.push(mapping?.get(keyOf(value)) ?? value);
      }
      column.replaceValues(values);
    }
  }
}
