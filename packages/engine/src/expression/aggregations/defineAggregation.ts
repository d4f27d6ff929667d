import type { Value } from '../../value/Value.js';
import type { FunctionContext } from '../FunctionGroup.js';
import type {
  AggregationFamily,
  AggregationGroup,
  AggregationParam,
  AggregationSpec,
  ColumnarKernel,
} from './AggregationSpec.js';

/** A row parameter (evaluated per record). */
export function row(name: string, optional = false): AggregationParam {
  return { name, role: 'row', optional };
}

/** A constant parameter (evaluated once per call). */
export function constant(name: string, optional = true): AggregationParam {
  return { name, role: 'constant', optional };
}

const BOTH: readonly FunctionContext[] = ['script', 'chart'];

/** How an aggregation differs from the common case (script and chart, DISTINCT allowed, NULL when empty). */
export interface AggregationOptions {
  readonly distinct?: boolean;
  readonly contexts?: readonly FunctionContext[];
  readonly columnar?: ColumnarKernel;
  readonly empty?: Value;
  readonly star?: boolean;
  readonly variadic?: boolean;
}

/** Builds an aggregation's spec; the signature is written from its parameters. */
export function defineAggregation(
  name: string,
  family: AggregationFamily,
  params: readonly AggregationParam[],
  reduce: (group: AggregationGroup) => Value,
  options: AggregationOptions = {},
): AggregationSpec {
  const distinct = options.distinct ?? true;
  return {
    name,
    key: name.toUpperCase(),
    family,
    params,
    distinct,
    contexts: options.contexts ?? BOTH,
    star: options.star,
    variadic: options.variadic,
    reduce,
    columnar: options.columnar,
    empty: options.empty ?? null,
    signature: signatureOf(name, params, distinct, options.variadic ?? false),
  };
}

// `Sum([DISTINCT] expr)`, `Fractile(expr, fraction)`, `Min(expr [, rank])`.
function signatureOf(
  name: string,
  params: readonly AggregationParam[],
  distinct: boolean,
  variadic: boolean,
): string {
  let text = '';
  params.forEach((param, i) => {
    const part = (i > 0 ? ', ' : '') + param.name;
    text += param.optional ? ` [${part}` : part;
  });
  if (variadic) text += ` {, ${params[params.length - 1]!.name}}`;
  text += ']'.repeat(params.filter((param) => param.optional).length);
  return `${name}(${distinct ? '[DISTINCT] ' : ''}${text.trim()})`;
}
