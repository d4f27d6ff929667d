import type { DataModel } from '../model/DataModel.js';
import type { FieldSelection, Selections } from './FieldSelection.js';
import { SelectionError } from './SelectionError.js';
import { SymbolSet } from './SymbolSet.js';

/** A selection state saved as plain JSON (for bookmarks and saved apps). */
export interface SelectionSnapshot {
  readonly fields: readonly FieldSnapshot[];
}

/**
 * One field's saved selection. Texts travel with the indexes so a snapshot
 * still resolves after a reload reorders the symbols.
 */
export interface FieldSnapshot {
  readonly field: string;
  readonly locked: boolean;
  readonly indexes: readonly number[];
  readonly texts: readonly string[];
}

/** Saves selections as a JSON-safe snapshot. */
export function toSnapshot(model: DataModel, selections: Selections): SelectionSnapshot {
  const fields = [...selections].map(([fieldIndex, selection]): FieldSnapshot => {
    const field = model.fields[fieldIndex];
    const indexes = selection.values.indexes();
    return {
      field: field.name,
      locked: selection.locked,
      indexes,
      texts: indexes.map((i) => field.symbols.text(i)),
    };
  });
  return { fields };
}

/**
 * Resolves a snapshot against `model`. Fields or values the model no longer
 * has are dropped, as Qlik does when a bookmark outlives its data.
 */
export function fromSnapshot(model: DataModel, snapshot: unknown): Map<number, FieldSelection> {
  const selections = new Map<number, FieldSelection>();
  for (const saved of readFields(snapshot)) {
    const field = model.findField(saved.field);
    if (!field) continue;
    const indexes = saved.indexes.map((index, i) =>
      field.symbols.texts[index] === saved.texts[i]
        ? index
        : field.symbols.indexOfText(saved.texts[i]),
    );
    const values = SymbolSet.of(field.cardinality, indexes);
    if (!values.isEmpty) selections.set(field.index, { values, locked: saved.locked });
  }
  return selections;
}

function readFields(snapshot: unknown): FieldSnapshot[] {
  const fields = (snapshot as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields) || !fields.every(isFieldSnapshot)) {
    throw new SelectionError(
      'INVALID_SNAPSHOT',
      'A selection snapshot needs a "fields" array of {field, locked, indexes, texts}',
    );
  }
  return fields;
}

function isFieldSnapshot(value: unknown): value is FieldSnapshot {
  const candidate = value as Partial<FieldSnapshot> | null;
  return (
    typeof candidate?.field === 'string' &&
    typeof candidate.locked === 'boolean' &&
    Array.isArray(candidate.indexes) &&
    Array.isArray(candidate.texts) &&
    candidate.indexes.length === candidate.texts.length &&
    candidate.indexes.every((index) => Number.isInteger(index)) &&
    candidate.texts.every((text) => typeof text === 'string')
  );
}
