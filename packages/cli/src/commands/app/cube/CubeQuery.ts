/** An ad hoc table: dimensions (fields or expressions), measures, and selections to make first. */
export interface CubeQuery {
  readonly dimensions: readonly string[];
  readonly measures: readonly string[];
  /** Field → the values to select in it. */
  readonly selections: ReadonlyMap<string, readonly string[]>;
}
