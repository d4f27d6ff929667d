import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import type { RawStatement } from './RawStatement.js';
import type { ScriptEvaluator } from './ScriptEvaluator.js';
import type { StatementErrors } from './StatementErrors.js';

const LIST_FUNCTIONS = new Set(['FILELIST', 'DIRLIST', 'FIELDVALUELIST']);

/** What a FOR EACH list reads besides its expressions. */
export interface ForEachSources {
  readonly evaluator: ScriptEvaluator;
  readonly errors: StatementErrors;
  fieldValues(field: string): Value[];
  fileList(mask: string, raw: RawStatement, directories: boolean): Promise<string[]>;
}

/** The values of a FOR EACH list: expressions, FileList('mask'), DirList('mask') and FieldValueList('field'). */
export async function forEachItems(raw: RawStatement, sources: ForEachSources): Promise<string[]> {
  const { evaluator } = sources;
  const text = evaluator.expand(raw);
  const cursor = sources.errors.cursorFor(text, raw);
  const items: string[] = [];
  do {
    const expr = cursor.readExpression();
    if (expr.kind === 'call' && LIST_FUNCTIONS.has(expr.key)) {
      const argument = toText(
        evaluator.evaluate(expr.args[0] ?? { kind: 'string', value: '*', start: 0 }, raw),
      );
      if (expr.key === 'FIELDVALUELIST')
        items.push(...sources.fieldValues(argument).map((value) => toText(value)));
      else items.push(...(await sources.fileList(argument, raw, expr.key === 'DIRLIST')));
    } else items.push(toText(evaluator.evaluate(expr, raw)));
  } while (cursor.acceptChar(','));
  cursor.expectEnd();
  return items;
}
