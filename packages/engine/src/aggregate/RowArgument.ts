import type { Value } from '../value/Value.js';
import type { FrameField } from './ChartScope.js';
import type { ColumnKernel } from './columnKernel.js';

/**
 * An aggregation's argument evaluated for every item it aggregates (frame
 * rows, or the rows of an Aggr virtual table), in the cheapest form that
 * still answers the aggregation:
 * - `field`: a plain field, read through its codes (per-symbol numbers);
 * - `numbers`: a computed number per item, NaN for null;
 * - `computed`: a column kernel not run yet: a grouped Sum, Avg, Min, Max or
 *   Count runs it straight into its accumulators, anything else into numbers;
 * - `values`: a computed value per item;
 * - `star`: `Count(*)`, only the items themselves count.
 */
export type RowArgument =
  | { readonly kind: 'field'; readonly source: FrameField; readonly nums: Float64Array }
  | { readonly kind: 'numbers'; readonly values: Float64Array }
  | { readonly kind: 'computed'; readonly kernel: ColumnKernel }
  | { readonly kind: 'values'; readonly values: readonly Value[] }
  | { readonly kind: 'star'; readonly length: number };
