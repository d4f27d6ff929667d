import type { SelectionResult } from '../../src/selection/SelectionResult.js';
import type { ValueState } from '../../src/selection/ValueState.js';

/** Every value of a field, by text, with its state. */
export function statesOf(result: SelectionResult, fieldName: string): Record<string, ValueState> {
  const field = result.model.field(fieldName);
  const states: Record<string, ValueState> = {};
  for (let i = 0; i < field.cardinality; i++)
    states[field.symbols.text(i)] = result.state(field, i);
  return states;
}

/** The texts of one field over the possible rows of a table, in row order. */
export function possibleTexts(
  result: SelectionResult,
  tableName: string,
  fieldName: string,
): string[] {
  const table = result.model.table(tableName);
  const column = table.column(fieldName)!;
  const texts: string[] = [];
  result.rows(table).forEach((row) => {
    const symbol = column.symbolAt(row);
    texts.push(symbol < 0 ? '-' : column.field.symbols.text(symbol));
  });
  return texts;
}
