import { parseExpression } from '../expression/parseExpression.js';
import { expandDollars } from '../expression/expandDollars.js';
import type { ScalarFunction } from '../expression/EvalContext.js';
import { numberOf } from '../aggregate/valueParts.js';
import type { ExpressionMatcher } from '../selection/searchSymbols.js';
import { chartEvaluator, chartTarget, type HyperCubeOptions } from '../hypercube/chartEvaluator.js';
import type { DataModel } from '../model/DataModel.js';
import type { SelectionSnapshot } from '../selection/SelectionSnapshot.js';
import { fromSnapshot } from '../selection/SelectionSnapshot.js';
import type { SelectionState } from '../selection/SelectionState.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { parseNumber } from '../value/parseNumber.js';
import { LocError } from '../errors/LocError.js';
import { appFormatSettings } from './appFormatSettings.js';
import { appFunctions } from './appFunctions.js';
import { checkExpression, type ExpressionCheck } from './checkExpression.js';
import type { ChartSources, DocumentInfo } from './ChartSources.js';
import { resolveLibraryItems, type LibraryLookup } from './resolveLibraryItems.js';
import type { SharedResults } from './SharedResults.js';

type Json = Record<string, unknown>;

/**
 * The expressions of one session's charts: dollar-sign expansion, values
 * over a state's selections, expression searches and checks, and the
 * options (states, bookmarks, app functions) a computation reads them with.
 */
export class ChartExpressions {
  /** Variables whose `=` definitions are being evaluated for an expansion, to stop a cycle. */
  private readonly expanding = new Set<string>();
  private functionsCache: ReadonlyMap<string, ScalarFunction> | undefined;

  private readonly state: (name: string) => SelectionState;
  private readonly bookmark: (id: string) => SelectionSnapshot | undefined;
  private readonly variable: (name: string) => string | undefined;
  private readonly library: LibraryLookup;
  private readonly basis?: (stateName: string) => SelectionResult | undefined;
  private readonly documentInfo?: () => DocumentInfo;
  private readonly settings: FormatSettings;

  constructor(
    private readonly model: DataModel,
    sources: ChartSources,
    private readonly shared: SharedResults,
  ) {
    this.settings = appFormatSettings(sources.scriptVariables);
    this.state = sources.state;
    this.bookmark = sources.bookmark;
    this.variable = sources.variable;
    this.library = sources.library;
    this.basis = sources.basis;
    this.documentInfo = sources.documentInfo;
  }

  /** The value of a chart expression over all possible records of a state (Evaluate, qStringExpression, `=` variables). */
  evaluate(text: string, stateName: string): Value {
    const source = text.trim().startsWith('=') ? text.trim().slice(1) : text;
    const expr = parseExpression(this.expandVariables(source));
    const evaluator = this.evaluator(stateName);
    return evaluator.measures.evaluate(expr, chartTarget(evaluator.scope, []))[0] ?? null;
  }

