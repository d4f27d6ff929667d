import type { Value } from '../value/Value.js';
import type { EvalContext } from './EvalContext.js';

/** An expression compiled once into a function evaluated per row. */
export type CompiledExpression = (ctx: EvalContext) => Value;
