import type { Doc } from '@qlikit/qix';
import { CliError } from '../../../errors/CliError.js';

/** Selects the given values in their fields, as a user clicking them would; numbers select by value. */
export async function applySelections(
  doc: Doc,
  selections: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  for (const [name, values] of selections) {
    const field = await doc.getField(name);
    const fieldValues = values.map((text) => {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number)
        ? { qText: text, qIsNumeric: true, qNumber: number }
        : { qText: text };
    });
    const selected = await field.selectValues(fieldValues, false, false);
    if (!selected) {
      throw new CliError(
        'SELECTION_FAILED',
        `Could not select ${values.join(', ')} in the field '${name}'.`,
        {
          hint: '`qlikit app field ls` lists the fields; values must match as the app shows them.',
        },
      );
    }
  }
}
