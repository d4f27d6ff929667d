import type { ScalarFunction } from '../expression/EvalContext.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import { autoNumberFields } from './autoNumberFields.js';
import { deriveFields } from './deriveFields.js';
import type { FieldRules } from './FieldRules.js';
import { ScriptFault } from './ScriptFault.js';
import type { FieldDefinition, Statement } from './Statement.js';
import type { TableCatalog } from './TableCatalog.js';

const KINDS = [
  'tag',
  'tagUsing',
  'comment',
  'commentUsing',
  'mapUsing',
  'unmap',
  'nullAs',
  'autoNumberFields',
  'declare',
  'derive',
] as const;

/** A statement about fields' metadata: tags, comments, mappings, null handling, DECLARE / DERIVE. */
export type FieldStatement = Extract<Statement, { kind: (typeof KINDS)[number] }>;

const FIELD_KINDS: ReadonlySet<string> = new Set(KINDS);

/** What the field statements read from the running script. */
export interface FieldStatementHost {
  /** The catalog of the current section. */
  catalog(): TableCatalog;
  /** SECTION APPLICATION's catalog, which DERIVE's tables go to. */
  readonly application: TableCatalog;
  readonly fieldRules: FieldRules;
  readonly functions: ReadonlyMap<string, ScalarFunction>;
  format(): FormatSettings;
  variableValue(name: string): Value | undefined;
  write(line: string): void;
}

/** Runs the statements about fields' metadata, keeping DECLARE's definitions for DERIVE. */
export class FieldStatements {
  private readonly definitions = new Map<string, FieldDefinition>();

  constructor(private readonly host: FieldStatementHost) {}

  /** Whether `statement` is one of these. */
  static handles(statement: Statement): statement is FieldStatement {
    return FIELD_KINDS.has(statement.kind);
  }

  /** Runs one field statement. */
  run(statement: FieldStatement): void {
    const { fieldRules } = this.host;
    switch (statement.kind) {
      case 'tag':
        return fieldRules.tag(statement.fields, statement.tags, statement.untag);
      case 'tagUsing':
        for (const [field, tag] of this.mappingPairs(statement.mapping))
          fieldRules.tag([field], [tag], statement.untag);
        return;
      case 'comment':
        for (const name of statement.names)
          this.commentsOf(statement.target).set(name, statement.text);
        return;
      case 'commentUsing':
        for (const [name, text] of this.mappingPairs(statement.mapping))
          this.commentsOf(statement.target).set(name, text);
        return;
      case 'mapUsing':
        this.host.catalog().mapping(statement.mapping);
        return fieldRules.map(statement.fields, statement.mapping);
      case 'unmap':
        return fieldRules.map(statement.fields, undefined);
      case 'nullAs':
        return fieldRules.nullAs(statement.fields, statement.asValue);
      case 'autoNumberFields':
        return autoNumberFields(this.host.catalog(), statement.fields, statement.namespace);
      case 'declare':
        this.definitions.set(statement.name, statement.definition);
        return;
      case 'derive':
        return this.derive(statement.fields, statement.definition);
    }
  }

  /** DERIVE: a table of derived fields per field, tagged as the definition says. */
  private derive(fields: readonly string[], name: string): void {
    const definition = this.definitions.get(name);
    if (!definition)
      throw new ScriptFault('SCRIPT_RUNTIME', `Field definition '${name}' is not declared`);
    for (const field of fields) {
      const { table, tags } = deriveFields(field, name, definition, {
        functions: this.host.functions,
        format: this.host.format(),
        fieldValues: (f) => this.host.catalog().fieldValues(f),
        variable: (v) => this.host.variableValue(v),
      });
      this.host.application.add(table, table.name);
      for (const [derived, derivedTags] of tags)
        this.host.fieldRules.tag([derived], derivedTags, false);
      this.host.write(`${table.name}: ${table.rowCount} values derived`);
    }
  }

  private commentsOf(target: 'field' | 'table'): Map<string, string> {
    const rules = this.host.fieldRules;
    return target === 'field' ? rules.fieldComments : rules.tableComments;
  }

  /** A mapping table's rows as text pairs (TAG / COMMENT ... USING). */
  private mappingPairs(name: string): [string, string][] {
    return [...this.host.catalog().mapping(name)].map(([from, to]) => [String(from), toText(to)]);
  }
}
