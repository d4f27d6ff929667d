import type { SqlSession } from './SqlSession.js';

/** The data connections a script may open with `LIB CONNECT TO 'name'`. */
export interface DataConnections {
  /** Connects to the named connection; a DataConnectionError when there is none or it cannot be reached. */
  open(name: string): Promise<SqlSession>;
}
