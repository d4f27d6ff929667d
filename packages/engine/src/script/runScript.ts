import { buildProgram } from './buildProgram.js';
import { Interpreter } from './Interpreter.js';
import type { ScriptOptions, ScriptResult } from './ScriptOptions.js';
import type { ScriptTable } from './ScriptTable.js';
import { SourceMap } from './SourceMap.js';
import { splitStatements } from './splitStatements.js';

/**
 * Runs a Qlik load script: parses it into statements and control blocks,
 * runs them against files in `options.dataDir`, and hands back the tables
 * (dictionary-encoded), the variables and the reload log. Fails with a
 * `ScriptError` naming the line and column of what it could not parse or run.
 */
export async function runScript(script: string, options: ScriptOptions): Promise<ScriptResult> {
  const sourceMap = new SourceMap(script);
  const program = buildProgram(splitStatements(script, sourceMap), sourceMap);
  const interpreter = new Interpreter(sourceMap, options);
  await interpreter.run(program);
  const rules = interpreter.fieldRules;
  return {
    tables: [...interpreter.tables.values()].map((table) => table.toLoadedTable()),
    variables: interpreter.variables,
    log: interpreter.log,
    sectionAccess: [...interpreter.access.tables.values()].map((table) =>
      withStar(table, interpreter.starSymbol).toLoadedTable(),
    ),
    fieldTags: Object.fromEntries([...rules.tags].map(([field, tags]) => [field, [...tags]])),
    comments: {
      fields: Object.fromEntries(rules.fieldComments),
      tables: Object.fromEntries(rules.tableComments),
    },
    fieldNumberFormats: Object.fromEntries(rules.numberFormats),
  };
}

/** STAR IS x: the access table's `x` values become the `*` section access reads as "every listed value". */
function withStar(table: ScriptTable, star: string | undefined): ScriptTable {
  if (star === undefined || star === '*') return table;
  for (const column of table.columns) {
    const rows = Array.from({ length: table.rowCount }, (_, row) => column.valueAt(row));
    if (rows.some((value) => value === star))
      column.replaceValues(rows.map((v) => (v === star ? '*' : v)));
  }
  return table;
}
