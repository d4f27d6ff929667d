import type { DataModel } from '../model/DataModel.js';
import type { SelectionResult } from '../selection/SelectionResult.js';

/** The values of one field that a search found. */
export interface FieldMatches {
  readonly field: string;
  readonly indexes: readonly number[];
  readonly texts: readonly string[];
}

/** Options for a search across fields. */
export interface SearchOptions {
  /** Fields to search; all visible fields when empty. */
  readonly fields?: readonly string[];
  /** 'CurrentSelections' (possible values only, the default) or 'Cleared' (all values). */
  readonly context?: string;
}

/**
 * Finds, per field, the values whose text contains every search term
 * (case-insensitive), as the search box of a Qlik app does; fields with
 * more matching values come first.
 */
export function searchValues(
  model: DataModel,
  result: SelectionResult,
  terms: readonly string[],
  options: SearchOptions = {},
): FieldMatches[] {
  const needles = terms.map((term) => term.toLowerCase()).filter((term) => term !== '');
  if (needles.length === 0) return [];
  const wanted = options.fields && options.fields.length > 0 ? new Set(options.fields) : null;
  const possibleOnly = (options.context ?? 'CurrentSelections') !== 'Cleared';
  const matches: FieldMatches[] = [];
  for (const field of model.fields) {
    if (wanted ? !wanted.has(field.name) : field.isHidden) continue;
    const possible = possibleOnly ? result.possible(field) : null;
    const indexes: number[] = [];
    const texts: string[] = [];
    for (let index = 0; index < field.cardinality; index++) {
      if (possible && !possible.has(index)) continue;
      const text = field.symbols.text(index);
      const lower = text.toLowerCase();
      if (needles.every((needle) => lower.includes(needle))) {
        indexes.push(index);
        texts.push(text);
      }
    }
    if (indexes.length > 0) matches.push({ field: field.name, indexes, texts });
  }
  return matches.sort((a, b) => b.indexes.length - a.indexes.length);
}
