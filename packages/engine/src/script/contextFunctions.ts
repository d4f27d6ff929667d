import { hostname } from 'node:os';
import type { EvalContext, ScalarFunction } from '../expression/EvalContext.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import { keyOf, type ValueKey } from './ColumnBuilder.js';
import { LoadContext } from './LoadContext.js';
import { lookupFunction } from './lookupFunction.js';
import { fileFunctions, type FileFunctionHost } from './fileFunctions.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptTable } from './ScriptTable.js';

/** What the script functions read from the running script. */
export interface ScriptFunctionHost extends FileFunctionHost {
  mapping(name: string): ReadonlyMap<ValueKey, Value> | undefined;
  table(name: string): ScriptTable | undefined;
  tableNames(): readonly string[];
  /** The table the current LOAD is writing, for Peek() and Exists(). */
  currentOutput(): ScriptTable | undefined;
  /** Whether the script runs as a partial reload (IsPartialReload). */
  isPartialReload(): boolean;
  /** The id of the app being reloaded, which DocumentName() answers; undefined outside an app. */
  appId(): string | undefined;
  /** Whether any loaded table (or the LOAD in progress) holds `value` in `field`. */
  fieldHasValue(field: string, value: Value): boolean;
  /** A field's distinct values over the loaded tables, in load order. */
  fieldValues(field: string): readonly Value[];
}

/**
 * Functions only a running script knows: record counters, mapping lookups,
 * table inspection and the file functions. The evaluator prefers them over its
 * built-in library.
 */
export function contextFunctions(host: ScriptFunctionHost): ReadonlyMap<string, ScalarFunction> {
  const load = (ctx: EvalContext): LoadContext | undefined =>
    ctx instanceof LoadContext ? ctx : undefined;
  const autoNumbers = new Map<string, Map<ValueKey, number>>();
  const entries: [string, ScalarFunction][] = [
    ['AUTONUMBER', (args) => autoNumber(autoNumbers, args)],
    ['AUTONUMBERHASH128', (args) => autoNumber(autoNumbers, [combined(args), '\u0000hash128'])],
    ['AUTONUMBERHASH256', (args) => autoNumber(autoNumbers, [combined(args), '\u0000hash256'])],
    [
      'FIELDVALUE',
      (args) => host.fieldValues(toText(args[0] ?? null))[toNumber(args[1] ?? null) - 1] ?? null,
    ],
    [
      'FIELDINDEX',
      (args) => {
        const wanted = args[1] ?? null;
        if (wanted === null) return 0;
        const key = keyOf(wanted);
        return (
          host
            .fieldValues(toText(args[0] ?? null))
            .findIndex((v) => v !== null && keyOf(v) === key) + 1
        );
      },
    ],
    ['FIELDVALUECOUNT', (args) => host.fieldValues(toText(args[0] ?? null)).length],
    ['RECNO', (_, ctx) => load(ctx)?.recNo ?? null],
    [
      'ROWNO',
      (_, ctx) => {
        const c = load(ctx);
        return c ? c.rowNo + 1 : null;
      },
    ],
    ['ITERNO', (_, ctx) => load(ctx)?.iterNo ?? null],
    ['APPLYMAP', (args) => applyMap(host, args)],
    ['MAPSUBSTRING', (args) => mapSubString(host, args)],
    ['PEEK', (args) => peek(host, args)],
    ['LOOKUP', lookupFunction(host.table, host.currentOutput)],
    [
      'EXISTS',
      (args, ctx) =>
        host.fieldHasValue(
          toText(args[0]),
          args.length > 1 ? args[1] : (ctx.field(toText(args[0])) ?? null),
        )
          ? -1
          : 0,
    ],
    ['NOOFROWS', (args) => host.table(toText(args[0]))?.rowCount ?? null],
    ['NOOFFIELDS', (args) => host.table(toText(args[0]))?.columns.length ?? null],
    ['NOOFTABLES', () => host.tableNames().length],
    ['TABLENAME', (args) => host.tableNames()[toNumber(args[0])] ?? null],
    [
      'TABLENUMBER',
      (args) => {
        const at = host.tableNames().indexOf(toText(args[0]));
        return at < 0 ? null : at;
      },
    ],
    [
      'FIELDNAME',
      (args) => host.table(toText(args[1]))?.columns[toNumber(args[0]) - 1]?.name ?? null,
    ],
    [
      'FIELDNUMBER',
      (args) => {
        const table = host.table(toText(args[1] ?? null));
        if (!table) return 0;
        const at = table.columns.findIndex((column) => column.name === toText(args[0] ?? null));
        return at + 1;
      },
    ],
    ['ISPARTIALRELOAD', () => (host.isPartialReload() ? -1 : 0)],
    // The system functions a script can answer: the app (its id, as charts answer) and the machine.
    ['DOCUMENTNAME', () => host.appId() ?? null],
    ['DOCUMENTPATH', () => host.appId() ?? null],
    ['COMPUTERNAME', () => hostname()],
    ...fileFunctions(host),
  ];
  return new Map(entries);
}

