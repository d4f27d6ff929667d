import type { DataModel } from '../model/DataModel.js';
import type { FieldSelection } from './FieldSelection.js';
import { cheapToKey, rememberKey, withFieldKey } from './selectionKey.js';

type SelectionMap = Map<number, FieldSelection>;

// Per data model, selections maps by their key (see `selectionKey`): a thousand sessions
// clicking the same airports hold (and keep in their histories) a few maps, not one each per
// click, so a selection allocates nothing that outlives it and the young generation's
// collections have nothing of it to copy or promote. Maps are never changed once made.
const tables = new WeakMap<DataModel, Map<string, SelectionMap>>();

// Maps kept per model at most (the table starts over past it) and the longest key kept.
const MOST_MAPS = 1024;
const LONGEST_KEY = 1024;

/**
 * `current` with `field`'s selection replaced by `selection` (or removed,
 * when undefined), in the order `new Map(current)` and `set` give: the map
 * of the same content made before when there is one.
 */
export function withField(
  model: DataModel,
  current: ReadonlyMap<number, FieldSelection>,
  field: number,
  selection: FieldSelection | undefined,
): SelectionMap {
  const key = keyWithField(current, field, selection);
  let table = tables.get(model);
  let map = key === undefined ? undefined : table?.get(key);
  if (map !== undefined) return map;
  map = new Map(current);
  if (selection) map.set(field, selection);
  else map.delete(field);
  if (key !== undefined && key.length <= LONGEST_KEY) {
    if (!table) tables.set(model, (table = new Map()));
    if (table.size >= MOST_MAPS) table.clear();
    table.set(key, map);
    rememberKey(map, key);
  }
  return map;
}

/** The key of `current` with the field's selection changed; undefined when a set is costly to key. */
function keyWithField(
  current: ReadonlyMap<number, FieldSelection>,
  field: number,
  selection: FieldSelection | undefined,
): string | undefined {
  let key = '';
  let seen = false;
  for (const [index, existing] of current) {
    const value = index === field ? selection : existing;
    if (index === field) seen = true;
    if (value === undefined) continue;
    if (!cheapToKey(value.values)) return undefined;
    key = withFieldKey(key, index, value);
  }
  if (!seen && selection) {
    if (!cheapToKey(selection.values)) return undefined;
    key = withFieldKey(key, field, selection);
  }
  return key;
}
