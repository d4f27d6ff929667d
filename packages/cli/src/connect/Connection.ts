import type { AuthProvider, QlikClient } from '@qlikit/rest';
import type { Doc, Global, QixSession } from '@qlikit/qix';
import { CliError } from '../errors/CliError.js';
import type { Target } from '../context/Target.js';
import type { Output } from '../output/Output.js';

/** An app opened on an engine: its id, the session and the typed handles. */
export interface OpenApp {
  readonly appId: string;
  readonly session: QixSession;
  readonly global: Global;
  readonly doc: Doc;
}

/** How an app is opened: without data, and with an engine session time to live. */
export interface OpenAppOptions {
  readonly noData?: boolean;
  readonly ttl?: string;
}

const USER_AGENT = 'qlikit-cli';

/**
 * A command's way to the server: the REST client for a tenant and engine
 * sessions for apps, both built on first use from the resolved target,
 * logged to stderr with --traffic, and closed when the command ends.
 */
export class Connection {
  readonly target: Target;
  readonly #out: Output;
  readonly #traffic: boolean;
  #client: Promise<{ client: QlikClient; auth: AuthProvider | undefined }> | undefined;
  readonly #sessions = new Set<QixSession>();

  constructor(target: Target, out: Output, traffic: boolean) {
    this.target = target;
    this.#out = out;
    this.#traffic = traffic;
    if (target.insecure) process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  }

  /** The REST client of the tenant; a CliError when the target is a bare engine. */
  async rest(): Promise<QlikClient> {
    return (await this.#rest()).client;
  }

  #rest(): Promise<{ client: QlikClient; auth: AuthProvider | undefined }> {
    if (this.target.serverType !== 'cloud') {
      throw new CliError(
        'NEEDS_TENANT',
        'This command uses the REST API of a tenant, and the server is a bare engine.',
        {
          hint: 'Point it at Qlik Cloud or a qlikit tenant: --server https://<tenant> --server-type cloud (or a context made so).',
          exitCode: 2,
        },
      );
    }
    this.#client ??= this.#createClient();
    return this.#client;
  }

