import type { Expr } from '../expression/Expr.js';
import { parseExpression } from '../expression/parseExpression.js';
import { HyperCubeError } from './HyperCubeError.js';

/** Parses measure `m`'s definition (a leading `=` allowed); LOCERR_CALC_INVALID_DEF when it is empty or wrong. */
export function parseMeasure(source: string | undefined, m: number): Expr {
  if (!source || !source.trim())
    throw new HyperCubeError('LOCERR_CALC_INVALID_DEF', `Measure ${m} has no qDef`);
  const text = source.trimStart().startsWith('=') ? source.trimStart().slice(1) : source;
  try {
    return parseExpression(text);
  } catch (error) {
    throw new HyperCubeError(
      'LOCERR_CALC_INVALID_DEF',
      `Measure ${m}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
