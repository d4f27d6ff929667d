import { parseMultipart } from './parseMultipart.js';
import {
  startServer,
  type Reply,
  type SeenRequest,
  type TestServer,
} from '../../generated/support/startServer.js';

/** A reload as the tiny tenant keeps it; `polls` moves it through QUEUED → RELOADING → its end. */
interface ReloadState {
  id: string;
  appId: string;
  polls: number;
  outcome: 'SUCCEEDED' | 'FAILED';
}

/** The in-memory state of the tiny tenant, open to the tests for their assertions. */
export interface TenantState {
  readonly apps: Map<string, { name: string; spaceId?: string; qvf: Buffer; published?: boolean }>;
  readonly spaces: Map<string, { name: string; type: string; description?: string }>;
  readonly assignments: Map<
    string,
    { id: string; spaceId: string; type: string; assigneeId: string; roles: string[] }
  >;
  readonly items: Map<
    string,
    {
      name: string;
      resourceType: string;
      resourceId: string;
      resourceAttributes?: Record<string, unknown>;
    }
  >;
  readonly dataFiles: Map<string, { name: string; content: Buffer; connectionId?: string }>;
  readonly reloads: Map<string, ReloadState>;
  readonly tempContents: Map<string, Buffer>;
}

/** A running tiny tenant: a real HTTP server answering the routes the convenience layer uses. */
export interface TinyTenant extends TestServer {
  readonly state: TenantState;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  json: body,
  headers,
});
const notFound = (what: string): Reply =>
  json(404, { errors: [{ code: 'HTTP-404', title: `${what} not found`, status: '404' }] });

/** Starts the tiny tenant on 127.0.0.1 with an empty state. */
export async function startTinyTenant(): Promise<TinyTenant> {
  const state: TenantState = {
    apps: new Map(),
    spaces: new Map(),
    assignments: new Map(),
    items: new Map(),
    dataFiles: new Map(),
    reloads: new Map(),
    tempContents: new Map(),
  };
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}${++sequence}`;
  const server = await startServer((request) => route(state, nextId, request));
  return Object.assign(server, { state });
}

function route(
  state: TenantState,
  nextId: (prefix: string) => string,
  request: SeenRequest,
): Reply {
  const { method } = request;
  const path = request.url.pathname.split('/').slice(3).map(decodeURIComponent);
  const [resource, id, sub, subId] = path;
  switch (resource) {
    case 'apps':
      return appsRoute(state, nextId, request, method, id, sub);
    case 'reloads':
      return reloadsRoute(state, nextId, request, method, id);
    case 'temp-contents': {
      const content = state.tempContents.get(id);
      if (!content) return notFound('temp content');
      return {
        status: 200,
        bytes: content,
        headers: {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="${id}.qvf"`,
        },
      };
    }
    case 'spaces':
      return spacesRoute(state, nextId, request, method, id, sub, subId);
    case 'items':
      return itemsRoute(state, request, method, id);
    case 'data-files':
      return dataFilesRoute(state, nextId, request, method, id);
    default:
      return notFound(request.url.pathname);
  }
}

function appJson(state: TenantState, id: string) {
  const app = state.apps.get(id);
  return (
    app && {
      attributes: { id, name: app.name, published: app.published ?? false },
      spaceId: app.spaceId,
    }
  );
}

function body<T>(request: SeenRequest): T {
  return JSON.parse(request.body.toString('utf8')) as T;
}

