import type { FunctionSpec, FunctionTable } from '../FunctionSpec.js';
import { CLOCK_FUNCTIONS } from './clockFunctions.js';
import { COLOR_FUNCTIONS } from './colorFunctions.js';
import { CONDITIONAL_FUNCTIONS } from './conditionalFunctions.js';
import { DATE_FUNCTIONS } from './dateFunctions.js';
import { DISTRIBUTION_FUNCTIONS } from './distributionFunctions.js';
import { EXPONENTIAL_FUNCTIONS } from './exponentialFunctions.js';
import { FINANCIAL_FUNCTIONS } from './financialFunctions.js';
import { FORMATTING_FUNCTIONS, INTERPRETATION_FUNCTIONS } from './formattingFunctions.js';
import { HASH_FUNCTIONS } from './hashFunctions.js';
import { LOGICAL_FUNCTIONS } from './logicalFunctions.js';
import { MATH_CONSTANT_FUNCTIONS } from './mathConstantFunctions.js';
import { NULL_FUNCTIONS } from './nullFunctions.js';
import { NUMERIC_FUNCTIONS } from './numericFunctions.js';
import { PERIOD_FUNCTIONS } from './periodFunctions.js';
import { RANGE_FUNCTIONS } from './rangeFunctions.js';
import { REGEX_FUNCTIONS } from './regexFunctions.js';
import { STRING_FUNCTIONS } from './stringFunctions.js';
import { SYSTEM_FUNCTIONS } from './systemFunctions.js';
import { TRIGONOMETRIC_FUNCTIONS } from './trigonometricFunctions.js';

/** The families of scalar functions, one table per Qlik function group. */
export const FUNCTION_FAMILIES: readonly FunctionTable[] = [
  STRING_FUNCTIONS,
  REGEX_FUNCTIONS,
  HASH_FUNCTIONS,
  NUMERIC_FUNCTIONS,
  EXPONENTIAL_FUNCTIONS,
  TRIGONOMETRIC_FUNCTIONS,
  MATH_CONSTANT_FUNCTIONS,
  RANGE_FUNCTIONS,
  CONDITIONAL_FUNCTIONS,
  LOGICAL_FUNCTIONS,
  NULL_FUNCTIONS,
  FORMATTING_FUNCTIONS,
  INTERPRETATION_FUNCTIONS,
  DATE_FUNCTIONS,
  PERIOD_FUNCTIONS,
  CLOCK_FUNCTIONS,
  COLOR_FUNCTIONS,
  DISTRIBUTION_FUNCTIONS,
  FINANCIAL_FUNCTIONS,
  SYSTEM_FUNCTIONS,
];

/** Every built-in scalar function, keyed by upper-cased name. */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  FUNCTION_FAMILIES.flatMap((family) => Object.entries(family)),
);
