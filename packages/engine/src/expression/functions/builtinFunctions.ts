import type { FunctionSpec } from '../FunctionSpec.js';
import { COLOR_FUNCTIONS } from './colorFunctions.js';
import { CONDITIONAL_FUNCTIONS } from './conditionalFunctions.js';
import { CONVERSION_FUNCTIONS } from './conversionFunctions.js';
import { DATE_FUNCTIONS } from './dateFunctions.js';
import { HASH_FUNCTIONS } from './hashFunctions.js';
import { NUMERIC_FUNCTIONS } from './numericFunctions.js';
import { PERIOD_FUNCTIONS } from './periodFunctions.js';
import { RANGE_FUNCTIONS } from './rangeFunctions.js';
import { STRING_FUNCTIONS } from './stringFunctions.js';

/** Every built-in scalar function, keyed by upper-cased name. */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  Object.entries({
    ...STRING_FUNCTIONS,
    ...NUMERIC_FUNCTIONS,
    ...RANGE_FUNCTIONS,
    ...CONDITIONAL_FUNCTIONS,
    ...CONVERSION_FUNCTIONS,
    ...DATE_FUNCTIONS,
    ...PERIOD_FUNCTIONS,
    ...HASH_FUNCTIONS,
    ...COLOR_FUNCTIONS,
  }),
);
