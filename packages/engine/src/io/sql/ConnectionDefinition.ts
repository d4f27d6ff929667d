/** The databases a data connection can reach. */
export type ConnectionType = 'sqlite' | 'duckdb' | 'postgresql';

/** A named data connection as the engine stores it, credentials included. */
export interface ConnectionDefinition {
  readonly id: string;
  readonly name: string;
  readonly type: ConnectionType;
  /**
   * SQLite and DuckDB: the database file, a path among the data files
   * (`lib://DataFiles/shop.db` or `shop.db`) or `:memory:`. PostgreSQL: a
   * `postgresql://host:port/database` URL, credentials left to the two
   * members below.
   */
  readonly connectionString: string;
  readonly userName: string;
  readonly password: string;
  /** ISO time of the creation or last change. */
  readonly modifiedDate: string;
}

const TYPES: Record<string, ConnectionType> = {
  sqlite: 'sqlite',
  duckdb: 'duckdb',
  postgresql: 'postgresql',
  postgres: 'postgresql',
};

/** The connection type a client names (case-insensitive; `postgres` too), or undefined. */
export function connectionTypeOf(name: string): ConnectionType | undefined {
  return TYPES[name.toLowerCase()];
}