  async #createClient(): Promise<{ client: QlikClient; auth: AuthProvider | undefined }> {
    const rest = await import('@qlikit/rest');
    const { apiKey, oauth, headers } = this.target;
    const credentials = apiKey
      ? rest.apiKey(apiKey)
      : oauth
        ? rest.oauthClientCredentials(oauth)
        : undefined;
    const extra = Object.keys(headers).length ? rest.customAuth(() => headers) : undefined;
    const providers = [credentials, extra].filter((provider) => provider !== undefined);
    const auth = providers.length > 1 ? rest.combineAuth(...providers) : providers[0];
    const log = this.#traffic || this.#out.isVerbose;
    const client = rest.createClient({
      host: this.target.server.href.replace(/\/+$/, ''),
      auth,
      userAgent: USER_AGENT,
      log: log
        ? (entry) =>
            this.#out.writeError(
              this.#out.errColors.dim(
                `${entry.method} ${entry.url} ${entry.status ?? entry.error ?? '-'} ${entry.ms}ms${entry.attempt ? ` (retry ${entry.attempt})` : ''}\n`,
              ),
            )
        : undefined,
    });
    return { client, auth };
  }

  /** Opens the engine's global handle alone (a bare engine's /app/engineData). */
  async openGlobal(): Promise<{ readonly session: QixSession; readonly global: Global }> {
    if (this.target.serverType === 'cloud') {
      throw new CliError('NEEDS_ENGINE', 'This command works on a bare engine only.', {
        exitCode: 2,
      });
    }
    const session = await this.#openSession('engineData', undefined);
    return { session, global: await session.open() };
  }

  /** Opens an app by id or name: on a tenant the name is looked up through the items API, on an engine in its doc list. */
  async openApp(ref: string | undefined, options: OpenAppOptions = {}): Promise<OpenApp> {
    if (!ref) {
      throw new CliError('NO_APP', 'Which app? Name it with --app <id or name>.', {
        hint: '`qlikit app ls` lists the apps.',
        exitCode: 2,
      });
    }
    const appId =
      this.target.serverType === 'cloud'
        ? await this.resolveAppId(ref)
        : await this.#engineAppId(ref);
    const session = await this.#openSession(appId, options.ttl);
    const global = await session.open();
    const doc = await global.openDoc({
      qDocName: appId,
      ...(options.noData ? { qNoData: true } : {}),
    });
    return { appId, session, global, doc };
  }

  /** The id of an app named by id or by name on the tenant. */
  async resolveAppId(ref: string): Promise<string> {
    if (this.target.serverType === 'engine') return this.#engineAppId(ref);
    const client = await this.rest();
    try {
      await client.apps.get({ appId: ref });
      return ref;
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
    const matches: string[] = [];
    for await (const item of client.items.list({ resourceType: 'app', name: ref, limit: 100 })) {
      if (item.name === ref && item.resourceId) matches.push(item.resourceId);
    }
    return pickOne(ref, matches);
  }

  async #engineAppId(ref: string): Promise<string> {
    const { session, global } = await this.openGlobal();
    try {
      const docs = await global.getDocList();
      if (docs.some((doc) => doc.qDocId === ref)) return ref;
      const named = docs.filter((doc) => doc.qDocName === ref || doc.qTitle === ref);
      return pickOne(
        ref,
        named.map((doc) => doc.qDocId ?? doc.qDocName ?? ref),
      );
    } finally {
      await this.#closeSession(session);
    }
  }

  async #openSession(appId: string, ttl: string | undefined): Promise<QixSession> {
    const [{ openSession }, { default: WebSocket }] = await Promise.all([
      import('@qlikit/qix'),
      import('ws'),
    ]);
    const headers = { ...this.target.headers, ...(await this.#authHeaders()) };
    const base = new URL(this.target.server.href);
    base.protocol = base.protocol === 'https:' || base.protocol === 'wss:' ? 'wss:' : 'ws:';
    const path = `${base.pathname.replace(/\/+$/, '')}/app/${encodeURIComponent(appId)}${ttl ? `/ttl/${encodeURIComponent(ttl)}` : ''}`;
    const url = new URL(path, base).href;
    this.#out.verbose(`Connecting to ${url}`);
    const session = openSession({
      url,
      reconnect: false,
      createSocket: (socketUrl) =>
        new WebSocket(socketUrl, { headers, rejectUnauthorized: !this.target.insecure }) as never,
    });
    if (this.#traffic) {
      session.on('traffic:*', (direction, message) =>
        this.#out.writeError(`${direction === 'sent' ? '->' : '<-'} ${JSON.stringify(message)}\n`),
      );
    }
    this.#sessions.add(session);
    return session;
  }

  // The engine socket takes the same credentials as REST: the API key, or an OAuth access token.
  async #authHeaders(): Promise<Record<string, string>> {
    if (this.target.apiKey) return { authorization: `Bearer ${this.target.apiKey}` };
    if (!this.target.oauth || this.target.serverType !== 'cloud') return {};
    const { client, auth } = await this.#rest();
    const headers = await auth!.headers(
      { method: 'GET', url: client.baseUrl },
      { baseUrl: client.baseUrl, fetch: (input, init) => fetch(input, init) },
    );
    return { ...headers };
  }

  async #closeSession(session: QixSession): Promise<void> {
    this.#sessions.delete(session);
    await session.close().catch(() => undefined);
  }

  /** Closes every engine session the command opened. */
  async close(): Promise<void> {
    await Promise.all([...this.#sessions].map((session) => this.#closeSession(session)));
  }
}

function pickOne(ref: string, ids: readonly string[]): string {
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0) {
    throw new CliError('APP_NOT_FOUND', `No app has the id or name '${ref}'.`, {
      hint: '`qlikit app ls` lists the apps.',
    });
  }
  throw new CliError('APP_AMBIGUOUS', `${ids.length} apps are named '${ref}': ${ids.join(', ')}.`, {
    hint: 'Name the app by its id.',
  });
}