function appsRoute(
  state: TenantState,
  nextId: (prefix: string) => string,
  request: SeenRequest,
  method: string,
  id: string | undefined,
  sub: string | undefined,
): Reply {
  if (id === 'import' && method === 'POST') {
    const appId = nextId('app');
    state.apps.set(appId, {
      name: request.url.searchParams.get('name') ?? 'imported',
      qvf: request.body,
    });
    return json(200, appJson(state, appId));
  }
  if (id === undefined && method === 'POST') {
    const appId = nextId('app');
    state.apps.set(appId, {
      name: body<{ attributes: { name: string } }>(request).attributes.name,
      qvf: Buffer.from(`QVF:${appId}`),
    });
    return json(200, appJson(state, appId));
  }
  const app = id === undefined ? undefined : state.apps.get(id);
  if (!app || id === undefined) return notFound('app');
  const route = `${method} ${sub ?? ''}`;
  switch (route) {
    case 'GET ':
      return json(200, appJson(state, id));
    case 'DELETE ':
      state.apps.delete(id);
      return { status: 200 };
    case 'PUT space':
      app.spaceId = body<{ spaceId: string }>(request).spaceId;
      return json(200, appJson(state, id));
    case 'DELETE space':
      delete app.spaceId;
      return json(200, appJson(state, id));
    case 'POST copy': {
      const copyId = nextId('app');
      const name =
        body<{ attributes?: { name?: string } }>(request).attributes?.name ?? `${app.name} copy`;
      state.apps.set(copyId, { ...app, name });
      return json(200, appJson(state, copyId));
    }
    case 'POST publish': {
      const publishedId = nextId('app');
      state.apps.set(publishedId, {
        ...app,
        spaceId: body<{ spaceId: string }>(request).spaceId,
        published: true,
      });
      return json(200, appJson(state, publishedId));
    }
    case 'POST export': {
      const tempId = nextId('temp');
      state.tempContents.set(tempId, app.qvf);
      return { status: 201, headers: { location: `/api/v1/temp-contents/${tempId}` } };
    }
    default:
      return notFound(route);
  }
}

function reloadJson(reload: ReloadState) {
  const status = reload.polls === 0 ? 'QUEUED' : reload.polls === 1 ? 'RELOADING' : reload.outcome;
  const finished = status === 'SUCCEEDED' || status === 'FAILED';
  return {
    id: reload.id,
    appId: reload.appId,
    status,
    type: 'hub',
    userId: 'u1',
    tenantId: 't1',
    creationTime: '2026-01-01T00:00:00Z',
    ...(finished ? { log: `reload of ${reload.appId}: ${status}` } : {}),
  };
}

function reloadsRoute(
  state: TenantState,
  nextId: (prefix: string) => string,
  request: SeenRequest,
  method: string,
  id: string | undefined,
): Reply {
  if (method === 'POST' && id === undefined) {
    const { appId } = body<{ appId: string }>(request);
    const app = state.apps.get(appId);
    if (!app) return notFound('app');
    const reload: ReloadState = {
      id: nextId('reload'),
      appId,
      polls: 0,
      outcome: app.name.includes('broken') ? 'FAILED' : 'SUCCEEDED',
    };
    state.reloads.set(reload.id, reload);
    return json(201, reloadJson(reload));
  }
  if (method === 'GET' && id === undefined) {
    const appId = request.url.searchParams.get('appId');
    const all = [...state.reloads.values()].filter((reload) => reload.appId === appId).reverse();
    return page(request, all.map(reloadJson));
  }
  const reload = id === undefined ? undefined : state.reloads.get(id);
  if (!reload || method !== 'GET') return notFound('reload');
  reload.polls += 1;
  return json(200, reloadJson(reload));
}

function spaceJson(state: TenantState, id: string) {
  const space = state.spaces.get(id);
  return (
    space && {
      id,
      ...space,
      ownerId: 'u1',
      tenantId: 't1',
      createdAt: '2026-01-01T00:00:00Z',
      meta: {},
      links: { self: { href: `/api/v1/spaces/${id}` } },
    }
  );
}

function page<T>(request: SeenRequest, all: readonly T[]): Reply {
  const limit = Number(request.url.searchParams.get('limit') ?? '100');
  const start = Number(request.url.searchParams.get('next') ?? '0');
  const next = new URL(request.url.href);
  next.searchParams.set('next', String(start + limit));
  const links = {
    self: { href: request.rawUrl },
    ...(start + limit < all.length ? { next: { href: `${next.pathname}${next.search}` } } : {}),
  };
  return json(200, { data: all.slice(start, start + limit), links });
}

