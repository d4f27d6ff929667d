import type { RowSetOperator } from './SelectionResult.js';
import type { SymbolSet } from './SymbolSet.js';

/** What symbol sets and row sets both offer. */
interface SetAlgebra<T> {
  union(other: T): T;
  intersect(other: T): T;
  difference(other: T): T;
  symmetricDifference(other: T): T;
}

/** `a op b` with set analysis's operators: + union, * intersection, - difference, / symmetric difference. */
export function combineSets<T extends SetAlgebra<T>>(a: T, b: T, op: RowSetOperator): T {
  switch (op) {
    case '+':
      return a.union(b);
    case '*':
      return a.intersect(b);
    case '-':
      return a.difference(b);
    case '/':
      return a.symmetricDifference(b);
  }
}

/** A field modifier's values: `=` takes `values`, `+=` `*=` `-=` `/=` combine them with `current`. */
export function assignSymbols(
  op: '=' | '+=' | '-=' | '*=' | '/=',
  current: SymbolSet,
  values: SymbolSet,
): SymbolSet {
  return op === '=' ? values : combineSets(current, values, op[0] as RowSetOperator);
}
