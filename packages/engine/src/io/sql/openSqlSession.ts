import type { DataFiles } from '../DataFiles.js';
import type { ConnectionDefinition } from './ConnectionDefinition.js';
import type { SqlSession } from './SqlSession.js';

/**
 * Connects to the database a connection describes; database files resolve
 * among the data files. Each driver is loaded the first time it is used,
 * so an engine that never connects never loads a native module.
 */
export async function openSqlSession(
  connection: ConnectionDefinition,
  files: DataFiles,
): Promise<SqlSession> {
  const file = (): Promise<string> =>
    connection.connectionString === ':memory:'
      ? Promise.resolve(':memory:')
      : files.resolve(connection.connectionString);
  switch (connection.type) {
    case 'sqlite': {
      const { openSqliteSession } = await import('./openSqliteSession.js');
      return openSqliteSession(connection.name, await file());
    }
    case 'duckdb': {
      const { openDuckDbSession } = await import('./openDuckDbSession.js');
      return openDuckDbSession(connection.name, await file());
    }
    case 'postgresql': {
      const { openPostgresSession } = await import('./openPostgresSession.js');
      return openPostgresSession(connection.name, {
        connectionString: connection.connectionString,
        user: connection.userName,
        password: connection.password,
      });
    }
  }
}
