import type { Value } from '../../value/Value.js';
import type { FunctionContext } from '../FunctionGroup.js';

/**
 * The families of Qlik's aggregation reference ("Aggregation functions"),
 * plus `nested` for Aggr() and `script` for the load-order aggregations only
 * a LOAD ... GROUP BY has (FirstValue, LastValue).
 */
export type AggregationFamily =
  | 'basic'
  | 'counter'
  | 'financial'
  | 'statistical'
  | 'statisticalTest'
  | 'string'
  | 'nested'
  | 'script';

/**
 * One argument of an aggregation. A `row` argument is evaluated for every
 * record of the group (the values aggregated, a sort weight, a second
 * series); a `constant` one once per call (Fractile's fraction, Concat's
 * delimiter, NPV's rate, Min's rank).
 */
export interface AggregationParam {
  readonly name: string;
  readonly role: 'row' | 'constant';
  readonly optional?: boolean;
}

/** What an aggregation kernel reduces: one group's records. */
export interface AggregationGroup {
  /**
   * One column per `row` parameter, in parameter order, each holding one
   * value per record of the group (NULL included), in record order. An
   * optional row parameter that was not given has no column.
   */
  readonly columns: readonly (readonly Value[])[];
  /** One value per `constant` parameter, in parameter order; undefined when not given. */
  readonly constants: readonly (Value | undefined)[];
}

/**
 * The plain-number kernels the chart engine runs column-wise (one pass over
 * typed arrays, no value per row) when the call allows it.
 */
export type ColumnarKernel = 'sum' | 'avg' | 'min' | 'max' | 'count';

/**
 * An aggregation function: the one description the expression parser, the
 * chart engine, LOAD ... GROUP BY, GetBNF and GetFunctions all read.
 */
export interface AggregationSpec {
  /** The name as Qlik's reference writes it (`Sum`, `LINEST_M`, `TTest1w_conf`). */
  readonly name: string;
  /** The upper-cased name calls are matched by. */
  readonly key: string;
  readonly family: AggregationFamily;
  readonly params: readonly AggregationParam[];
  /** Whether DISTINCT may qualify the call. */
  readonly distinct: boolean;
  /** Where it may be used. Chart calls also take a set expression and TOTAL. */
  readonly contexts: readonly FunctionContext[];
  /** Whether the last parameter may repeat (Aggr's dimensions). */
  readonly variadic?: boolean;
  /** Whether `*` may stand for the records themselves (Count(*)). */
  readonly star?: boolean;
  /** The kernel: one group's records reduced to one value. */
  readonly reduce: (group: AggregationGroup) => Value;
  /** A column-wise kernel computing the same as `reduce` over plain numbers, when one exists. */
  readonly columnar?: ColumnarKernel;
  /** The value of a group without records (0 for the sums and counts, else NULL). */
  readonly empty: Value;
  /** The syntax as Qlik's reference shows it, for GetFunctions. */
  readonly signature: string;
}

/** Lowest and highest number of arguments a call may pass. */
export function arityOf(spec: AggregationSpec): { min: number; max: number } {
  return {
    min: spec.params.filter((param) => !param.optional).length,
    max: spec.variadic ? Infinity : spec.params.length,
  };
}
