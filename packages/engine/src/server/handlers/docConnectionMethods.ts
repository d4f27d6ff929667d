import type { ConnectionDefinition } from '../../io/sql/ConnectionDefinition.js';
import type { ConnectionInput } from '../../io/sql/ConnectionStore.js';
import { ConnectionStoreError } from '../../io/sql/ConnectionStoreError.js';
import type { Connection } from '@qlikit/qix';
import type { Sent } from '../../generated/methods.js';
import type { ClassMethods } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { docOf } from './docObjectMethods.js';

/**
 * Doc methods on the engine's data connections. A connection's user name
 * and password go in, never out: what a client reads back is its id, name,
 * type, connection string (with no credentials in it) and date.
 */
export const docConnectionMethods: ClassMethods<'Doc'> = {
  async CreateConnection(context, args) {
    const store = docOf(context).app.connections;
    const created = await guard(() => store.create(inputOf(args.qConnection)));
    return { qConnectionId: created.id };
  },
  async ModifyConnection(context, args) {
    const store = docOf(context).app.connections;
    const input = inputOf(args.qConnection);
    await guard(() => store.modify(args.qConnectionId, input, args.qOverrideCredentials === true));
    return {};
  },
  async DeleteConnection(context, args) {
    const store = docOf(context).app.connections;
    await guard(() => store.delete(args.qConnectionId));
    return {};
  },
  async GetConnection(context, args) {
    const store = docOf(context).app.connections;
    const connection = await guard(async () => store.get(args.qConnectionId));
    return { qConnection: publicConnection(connection) };
  },
  GetConnections: (context) => ({
    qConnections: docOf(context).app.connections.list().map(publicConnection),
  }),
};

/** The QIX `Connection` a client may see: everything but the credentials. */
function publicConnection(connection: ConnectionDefinition): Connection {
  return {
    qId: connection.id,
    qName: connection.name,
    qConnectionString: connection.connectionString,
    qType: connection.type,
    qModifiedDate: connection.modifiedDate,
    qMeta: { qName: connection.name },
    qLogOn: 'LOG_ON_SERVICE_USER',
  };
}

function inputOf(connection: Sent<Connection>): ConnectionInput {
  const text = (
    name: 'qName' | 'qType' | 'qConnectionString' | 'qUserName' | 'qPassword',
  ): string | undefined => {
    const value: unknown = connection[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string')
      throw new LocError(
        'LOCERR_GENERIC_INVALID_PARAMETERS',
        `qConnection.${name} must be a string`,
        { parameter: name },
      );
    return value;
  };
  return {
    name: text('qName'),
    type: text('qType'),
    connectionString: text('qConnectionString'),
    userName: text('qUserName'),
    password: text('qPassword'),
  };
}

const CODES = {
  CONNECTION_ALREADY_EXISTS: 'LOCERR_CONNECTION_ALREADY_EXISTS',
  CONNECTION_NOT_FOUND: 'LOCERR_CONNECTION_NOT_FOUND',
  CONNECTION_NAME_INVALID: 'LOCERR_CONNECTION_NAME_IS_INVALID',
  CONNECTION_INVALID: 'LOCERR_GENERIC_INVALID_PARAMETERS',
} as const;

/** Runs a store call, answering its refusals with the LOCERR a client expects. */
async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ConnectionStoreError)
      throw new LocError(CODES[error.code], error.message, {
        parameter: error.parameter,
        cause: error,
      });
    throw error;
  }
}
