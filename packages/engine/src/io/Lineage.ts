/**
 * One source a table's rows came from, as a QVD header's `LineageInfo`
 * records it: what was read (`lib://DataFiles/orders.csv;`, `INLINE;`,
 * `RESIDENT Orders;`, a connection) and, for a database, the statement sent.
 */
export interface LineageEntry {
  readonly discriminator: string;
  readonly statement: string;
}
