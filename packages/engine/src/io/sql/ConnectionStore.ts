import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DataFiles } from '../DataFiles.js';
import { writeFileAtomically } from '../writeFileAtomically.js';
import { connectionTypeOf, type ConnectionDefinition } from './ConnectionDefinition.js';
import { ConnectionStoreError } from './ConnectionStoreError.js';
import { DataConnectionError } from './DataConnectionError.js';
import type { DataConnections } from './DataConnections.js';
import { openSqlSession } from './openSqlSession.js';
import type { SqlSession } from './SqlSession.js';

/** What a client gives to create or change a connection (the QIX `Connection` struct's members). */
export interface ConnectionInput {
  readonly name?: string;
  readonly type?: string;
  readonly connectionString?: string;
  readonly userName?: string;
  readonly password?: string;
}

/**
 * The engine's data connections, shared by its apps as Qlik's are, kept in
 * a JSON file (owner-only) that is rewritten whole on every change. Names
 * are unique regardless of case. Credentials stay here: `list` and `get`
 * hand out definitions for the server to strip before they reach a client.
 */
export class ConnectionStore implements DataConnections {
  private readonly byId = new Map<string, ConnectionDefinition>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string | undefined,
    private readonly files: DataFiles,
  ) {}

  /** Opens the store kept in `file` (created on the first change), or one in memory when `file` is undefined. */
  static async open(file: string | undefined, files: DataFiles): Promise<ConnectionStore> {
    const store = new ConnectionStore(file, files);
    if (file) {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '[]';
        throw error;
      });
      for (const definition of JSON.parse(text) as ConnectionDefinition[])
        store.byId.set(definition.id, definition);
    }
    return store;
  }

  /** Every connection, in name order. */
  list(): ConnectionDefinition[] {
    return [...this.byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The connection with this id; CONNECTION_NOT_FOUND when there is none. */
  get(id: string): ConnectionDefinition {
    const found = this.byId.get(id);
    if (!found)
      throw new ConnectionStoreError('CONNECTION_NOT_FOUND', `Connection not found: ${id}`, id);
    return found;
  }

  /** The connection with this name (any case), or undefined. */
  byName(name: string): ConnectionDefinition | undefined {
    const wanted = name.toLowerCase();
    return [...this.byId.values()].find((c) => c.name.toLowerCase() === wanted);
  }

  /** Adds a connection and returns it with its new id. */
  async create(input: ConnectionInput): Promise<ConnectionDefinition> {
    const name = validName(input.name);
    if (this.byName(name))
      throw new ConnectionStoreError(
        'CONNECTION_ALREADY_EXISTS',
        `A connection named '${name}' exists`,
        name,
      );
    const { type, connectionString, credentials } = typeAndString(input);
    const definition: ConnectionDefinition = {
      id: randomUUID(),
      name,
      type,
      connectionString,
      userName: input.userName || credentials?.userName || '',
      password: input.password || credentials?.password || '',
      modifiedDate: new Date().toISOString(),
    };
    this.byId.set(definition.id, definition);
    await this.save();
    return definition;
  }

  /** Changes a connection; its user name and password only when `overrideCredentials` is set. */
  async modify(
    id: string,
    input: ConnectionInput,
    overrideCredentials: boolean,
  ): Promise<ConnectionDefinition> {
    const current = this.get(id);
    const name = validName(input.name ?? current.name);
    const other = this.byName(name);
    if (other && other.id !== id)
      throw new ConnectionStoreError(
        'CONNECTION_ALREADY_EXISTS',
        `A connection named '${name}' exists`,
        name,
      );
    const { type, connectionString, credentials } = typeAndString({
      type: input.type ?? current.type,
      connectionString: input.connectionString ?? current.connectionString,
    });
    const changed: ConnectionDefinition = {
      ...current,
      name,
      type,
      connectionString,
      ...(credentials ?? {}),
      ...(overrideCredentials
        ? { userName: input.userName ?? '', password: input.password ?? '' }
        : {}),
      modifiedDate: new Date().toISOString(),
    };
    this.byId.set(id, changed);
    await this.save();
    return changed;
  }

  /** Removes a connection; CONNECTION_NOT_FOUND when there is none. */
  async delete(id: string): Promise<void> {
    this.get(id);
    this.byId.delete(id);
    await this.save();
  }

  /** Connects to a connection by name, for `LIB CONNECT TO`. */
  async open(name: string): Promise<SqlSession> {
    const definition = this.byName(name);
    if (!definition)
      throw new DataConnectionError(
        'SCRIPT_CONNECTION_NOT_FOUND',
        `Connection '${name}' not found`,
        name,
      );
    return openSqlSession(definition, this.files);
  }

  /** Writes the file whole, one write after another, readable by its owner only. */
  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const text = JSON.stringify(this.list(), null, 2);
    this.writing = this.writing
      .catch(() => undefined)
      .then(() =>
        writeFileAtomically(file, 'connections.json', async (handle) => {
          await handle.chmod(0o600);
          await handle.writeFile(text, 'utf8');
        }),
      );
    return this.writing;
  }
}

function validName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (trimmed === '' || /[/\\:]/.test(trimmed))
    throw new ConnectionStoreError(
      'CONNECTION_NAME_INVALID',
      `A connection name must not be empty nor hold '/', '\\' or ':' (got '${name ?? ''}')`,
      name ?? '',
    );
  return trimmed;
}

/**
 * The connection's type and string, checked. A user and password written
 * into a PostgreSQL URL are taken out of it, so the string a client may
 * read back carries no credentials.
 */
function typeAndString(input: ConnectionInput): Pick<
  ConnectionDefinition,
  'type' | 'connectionString'
> & {
  credentials?: { userName: string; password: string };
} {
  const type = connectionTypeOf(input.type ?? '');
  if (!type)
    throw new ConnectionStoreError(
      'CONNECTION_INVALID',
      `Unknown connection type '${input.type ?? ''}': use sqlite, duckdb or postgresql`,
      input.type ?? '',
    );
  const connectionString = (input.connectionString ?? '').trim();
  if (connectionString === '')
    throw new ConnectionStoreError(
      'CONNECTION_INVALID',
      'A connection needs a connection string',
      '',
    );
  if (type === 'postgresql' && !/^postgres(ql)?:\/\//i.test(connectionString))
    throw new ConnectionStoreError(
      'CONNECTION_INVALID',
      `A postgresql connection string is a postgresql://host:port/database URL (got '${connectionString}')`,
      connectionString,
    );
  if (type !== 'postgresql') return { type, connectionString };
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new ConnectionStoreError(
      'CONNECTION_INVALID',
      `'${connectionString}' is not a URL`,
      connectionString,
    );
  }
  if (url.username === '' && url.password === '') return { type, connectionString };
  const credentials = {
    userName: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
  url.username = '';
  url.password = '';
  return { type, connectionString: url.toString(), credentials };
}
