import { hostname } from 'node:os';
import type { ScalarFunction } from '../expression/EvalContext.js';
import type { FunctionGroup } from '../expression/FunctionGroup.js';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import { serialFromDate } from '../value/dateSerial.js';
import { formatDate } from '../value/formatDate.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import { isTrue } from '../value/truth.js';
import { Dual, type Value } from '../value/Value.js';

/** What the app's own chart functions read: the document, the user and the selections. */
export interface AppFunctionHost {
  readonly model: DataModel;
  readonly documentName: string;
  readonly documentTitle: string;
  /** When the data was last reloaded (ISO 8601), if ever. */
  readonly reloadTime: string | null;
  readonly userDirectory?: string;
  readonly userId: string;
  readonly timestampFormat: string;
  /** The selections of a state ('$' the default); undefined when there is no such state. */
  selections(stateName: string): SelectionResult | undefined;
}

/** A function the app provides to chart expressions, with its Qlik group and syntax. */
interface AppFunction {
  readonly name: string;
  readonly group: FunctionGroup;
  readonly params: string;
  readonly make: (host: AppFunctionHost) => ScalarFunction;
}

/** The selections and field of a field function's arguments; undefined when either is unknown. */
function fieldAndState(
  host: AppFunctionHost,
  fieldName: Value | undefined,
  stateName: Value | undefined,
): { field: Field; state: SelectionResult } | undefined {
  const field = host.model.findField(toText(fieldName ?? null));
  const state = host.selections(
    stateName === undefined || stateName === null ? '$' : toText(stateName),
  );
  return field && state ? { field, state } : undefined;
}

/**
 * GetFieldSelections' text of a field's selection: the values while there
 * are at most `max`, 'NOT' and the values left out while those are at most
 * `max`, 'ALL' when every value is selected, else 'x of y'; NULL when
 * nothing is selected.
 */
function selectionText(
  field: Field,
  state: SelectionResult,
  separator: string,
  max: number,
): Value {
  const selected = state.selection(field)?.values;
  if (!selected || selected.isEmpty) return null;
  const total = field.cardinality;
  const count = selected.size;
  const texts = (pick: boolean) => {
    const out: string[] = [];
    for (let s = 0; s < total; s++) if (selected.has(s) === pick) out.push(field.symbols.text(s));
    return out.join(separator);
  };
  if (count === total && count > max) return 'ALL';
  if (count <= max) return texts(true);
  if (total - count <= max) return `NOT ${texts(false)}`;
  return `${count} of ${total}`;
}

type Counts = ReturnType<SelectionResult['stateCounts']>;

/**
 * A count of a field's values by state. `excludedAt` is where the
 * include_excluded flag is (when the function has one), `stateAt` where the
 * state name is.
 */
function counted(
  pick: (counts: Counts, withExcluded: boolean) => number,
  stateAt: number,
  excludedAt?: number,
): (host: AppFunctionHost) => ScalarFunction {
  return (host) => (args) => {
    const found = fieldAndState(host, args[0], args[stateAt]);
    if (!found) return null;
    const flag = excludedAt === undefined ? undefined : args[excludedAt];
    const withExcluded = flag !== undefined && flag !== null && isTrue(flag);
    return pick(found.state.stateCounts(found.field), withExcluded);
  };
}

const APP_FUNCTIONS: readonly AppFunction[] = [
  {
    name: 'GetFieldSelections',
    group: 'SYS',
    params: 'field_name [, value_sep [, max_values [, state_name]]]',
    make: (host) => (args) => {
      const found = fieldAndState(host, args[0], args[3]);
      if (!found) return null;
      const separator = args[1] === undefined || args[1] === null ? ', ' : toText(args[1]);
      const max = args[2] === undefined || args[2] === null ? 6 : toNumber(args[2]);
      return selectionText(found.field, found.state, separator, max);
    },
  },
  {
    name: 'GetCurrentSelections',
    group: 'SYS',
    params: '[record_sep [, tag_sep [, value_sep [, max_values [, state_name]]]]]',
    make: (host) => (args) => {
      const text = (i: number, fallback: string) =>
        args[i] === undefined || args[i] === null ? fallback : toText(args[i]!);
      const state = host.selections(text(4, '$'));
      if (!state) return null;
      const max = args[3] === undefined || args[3] === null ? 6 : toNumber(args[3]);
      const lines: string[] = [];
      for (const index of state.selections.keys()) {
        const field = host.model.fields[index]!;
        const values = selectionText(field, state, text(2, ', '), max);
        if (values !== null) lines.push(`${field.name}${text(1, ': ')}${toText(values)}`);
      }
      return lines.length === 0 ? null : lines.join(text(0, '\r\n'));
    },
  },
  {
    name: 'GetSelectedCount',
    group: 'SYS',
    params: 'field_name [, include_excluded [, state_name]]',
    make: counted(
      (c, withExcluded) =>
        c.qSelected + c.qLocked + (withExcluded ? c.qSelectedExcluded + c.qLockedExcluded : 0),
      2,
      1,
    ),
  },
  {
    name: 'GetPossibleCount',
    group: 'SYS',
    params: 'field_name [, state_name]',
    make: counted((c) => c.qSelected + c.qLocked + c.qOption, 1),
  },
  {
    name: 'GetExcludedCount',
    group: 'SYS',
    params: 'field_name [, state_name]',
    make: counted((c) => c.qAlternative + c.qExcluded + c.qSelectedExcluded + c.qLockedExcluded, 1),
  },
  {
    name: 'GetAlternativeCount',
    group: 'SYS',
    params: 'field_name [, state_name]',
    make: counted((c) => c.qAlternative, 1),
  },
  {
    name: 'GetNotSelectedCount',
    group: 'SYS',
    params: 'fieldname [, include_excluded [, state_name]]',
    make: counted(
      (c, withExcluded) =>
        c.qDeselected + c.qOption + (withExcluded ? c.qExcluded + c.qAlternative : 0),
      2,
      1,
    ),
  },
  { name: 'DocumentName', group: 'SYS', params: '', make: (host) => () => host.documentName },
  { name: 'DocumentTitle', group: 'SYS', params: '', make: (host) => () => host.documentTitle },
  { name: 'DocumentPath', group: 'SYS', params: '', make: (host) => () => host.documentName },
  {
    name: 'ReloadTime',
    group: 'SYS',
    params: '',
    make: (host) => () => {
      if (!host.reloadTime) return null;
      const serial = serialFromDate(new Date(host.reloadTime));
      return new Dual(formatDate(serial, host.timestampFormat), serial);
    },
  },
  {
    name: 'OSUser',
    group: 'SYS',
    params: '',
    make: (host) => () =>
      host.userDirectory === undefined
        ? `UserId=${host.userId}`
        : `UserDirectory=${host.userDirectory}; UserId=${host.userId}`,
  },
  { name: 'ComputerName', group: 'SYS', params: '', make: () => () => hostname() },
];

/** The app's chart functions (field selections, document and user information), with their group and syntax. */
export const APP_FUNCTION_INFO: readonly Pick<AppFunction, 'name' | 'group' | 'params'>[] =
  APP_FUNCTIONS;

/** The app's chart functions bound to a host, keyed by upper-cased name, for `EvalContext.functions`. */
export function appFunctions(host: AppFunctionHost): ReadonlyMap<string, ScalarFunction> {
  return new Map(APP_FUNCTIONS.map((fn) => [fn.name.toUpperCase(), fn.make(host)]));
}