function mappingOf(host: ScriptFunctionHost, name: Value): ReadonlyMap<ValueKey, Value> {
  const mapping = host.mapping(toText(name));
  if (!mapping)
    throw new ScriptFault('SCRIPT_RUNTIME', `Mapping table '${toText(name)}' not found`);
  return mapping;
}

/** ApplyMap('map', value [, default]): the mapped value, else the default, else the value itself. */
function applyMap(host: ScriptFunctionHost, args: readonly Value[]): Value {
  const mapping = mappingOf(host, args[0] ?? null);
  const value = args[1] ?? null;
  const mapped = value === null ? undefined : mapping.get(keyOf(value));
  if (mapped !== undefined) return mapped;
  return args.length > 2 ? (args[2] ?? null) : value;
}

/** MapSubString('map', text): replaces every occurrence of a mapping key in the text, longest keys first. */
function mapSubString(host: ScriptFunctionHost, args: readonly Value[]): Value {
  const mapping = mappingOf(host, args[0] ?? null);
  const text = toText(args[1] ?? null);
  const keys = [...mapping.keys()]
    .map(String)
    .filter((k) => k !== '')
    .sort((a, b) => b.length - a.length);
  let out = '';
  let pos = 0;
  while (pos < text.length) {
    const key = keys.find((k) => text.startsWith(k, pos));
    if (key === undefined) {
      out += text[pos++];
      continue;
    }
    const numeric = Number(key);
    out += toText(mapping.get(key) ?? mapping.get(numeric) ?? null);
    pos += key.length;
  }
  return out;
}

/** Peek('field' [, row [, 'table']]): a value of an already loaded row; negative rows count from the end. */
function peek(host: ScriptFunctionHost, args: readonly Value[]): Value {
  const table = args.length > 2 ? host.table(toText(args[2])) : host.currentOutput();
  if (!table) return null;
  const column = table.column(toText(args[0] ?? null));
  const requested = args.length > 1 ? toNumber(args[1]) : -1;
  const row = requested < 0 ? table.rowCount + requested : requested;
  if (!column || !Number.isInteger(row) || row < 0 || row >= table.rowCount) return null;
  return column.valueAt(row);
}

/** The arguments of AutoNumberHash128/256 as one key: a null argument keeps its place. */
function combined(args: readonly Value[]): Value {
  return args.map((arg) => (arg === null ? '\u0000' : String(keyOf(arg)))).join('\u0001');
}

/** AutoNumber(value [, 'counter']): 1, 2, 3... per distinct value, one sequence per counter name. */
function autoNumber(counters: Map<string, Map<ValueKey, number>>, args: readonly Value[]): Value {
  const value = args[0] ?? null;
  if (value === null) return null;
  const name = args.length > 1 ? toText(args[1] ?? null) : '';
  let counter = counters.get(name);
  if (!counter) {
    counter = new Map();
    counters.set(name, counter);
  }
  const key = keyOf(value);
  let number = counter.get(key);
  if (number === undefined) {
    number = counter.size + 1;
    counter.set(key, number);
  }
  return number;
}
