import type { Field } from './Field.js';
import type { Table } from './Table.js';

/** Two tables linked through a key field they both hold. */
export interface Association {
  readonly from: Table;
  readonly to: Table;
  readonly field: Field;
}
