// The expression layer's public surface, for the package index and the layers above.
export type * from './Expr.js';
export type { EvalContext, ScalarFunction } from './EvalContext.js';
export type { CompiledExpression } from './CompiledExpression.js';
export type { CompileOptions } from './CompileOptions.js';
export type { ParseResult } from './ParseResult.js';
export type { FunctionSpec } from './FunctionSpec.js';
export type { DollarResolver } from './expandDollars.js';
export {
  ExpressionError,
  type ExpressionErrorCode,
  type SourcePosition,
} from './ExpressionError.js';
export { parseExpression } from './parseExpression.js';
export { parseExpressionAt } from './parseExpressionAt.js';
export { compileExpression } from './compileExpression.js';
export { evaluate } from './evaluate.js';
export { expandDollars } from './expandDollars.js';
export {
  AGGREGATIONS,
  aggregationOf,
  isAggregationFunction,
} from './aggregations/aggregationRegistry.js';
export type {
  AggregationFamily,
  AggregationGroup,
  AggregationParam,
  AggregationSpec,
  ColumnarKernel,
} from './aggregations/AggregationSpec.js';
export type { FunctionContext, FunctionGroup } from './FunctionGroup.js';
export { BUILTIN_FUNCTIONS } from './functions/builtinFunctions.js';
export { BINARY_OPERATIONS } from './binaryOperators.js';
export { UNARY_OPERATIONS } from './unaryOperators.js';
