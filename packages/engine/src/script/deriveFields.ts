import { compileExpression } from '../expression/compileExpression.js';
import type { ScalarFunction } from '../expression/EvalContext.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { LoadContext } from './LoadContext.js';
import { ScriptFault } from './ScriptFault.js';
import { ScriptTable } from './ScriptTable.js';
import type { FieldDefinition } from './Statement.js';

/** What DERIVE reads from the running script. */
export interface DeriveHost {
  readonly functions: ReadonlyMap<string, ScalarFunction>;
  readonly format: FormatSettings;
  /** A field's distinct values over the loaded tables. */
  fieldValues(field: string): readonly Value[];
  variable(name: string): Value | undefined;
}

/** The field `$1` stands for in a definition's expressions. */
export const DEFINITION_ARGUMENT = '$1';

/**
 * DERIVE FIELDS FROM FIELDS f USING def: a table `f.def` linking each value
 * of `f` to the definition's fields, named `f.def.<name>` as Qlik names
 * derived fields, each computed with `$1` = the value of `f`.
 */
export function deriveFields(
  field: string,
  name: string,
  definition: FieldDefinition,
  host: DeriveHost,
): { table: ScriptTable; tags: Map<string, readonly string[]> } {
  const values = host.fieldValues(field);
  if (values.length === 0)
    throw new ScriptFault('SCRIPT_FIELD_NOT_FOUND', `DERIVE: field '${field}' has no values`);
  const parameterNames = definition.parameters.map((p) => p.name);
  const positions = new Map<string, number>(
    [DEFINITION_ARGUMENT, ...parameterNames].map((n, i) => [n, i]),
  );
  const ctx = new LoadContext(positions, host.functions, host.format, (n) => host.variable(n));
  const parameterValues = definition.parameters.map((p) => compileExpression(p.value)(ctx));
  const compiled = definition.fields.map((f) => compileExpression(f.expr));
  const derivedNames = definition.fields.map((f) => `${field}.${name}.${f.name}`);
  const table = new ScriptTable(`${field}.${name}`, [field, ...derivedNames]);
  for (const value of values) {
    ctx.row = [value, ...parameterValues];
    table.pushRow([value, ...compiled.map((fn) => fn(ctx))]);
  }
  const tags = new Map(definition.fields.map((f, i) => [derivedNames[i], f.tags] as const));
  return { table, tags };
}
