import type { Field } from '../model/Field.js';
import type { FieldSelection } from './FieldSelection.js';
import { matchLiterals } from './matchLiterals.js';
import { matchValues } from './matchValues.js';
import { type ExpressionMatcher, searchSymbols } from './searchSymbols.js';
import { SelectionResult } from './SelectionResult.js';
import { fromSnapshot } from './SelectionSnapshot.js';
import { DEFAULT_STATE, type SelectionStates } from './SelectionStates.js';
import type {
  ElementSet,
  SetBase,
  SetDescriptor,
  SetExpression,
  SetModifier,
} from './SetExpression.js';
import { SymbolSet } from './SymbolSet.js';
import { assignSymbols, combineSets } from './combineSets.js';

const CURRENT_SELECTION: SetExpression = { base: { kind: 'state', state: DEFAULT_STATE } };

/** What a set expression is evaluated against. */
export interface SetContext {
  readonly states: SelectionStates;
  /** The state `$` stands for, e.g. the alternate state of the chart (default `$`). */
  readonly defaultState?: string;
  /** Builds the matcher for a `"=expr"` search in a field; without it such searches fail. */
  readonly matchExpression?: (field: Field, expression: string) => ExpressionMatcher;
}

/** Evaluates a set expression to its possible rows and value states. */
export function evaluateSet(expression: SetExpression, context: SetContext): SelectionResult {
  if ('op' in expression) {
    return evaluateSet(expression.left, context).combine(
      evaluateSet(expression.right, context),
      expression.op,
    );
  }
  return evaluateDescriptor(expression, context);
}

function evaluateDescriptor(descriptor: SetDescriptor, context: SetContext): SelectionResult {
  const modifiers = descriptor.modifiers ?? [];
  if (modifiers.length === 0 && descriptor.base.kind === 'state') {
    return context.states.get(stateName(descriptor.base.state, context)).result();
  }
  const model = context.states.model;
  const selections = baseSelections(descriptor.base, context);
  for (const modifier of modifiers) applyModifier(selections, modifier, context);
  return SelectionResult.fromSelections(model, selections);
}

function baseSelections(base: SetBase, context: SetContext): Map<number, FieldSelection> {
  switch (base.kind) {
    case 'all':
      return new Map();
    case 'bookmark':
      return fromSnapshot(context.states.model, base.snapshot);
    case 'state':
      return new Map(context.states.get(stateName(base.state, context)).selections);
  }
}

function applyModifier(
  selections: Map<number, FieldSelection>,
  modifier: SetModifier,
  context: SetContext,
): void {
  const field = context.states.model.field(modifier.field);
  const existing = selections.get(field.index);
  if (modifier.op === 'clear') {
    selections.delete(field.index);
    return;
  }
  if (modifier.op === 'copy') {
    const source = context.states.model.field(modifier.fromField ?? modifier.field);
    const copied = context.states
      .get(stateName(modifier.state, context))
      .selections.get(source.index);
    if (!copied) selections.delete(field.index);
    else
      selections.set(field.index, {
        values: translate(copied.values, source, field),
        locked: false,
      });
    return;
  }
  const values = resolveElements(modifier.values, field, context);
  const current = existing?.values ?? SymbolSet.all(field.cardinality);
  selections.set(field.index, {
    values: assignSymbols(modifier.op, current, values),
    locked: false,
  });
}

/** Resolves an element set to symbols of `field`. */
export function resolveElements(
  elements: ElementSet,
  field: Field,
  context: SetContext,
): SymbolSet {
  switch (elements.kind) {
    case 'symbols':
      return elements.symbols;
    case 'literals':
      return matchLiterals(field, elements.literals);
    case 'search':
      return searchSymbols(
        field,
        elements.search,
        expressionMatcher(field, elements.search, context),
        {
          programmatic: true,
        },
      );
    case 'possible':
    case 'excluded': {
      const source =
        elements.field === undefined ? field : context.states.model.field(elements.field);
      const result = evaluateSet(elements.set ?? CURRENT_SELECTION, context);
      const possible = result.possible(source);
      return translate(
        elements.kind === 'possible' ? possible : possible.complement(),
        source,
        field,
      );
    }
    case 'operation':
      return combineSets(
        resolveElements(elements.left, field, context),
        resolveElements(elements.right, field, context),
        elements.op,
      );
  }
}

function expressionMatcher(
  field: Field,
  search: string,
  context: SetContext,
): ExpressionMatcher | undefined {
  const expression = search.trimStart();
  if (!expression.startsWith('=') || !context.matchExpression) return undefined;
  return context.matchExpression(field, expression.slice(1));
}

/** Carries a set of `from`'s values over to the values of `to` with the same number or text. */
function translate(values: SymbolSet, from: Field, to: Field): SymbolSet {
  if (from === to) return values;
  const keys = values
    .indexes()
    .map((i) => (from.symbols.isNumeric(i) ? from.symbols.num(i) : from.symbols.text(i)));
  return matchValues(to, keys);
}

function stateName(name: string, context: SetContext): string {
  return name === DEFAULT_STATE ? (context.defaultState ?? DEFAULT_STATE) : name;
}
