import type { EngineConnection, Reply, ScriptedEngine, WireRequest } from './ScriptedEngine.js';

/** A persistent object of the mini app. */
export interface MiniObject {
  readonly id: string;
  readonly type: string;
  readonly genericType: string;
}

interface SessionState {
  nextHandle: number;
  docHandle: number | undefined;
  objects: Map<number, { id: string; type: string; props: Record<string, unknown> }>;
}

/**
 * Scripts the engine calls of a small app on top of a {@link ScriptedEngine}:
 * OpenDoc/GetActiveDoc, GetObject/GetDimension/... by id for the given
 * persistent objects, CreateSessionObject, GetField, Get/SetProperties and
 * GetLayout. Each connection is a new engine session (handles start over),
 * so a reconnect must restore everything.
 */
export function installMiniEngine(
  engine: ScriptedEngine,
  persistent: readonly MiniObject[] = [],
): void {
  const state = (connection: EngineConnection): SessionState => {
    let current = connection.state.get('mini') as SessionState | undefined;
    if (!current) {
      current = { nextHandle: 1, docHandle: undefined, objects: new Map() };
      connection.state.set('mini', current);
    }
    return current;
  };
  const ref = (handle: number, type: string, id: string, genericType = type): Reply => ({
    result: {
      qReturn: { qType: type, qHandle: handle, qGenericId: id, qGenericType: genericType },
    },
  });
  const positional = (request: WireRequest): unknown[] => request.params as unknown[];

  engine.on('OpenDoc', (request, connection) => {
    const session = state(connection);
    session.docHandle = session.nextHandle++;
    return ref(session.docHandle, 'Doc', String(positional(request)[0]));
  });
  engine.on('GetActiveDoc', (_request, connection) => {
    const session = state(connection);
    if (session.docHandle === undefined) return { error: { code: 1007, message: 'App invalid' } };
    return ref(session.docHandle, 'Doc', 'app');
  });
  const getById =
    (type: string) =>
    (request: WireRequest, connection: EngineConnection): Reply => {
      const session = state(connection);
      const id = String(positional(request)[0]);
      for (const [handle, object] of session.objects)
        if (object.id === id) return ref(handle, object.type, id);
      const found = persistent.find((object) => object.id === id && object.type === type);
      if (!found) return { result: { qReturn: { qType: null, qHandle: null } } };
      const handle = session.nextHandle++;
      session.objects.set(handle, {
        id,
        type,
        props: { qInfo: { qId: id, qType: found.genericType } },
      });
      return ref(handle, type, id, found.genericType);
    };
  engine.on('GetObject', getById('GenericObject'));
  engine.on('GetDimension', getById('GenericDimension'));
  engine.on('GetMeasure', getById('GenericMeasure'));
  engine.on('GetBookmark', getById('GenericBookmark'));
  engine.on('GetVariableById', getById('GenericVariable'));
  engine.on('CreateSessionObject', (request, connection) => {
    const session = state(connection);
    const props = positional(request)[0] as { qInfo?: { qId?: string; qType?: string } };
    const handle = session.nextHandle++;
    const id = props.qInfo?.qId || `session-${connection.index}-${handle}`;
    session.objects.set(handle, {
      id,
      type: 'GenericObject',
      props: { ...props, qInfo: { ...props.qInfo, qId: id } },
    });
    return ref(handle, 'GenericObject', id, props.qInfo?.qType ?? 'GenericObject');
  });
  engine.on('GetField', (request, connection) => {
    const session = state(connection);
    const handle = session.nextHandle++;
    const name = String(positional(request)[0]);
    session.objects.set(handle, { id: name, type: 'Field', props: {} });
    return { result: { qReturn: { qType: 'Field', qHandle: handle } } };
  });
  engine.on('GetProperties', (request, connection) => {
    const object = state(connection).objects.get(request.handle);
    return object
      ? { result: { qProp: object.props } }
      : { error: { code: 2, message: 'Not found' } };
  });
  engine.on('SetProperties', (request, connection) => {
    const object = state(connection).objects.get(request.handle);
    if (!object) return { error: { code: 2, message: 'Not found' } };
    object.props = positional(request)[0] as Record<string, unknown>;
    return { result: {}, change: [request.handle] };
  });
  engine.on('GetLayout', (request, connection) => {
    const object = state(connection).objects.get(request.handle);
    if (!object) return { error: { code: 2, message: 'Not found' } };
    return {
      result: {
        qLayout: { ...object.props, qInfo: object.props.qInfo, connection: connection.index },
      },
    };
  });
  engine.on('GetCardinal', (request, connection) => {
    const object = state(connection).objects.get(request.handle);
    return object
      ? { result: { qReturn: object.id.length } }
      : { error: { code: 2, message: 'Not found' } };
  });
}
