import type {
  ElementSet,
  SetElement,
  SetExpression,
  SetFieldModifier,
} from '../expression/Expr.js';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { Table } from '../model/Table.js';
import type { FieldSelection, Selections } from '../selection/FieldSelection.js';
import { matchLiterals } from '../selection/matchLiterals.js';
import { searchSymbols } from '../selection/searchSymbols.js';
import { SelectionResult } from '../selection/SelectionResult.js';
import { SymbolSet } from '../selection/SymbolSet.js';
import { AggregateError } from './AggregateError.js';
import { bitsetRows } from './bitsetRows.js';
import type { RecordSet } from './RecordSet.js';
import { assignSymbols, combineSets } from '../selection/combineSets.js';

/** Where a set expression finds the records its identifiers name. */
export interface SetSources {
  /** The current selection of the chart's state (`$`). */
  readonly current: SelectionResult;
  /** Another state's selection by name (alternate states). */
  readonly state?: (name: string) => SelectionResult | undefined;
  /** A bookmark's selections by id. */
  readonly bookmark?: (id: string) => Selections | undefined;
  /**
   * For `{"=expr"}` searches: whether `expr`, computed per value of `field`
   * over the current selection, is true for each symbol.
   */
  readonly searchByExpression?: (field: Field, expression: string) => (symbol: number) => boolean;
}

/**
 * Translates the AST of a set expression into records: identifiers to
 * selections, field modifiers to changed selections (value lists and searches
 * to symbol sets, P()/E() to possible/excluded values), then propagates them
 * through the model and combines sets with + * - /.
 */
export class SetTranslator {
  constructor(
    private readonly model: DataModel,
    private readonly sources: SetSources,
  ) {}

  /** The records of a set expression; undefined means the current selection. */
  records(set: SetExpression | undefined): RecordSet {
    return recordsOf(set ? this.result(set) : this.sources.current);
  }

  /** The selection result a set expression names. */
  result(set: SetExpression): SelectionResult {
    if (set.kind === 'setOperation') {
      return this.result(set.left).combine(this.result(set.right), set.op);
    }
    const base = this.base(set.identifier);
    if (set.modifiers.length === 0) return base;
    const selections = new Map<number, FieldSelection>(base.selections);
    for (const modifier of set.modifiers) this.apply(modifier, selections);
    return SelectionResult.fromSelections(this.model, selections);
  }

  private base(identifier: string): SelectionResult {
    if (identifier === '$') return this.sources.current;
    if (identifier === '1') return SelectionResult.fromSelections(this.model, new Map());
    if (/^\$_?\d+$/.test(identifier)) {
      throw new AggregateError('UNKNOWN_STATE', `Selection history ${identifier} is not kept`);
    }
    const state = this.sources.state?.(identifier);
    if (state) return state;
    const bookmark = this.sources.bookmark?.(identifier);
    if (bookmark) return SelectionResult.fromSelections(this.model, bookmark);
    throw new AggregateError('UNKNOWN_BOOKMARK', `No state or bookmark named ${identifier}`);
  }

  private apply(modifier: SetFieldModifier, selections: Map<number, FieldSelection>): void {
    const field = this.field(modifier.field);
    if (!modifier.elements) {
      selections.delete(field.index);
      return;
    }
    const values = this.elements(modifier.elements, field);
    const current = selections.get(field.index)?.values ?? SymbolSet.all(field.cardinality);
    const next = assignSymbols(modifier.op, current, values);
    selections.set(field.index, { values: next, locked: false });
  }

  private elements(elements: ElementSet, field: Field): SymbolSet {
    switch (elements.kind) {
      case 'elementList':
        return this.elementList(elements.elements, field);
      case 'elementField':
        return this.selectedIn(this.field(elements.field), field);
      case 'elementFunction': {
        const source = this.field(elements.field ?? field.name);
        const result = elements.set ? this.result(elements.set) : this.sources.current;
        const possible = result.possible(source);
        const chosen = elements.fn === 'P' ? possible : possible.complement();
        return source === field ? chosen : sameTexts(chosen, source, field);
      }
      case 'elementOperation':
        return combineSets(
          this.elements(elements.left, field),
          this.elements(elements.right, field),
          elements.op,
        );
    }
  }

  private elementList(elements: readonly SetElement[], field: Field): SymbolSet {
    const literals: (string | number)[] = [];
    let found = SymbolSet.empty(field.cardinality);
    for (const element of elements) {
      if (element.kind === 'number') literals.push(element.value);
      else if (element.kind === 'literal') literals.push(element.text);
      else found = found.union(this.search(field, element.text));
    }
    return literals.length > 0 ? found.union(matchLiterals(field, literals)) : found;
  }

  private search(field: Field, text: string): SymbolSet {
    const expression = text.trimStart().startsWith('=') ? text.trimStart().slice(1) : undefined;
    const matcher =
      expression !== undefined ? this.sources.searchByExpression?.(field, expression) : undefined;
    // In set analysis a plain search matches whole values, not the start of any word.
    return searchSymbols(field, text, matcher, { programmatic: true });
  }

  private selectedIn(source: Field, field: Field): SymbolSet {
    const selected = this.sources.current.selection(source)?.values;
    if (!selected) return SymbolSet.empty(field.cardinality);
    return sameTexts(selected, source, field);
  }

  private field(name: string): Field {
    const field = this.model.findField(name);
    if (!field)
      throw new AggregateError('UNKNOWN_FIELD', `Field not found in set expression: ${name}`);
    return field;
  }
}

// Maps the members of a symbol set of one field onto another field by text.
function sameTexts(set: SymbolSet, from: Field, to: Field): SymbolSet {
  const texts = set.indexes().map((index) => from.symbols.text(index));
  return matchLiterals(to, texts);
}

function recordsOf(result: SelectionResult): RecordSet {
  const cache = new Map<Table, Int32Array>();
  return {
    rows(table: Table): Int32Array {
      let rows = cache.get(table);
      if (!rows) {
        const set = result.rows(table);
        rows = set.count() === set.size ? everyRow(table) : bitsetRows(set.words);
        cache.set(table, rows);
      }
      return rows;
    },
    keyCodes: (table, key) => result.keyCodes(table, key),
  };
}

// Every row of a table (no selection, `{1}`), listed once per table: frames only read their rows.
const everyRowOf = new WeakMap<Table, Int32Array>();

function everyRow(table: Table): Int32Array {
  let rows = everyRowOf.get(table);
  if (!rows || rows.length !== table.rowCount) {
    rows = new Int32Array(table.rowCount);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    everyRowOf.set(table, rows);
  }
  return rows;
}