  /**
   * The matcher of an `=expr` field search (Field.Select('=Sum(X)>10')): the
   * expression evaluated once per value of the field over the state's
   * possible records, true where it is a non-zero number. Undefined for
   * searches that are no expressions.
   */
  searchMatcher(
    fieldName: string,
    search: string,
    stateName: string,
  ): ExpressionMatcher | undefined {
    const trimmed = search.trim();
    if (!trimmed.startsWith('=')) return undefined;
    const field = this.model.findField(fieldName);
    if (!field)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Field not found: ${fieldName}`, {
        parameter: fieldName,
      });
    const expr = parseExpression(this.expandVariables(trimmed.slice(1)));
    const evaluator = this.evaluator(stateName);
    const target = chartTarget(evaluator.scope, [field.name]);
    const values = evaluator.measures.evaluate(expr, target);
    const truth = new Uint8Array(field.cardinality);
    const symbols = target.index.keys[0];
    for (let group = 0; symbols && group < target.index.count; group++) {
      const symbol = symbols[group]!;
      const value = values[group] ?? null;
      const num = value === null ? NaN : numberOf(value);
      if (symbol >= 0 && !Number.isNaN(num) && num !== 0) truth[symbol] = 1;
    }
    return (symbol) => truth[symbol] === 1;
  }

  /**
   * CheckNumberOrExpression: a number written with the app's separators is
   * fine as it is; anything else is checked as an expression.
   */
  checkNumberOrExpression(text: string): Pick<ExpressionCheck, 'qErrorMsg' | 'qBadFieldNames'> {
    if (!Number.isNaN(parseNumber(text, undefined, this.settings)))
      return { qErrorMsg: '', qBadFieldNames: [] };
    const { qErrorMsg, qBadFieldNames } = this.checkExpression(text);
    return { qErrorMsg, qBadFieldNames };
  }

  /** CheckExpression: the syntax error, if any, and the names that are no fields (over the expanded text). */
  checkExpression(text: string, labels: readonly string[] = []): ExpressionCheck {
    let expanded: string;
    try {
      expanded = this.expandVariables(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { qErrorMsg: message, qBadFieldNames: [], qDangerousFieldNames: [] };
    }
    return checkExpression(expanded, {
      isField: (name) => this.model.findField(name) !== undefined,
      isVariable: (name) => this.variable(name) !== undefined,
      labels,
    });
  }

  /** The selections a state's charts compute over: the basis when there is one, else the current ones. */
  dataOf(stateName: string): SelectionResult {
    return this.basis?.(stateName) ?? this.state(stateName).result();
  }

  /** What a computation reads besides its definition: format, app functions, other states and bookmarks. */
  options(): HyperCubeOptions {
    return {
      format: this.settings,
      functions: this.appFunctions(),
      states: (name: string) => this.otherState(name),
      bookmarks: (id: string) => {
        this.shared.readBookmark(id);
        const snapshot = this.bookmark(id);
        return snapshot ? fromSnapshot(this.model, snapshot) : undefined;
      },
    };
  }

  /** A hypercube definition with its master items resolved and its dollar-sign expansions done. */
  expandDef(def: Json): Json {
    return JSON.parse(
      JSON.stringify(resolveLibraryItems(def, this.library)),
      (key, value: unknown) =>
        (key === 'qDef' ||
          key === 'qLabelExpression' ||
          key === 'qExpression' ||
          key === 'qFieldDefs') &&
        typeof value === 'string'
          ? this.expandVariables(value)
          : Array.isArray(value) && key === 'qFieldDefs'
            ? value.map((item: unknown) =>
                typeof item === 'string' ? this.expandVariables(item) : item,
              )
            : value,
    ) as Json;
  }

  /** The evaluator of expressions over a state's selections. */
  private evaluator(stateName: string): ReturnType<typeof chartEvaluator> {
    return chartEvaluator(this.model, this.dataOf(stateName), this.options(), this.settings);
  }

  /** The current selections of a state an expression names, recorded as read; undefined for a state that does not exist. */
  private otherState(name: string): SelectionResult | undefined {
    try {
      this.shared.readState(name);
      return this.state(name).result();
    } catch {
      return undefined;
    }
  }

  /** The app's functions (field selections, document and user), bound to this computation. */
  private appFunctions(): ReadonlyMap<string, ScalarFunction> {
    this.functionsCache ??= appFunctions({
      model: this.model,
      timestampFormat: this.settings.timestampFormat,
      ...(this.documentInfo?.() ?? {
        documentName: '',
        documentTitle: '',
        reloadTime: null,
        userId: '',
      }),
      selections: (name) => this.otherState(name),
    });
    return this.functionsCache;
  }

  /**
   * Dollar-sign expansion before parsing, as charts do: `$(name)` is the
   * variable's definition, or its value when the definition starts with `=`;
   * `$(=expr)` is the expression's value. Unknown names expand to nothing.
   */
  private expandVariables(text: string): string {
    if (!text.includes('$(')) return text;
    return expandDollars(text, (nameOrExpression, isExpression) => {
      if (isExpression) return this.valueText(nameOrExpression);
      const name = nameOrExpression.trim();
      const definition = this.variable(name);
      if (definition === undefined || !definition.trim().startsWith('=')) return definition;
      const key = name.toLowerCase();
      if (this.expanding.has(key)) return undefined;
      this.expanding.add(key);
      try {
        return this.valueText(definition.trim().slice(1));
      } finally {
        this.expanding.delete(key);
      }
    });
  }

  /** The text of an expression's value over the default state, for an expansion. */
  private valueText(expression: string): string {
    const value = this.evaluate(expression, '$');
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' ? value : String(value.text);
  }
}
