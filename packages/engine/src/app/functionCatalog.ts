import { AGGREGATIONS } from '../expression/aggregations/aggregationRegistry.js';
import { CHART_FUNCTIONS } from '../expression/chartFunctions.js';
import type { FunctionContext, FunctionGroup } from '../expression/FunctionGroup.js';
import { BUILTIN_FUNCTIONS } from '../expression/functions/builtinFunctions.js';
import { APP_FUNCTION_INFO } from './appFunctions.js';
import { SCRIPT_FUNCTION_INFO } from './scriptFunctionInfo.js';

/** One function of the engine as GetFunctions and GetBNF describe it. */
export interface FunctionInfo {
  readonly name: string;
  readonly group: FunctionGroup;
  readonly signature: string;
  readonly aggregation: boolean;
  /** Where it may be called: the load script, chart expressions, or both. */
  readonly contexts: readonly FunctionContext[];
}

const BOTH: readonly FunctionContext[] = ['script', 'chart'];

/**
 * Every function the engine knows, read from the registries that compute
 * them: the aggregations, the scalar families, the chart inter-record and
 * ranking functions, and the script's own functions.
 */
export const FUNCTION_CATALOG: readonly FunctionInfo[] = [
  ...[...AGGREGATIONS.values()].map((spec) => ({
    name: spec.name,
    group: 'AGGR' as const,
    signature: spec.signature,
    aggregation: true,
    contexts: spec.contexts,
  })),
  ...[...BUILTIN_FUNCTIONS.values()].map((spec) => ({
    name: spec.name,
    group: spec.group,
    signature: spec.signature,
    aggregation: false,
    contexts: spec.contexts ?? BOTH,
  })),
  ...[...CHART_FUNCTIONS.values()].map((spec) => ({
    name: spec.name,
    group: spec.group,
    signature: spec.signature,
    aggregation: false,
    contexts: ['chart'] as const,
  })),
  ...SCRIPT_FUNCTION_INFO.map((info) => ({
    name: info.name,
    group: info.group,
    signature: `${info.name}(${info.params})`,
    aggregation: false,
    contexts: ['script'] as const,
  })),
  ...APP_FUNCTION_INFO.map((info) => ({
    name: info.name,
    group: info.group,
    signature: `${info.name}(${info.params})`,
    aggregation: false,
    contexts: ['chart'] as const,
  })),
  // Evaluate() is compiled by the expression compiler itself.
  {
    name: 'Evaluate',
    group: 'STR',
    signature: 'Evaluate(expression_text)',
    aggregation: false,
    contexts: BOTH,
  },
];

/** The spec's long group names (FUNC_GROUP_...) and the short ones they stand for. */
const LONG_GROUP_NAMES: Readonly<Record<string, FunctionGroup>> = {
  FUNC_GROUP_AGGR: 'AGGR',
  FUNC_GROUP_NUMERIC: 'NUM',
  FUNC_GROUP_RANGE: 'RNG',
  FUNC_GROUP_EXPONENTIAL_AND_LOGARITHMIC: 'EXP',
  FUNC_GROUP_TRIGONOMETRIC_AND_HYPERBOLIC: 'TRIG',
  FUNC_GROUP_FINANCIAL: 'FIN',
  FUNC_GROUP_MATH_CONSTANT_AND_PARAM_FREE: 'MATH',
  FUNC_GROUP_COUNTER: 'COUNT',
  FUNC_GROUP_STRING: 'STR',
  FUNC_GROUP_MAPPING: 'MAPP',
  FUNC_GROUP_INTER_RECORD: 'RCRD',
  FUNC_GROUP_CONDITIONAL: 'CND',
  FUNC_GROUP_LOGICAL: 'LOG',
  FUNC_GROUP_NULL: 'NULL',
  FUNC_GROUP_SYSTEM: 'SYS',
  FUNC_GROUP_FILE: 'FILE',
  FUNC_GROUP_TABLE: 'TBL',
  FUNC_GROUP_DATE_AND_TIME: 'DATE',
  FUNC_GROUP_NUMBER_INTERPRET: 'NUMI',
  FUNC_GROUP_FORMATTING: 'FRMT',
  FUNC_GROUP_COLOR: 'CLR',
  FUNC_GROUP_RANKING: 'RNK',
  FUNC_GROUP_GEO: 'GEO',
  FUNC_GROUP_PROBABILITY: 'PROB',
};

/**
 * GetFunctions: the functions of one group (short or FUNC_GROUP_ name),
 * every function for ALL or no group. A group no function has lists none.
 */
export function functionsOfGroup(
  group?: string,
): { qName: string; qGroup: FunctionGroup; qSignature: string }[] {
  const wanted =
    group === undefined || group === '' || group === 'ALL' || group === 'FUNC_GROUP_ALL'
      ? undefined
      : (LONG_GROUP_NAMES[group] ?? group);
  // RowNo and NoOfRows are both chart and script functions: listed once, as the chart's.
  const seen = new Set<string>();
  return FUNCTION_CATALOG.filter((info) => {
    const key = info.name.toUpperCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return wanted === undefined || info.group === wanted;
  }).map((info) => ({ qName: info.name, qGroup: info.group, qSignature: info.signature }));
}