function spacesRoute(
  state: TenantState,
  nextId: (prefix: string) => string,
  request: SeenRequest,
  method: string,
  id: string | undefined,
  sub: string | undefined,
  subId: string | undefined,
): Reply {
  if (id === undefined) {
    if (method === 'GET')
      return page(
        request,
        [...state.spaces.keys()].map((spaceId) => spaceJson(state, spaceId)),
      );
    const created = body<{ name: string; type: string; description?: string }>(request);
    const spaceId = nextId('space');
    state.spaces.set(spaceId, created);
    return json(201, spaceJson(state, spaceId));
  }
  const space = state.spaces.get(id);
  if (!space) return notFound('space');
  if (sub === 'assignments') {
    if (method === 'GET' && subId === undefined) {
      return page(
        request,
        [...state.assignments.values()].filter((assignment) => assignment.spaceId === id),
      );
    }
    if (method === 'POST') {
      const assignment = {
        id: nextId('assignment'),
        spaceId: id,
        ...body<{ type: string; assigneeId: string; roles: string[] }>(request),
      };
      state.assignments.set(assignment.id, assignment);
      return json(201, assignment);
    }
    if (
      method === 'DELETE' &&
      subId !== undefined &&
      state.assignments.get(subId)?.spaceId === id
    ) {
      state.assignments.delete(subId);
      return { status: 204 };
    }
    return notFound('assignment');
  }
  if (method === 'GET') return json(200, spaceJson(state, id));
  if (method === 'PUT') {
    Object.assign(space, body<Partial<{ name: string; description: string }>>(request));
    return json(200, spaceJson(state, id));
  }
  if (method === 'DELETE') {
    state.spaces.delete(id);
    return { status: 204 };
  }
  return notFound('space route');
}

function itemJson(state: TenantState, id: string) {
  const item = state.items.get(id);
  return (
    item && {
      id,
      ...item,
      tenantId: 't1',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      meta: {},
      links: {},
      actions: [],
    }
  );
}

function itemsRoute(
  state: TenantState,
  request: SeenRequest,
  method: string,
  id: string | undefined,
): Reply {
  if (id === undefined && method === 'GET') {
    const type = request.url.searchParams.get('resourceType');
    const ids = [...state.items.keys()].filter(
      (itemId) => !type || state.items.get(itemId)?.resourceType === type,
    );
    return page(
      request,
      ids.map((itemId) => itemJson(state, itemId)),
    );
  }
  const item = id === undefined ? undefined : state.items.get(id);
  if (!item || id === undefined) return notFound('item');
  if (method === 'GET') return json(200, itemJson(state, id));
  if (method === 'PUT') {
    Object.assign(item, body<Partial<{ name: string }>>(request));
    return json(200, itemJson(state, id));
  }
  if (method === 'DELETE') {
    state.items.delete(id);
    return { status: 204 };
  }
  return notFound('item route');
}

function dataFileJson(state: TenantState, id: string) {
  const file = state.dataFiles.get(id);
  return (
    file && {
      id,
      name: file.name,
      size: file.content.byteLength,
      ownerId: 'u1',
      createdDate: '2026-01-01T00:00:00Z',
      actions: [],
      folderStats: {},
    }
  );
}

function dataFilesRoute(
  state: TenantState,
  nextId: (prefix: string) => string,
  request: SeenRequest,
  method: string,
  id: string | undefined,
): Reply {
  if (id === undefined) {
    if (method === 'GET')
      return page(
        request,
        [...state.dataFiles.keys()].map((fileId) => dataFileJson(state, fileId)),
      );
    const parts = parseMultipart(request.body, request.headers['content-type']);
    const meta = JSON.parse(
      parts.find((part) => part.name === 'Json')?.content.toString('utf8') ?? '{}',
    ) as { name: string; connectionId?: string };
    const fileId = nextId('file');
    state.dataFiles.set(fileId, {
      name: meta.name,
      connectionId: meta.connectionId,
      content: parts.find((part) => part.name === 'File')?.content ?? Buffer.alloc(0),
    });
    return json(201, dataFileJson(state, fileId));
  }
  const file = state.dataFiles.get(id);
  if (!file) return notFound('data file');
  if (method === 'GET') return json(200, dataFileJson(state, id));
  if (method === 'PUT') {
    const parts = parseMultipart(request.body, request.headers['content-type']);
    const content = parts.find((part) => part.name === 'File')?.content;
    const meta = parts.find((part) => part.name === 'Json');
    if (content) file.content = content;
    if (meta) file.name = (JSON.parse(meta.content.toString('utf8')) as { name: string }).name;
    return json(200, dataFileJson(state, id));
  }
  if (method === 'DELETE') {
    state.dataFiles.delete(id);
    return { status: 204 };
  }
  return notFound('data file route');
}
