import { irr, npv, xirr, xnpv } from '../math/financialMath.js';
import type { AggregationSpec } from './AggregationSpec.js';
import { constant, defineAggregation, row } from './defineAggregation.js';
import { constantNumber, numberResult, numbersOf, numericRows } from './groupReaders.js';

/**
 * Financial aggregation functions: IRR and NPV over payments at regular
 * periods in record order, XIRR and XNPV over dated payments.
 */
export const FINANCIAL_AGGREGATIONS: readonly AggregationSpec[] = [
  defineAggregation(
    'IRR',
    'financial',
    [row('value')],
    ({ columns }) => numberResult(irr(numbersOf(columns[0]!))),
    { distinct: false },
  ),
  defineAggregation(
    'NPV',
    'financial',
    [constant('discount_rate', false), row('value')],
    ({ columns, constants }) =>
      numberResult(npv(constantNumber(constants[0], NaN), numbersOf(columns[0]!))),
    { distinct: false },
  ),
  defineAggregation(
    'XIRR',
    'financial',
    [row('pmt'), row('date')],
    ({ columns }) => {
      const [payments, dates] = numericRows([columns[0]!, columns[1]!]);
      return numberResult(xirr(payments!, dates!));
    },
    { distinct: false },
  ),
  defineAggregation(
    'XNPV',
    'financial',
    [constant('discount_rate', false), row('pmt'), row('date')],
    ({ columns, constants }) => {
      const [payments, dates] = numericRows([columns[0]!, columns[1]!]);
      return numberResult(xnpv(constantNumber(constants[0], NaN), payments!, dates!));
    },
    { distinct: false },
  ),
];
