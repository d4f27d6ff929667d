import type { CompiledExpression } from '../expression/CompiledExpression.js';
import type { EvalContext } from '../expression/EvalContext.js';
import type { CallExpr, Expr } from '../expression/Expr.js';
import { regexGroups, regexMatches, regexParts } from '../expression/functions/regexFunctions.js';
import { toNumber } from '../value/toNumber.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';

/** The values one generating call makes for the current source row. */
export type Generator = (ctx: EvalContext) => readonly Value[];

/**
 * The calls that, in a LOAD and without their field_no, make a row per value
 * (the SubField, ExtractRegEx, ExtractRegExGroup and SubFieldRegEx pages:
 * "one full record will be generated for each substring"), keyed by name,
 * with the argument count of that form.
 */
const GENERATING: Readonly<
  Record<string, { readonly args: number; values(args: readonly Value[]): readonly Value[] }>
> = {
  SUBFIELD: {
    args: 2,
    values: ([text, delimiter]) => {
      const s = text === null ? '' : toText(text!);
      const d = toText(delimiter ?? null);
      return d === '' ? [s] : s.split(d);
    },
  },
  ...regexGenerators('SUBFIELDREGEX', 2, (t, p, i) => regexParts(t, p, i) ?? [null]),
  ...regexGenerators('EXTRACTREGEX', 2, regexMatches),
  ...regexGenerators('EXTRACTREGEXGROUP', 3, (t, p, i, args) =>
    regexGroups(t, p, Math.trunc(toNumber(args[2] ?? null)), i),
  ),
};

function regexGenerators(
  name: string,
  args: number,
  values: (
    text: string,
    pattern: string,
    ignoreCase: boolean,
    args: readonly Value[],
  ) => readonly Value[],
): Record<string, (typeof GENERATING)[string]> {
  const of = (ignoreCase: boolean) => ({
    args,
    values: (a: readonly Value[]) =>
      a[0] === null || a[1] === null ? [null] : values(toText(a[0]!), toText(a[1]!), ignoreCase, a),
  });
  return { [name]: of(false), [`${name}I`]: of(true) };
}

/**
 * The generator of a call that makes a row per value in a LOAD, or
 * undefined for any other call. A row whose call makes no value is kept
 * with NULL there, as the functions answer NULL when nothing matches.
 */
export function generatorOf(
  call: CallExpr,
  compile: (expr: Expr) => CompiledExpression,
): Generator | undefined {
  const spec = GENERATING[call.key];
  if (!spec || call.args.length !== spec.args || call.aggregation) return undefined;
  const args = call.args.map(compile);
  return (ctx) => {
    const values = spec.values(args.map((arg) => arg(ctx)));
    return values.length === 0 ? [null] : values;
  };
}
