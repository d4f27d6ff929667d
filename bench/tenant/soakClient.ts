import WebSocket from 'ws';
import { openSession } from '@qlikit/qix';
import type { HttpClient } from './HttpClient.js';

/** What every client of the soak shares. */
export interface SoakTarget {
  readonly http: HttpClient;
  readonly url: string;
  /** The app in the shared space every client opens in the engine. */
  readonly sharedAppId: string;
  /** The values of its `g` field. */
  readonly groups: number;
}

/** One client's user, its own app (reloaded and copied) and its tally. */
export interface SoakUser {
  readonly index: number;
  readonly key: string;
  readonly appId: string;
}

/** Counts of operations done and of errors, by kind. */
export class Tally {
  readonly done = new Map<string, number>();
  readonly errors = new Map<string, number>();

  ok(op: string): void {
    this.done.set(op, (this.done.get(op) ?? 0) + 1);
  }

  failed(op: string, detail: string): void {
    const key = `${op}: ${detail.slice(0, 160)}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((sum, n) => sum + n, 0);
  }

  get doneCount(): number {
    return [...this.done.values()].reduce((sum, n) => sum + n, 0);
  }
}

/** The soak's app script: 20,000 rows, `g` with 10 values. */
export const SOAK_SCRIPT =
  'T: LOAD RecNo() AS id, Mod(RecNo(), 10) AS g, Mod(RecNo() * 7, 1000) AS v AUTOGENERATE 20000;';

/** An answer's JSON, or an error naming the operation's status and body. */
function expectStatus(answer: { status: number; text: string }, status: number, what: string) {
  if (answer.status !== status)
    throw new Error(`${what} answered ${answer.status} ${answer.text.slice(0, 120)}`);
  return answer.text ? JSON.parse(answer.text) : undefined;
}

/** Reloads an app and polls its reload until it ends; throws unless it succeeded. */
export async function reloadAndWait(target: SoakTarget, key: string, appId: string) {
  const queued = expectStatus(
    await target.http.request('POST', '/api/v1/reloads', { key, json: { appId } }),
    201,
    'POST /reloads',
  );
  for (let polls = 0; polls < 1200; polls++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reload = expectStatus(
      await target.http.request('GET', `/api/v1/reloads/${queued.id}`, { key }),
      200,
      'GET /reloads/{id}',
    );
    if (reload.status === 'SUCCEEDED') return;
    if (['FAILED', 'CANCELED'].includes(reload.status))
      throw new Error(`reload ${reload.status}: ${String(reload.log).slice(-120)}`);
  }
  throw new Error('reload did not end in 120 s');
}

/** A multipart data-file upload body: the Json part and `size` bytes of CSV. */
function uploadBody(name: string, size: number): { body: Buffer; contentType: string } {
  const boundary = `----soak${Math.random().toString(16).slice(2)}`;
  const rows = 'id,value\n' + '1,2\n'.repeat(Math.ceil(size / 4));
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="Json"\r\n\r\n` +
        `${JSON.stringify({ name })}\r\n--${boundary}\r\n` +
        `Content-Disposition: form-data; name="File"; filename="${name}"\r\n` +
        `Content-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(rows.slice(0, size)),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

type Op = (target: SoakTarget, user: SoakUser, step: number) => Promise<void>;

const OPS: Record<string, Op> = {
  async list(target, user) {
    const page = expectStatus(
      await target.http.request('GET', '/api/v1/items?resourceType=app&limit=20', {
        key: user.key,
      }),
      200,
      'GET /items',
    );
    if (!Array.isArray(page.data) || page.data.length === 0) throw new Error('no items listed');
  },

  async engine(target, user, step) {
    const session = openSession({
      url: `${target.url.replace(/^http/, 'ws')}/app/${target.sharedAppId}`,
      createSocket: (socketUrl) =>
        new WebSocket(socketUrl, { headers: { Authorization: `Bearer ${user.key}` } }),
      reconnect: false,
    });
    try {
      const global = await session.open();
      const doc = await global.openDoc(target.sharedAppId);
      const object = await doc.createSessionObject({
        qInfo: { qType: 'soak' },
        qHyperCubeDef: {
          qDimensions: [{ qDef: { qFieldDefs: ['g'] } }],
          qMeasures: [{ qDef: { qDef: 'Sum(v)' } }],
          qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 20 }],
        },
      });
      const all = await object.getLayout();
      if (all.qHyperCube?.qSize.qcy !== target.groups)
        throw new Error(`expected ${target.groups} rows, got ${all.qHyperCube?.qSize.qcy}`);
      const field = await doc.getField('g');
      await field.selectValues([{ qText: '', qNumber: step % target.groups, qIsNumeric: true }]);
      const selected = await object.getLayout();
      if (selected.qHyperCube?.qSize.qcy !== 1)
        throw new Error(`a selection left ${selected.qHyperCube?.qSize.qcy} rows`);
    } finally {
      await session.close();
    }
  },

  async upload(target, user, step) {
    const name = `soak-${user.index}-${step}.csv`;
    const { body, contentType } = uploadBody(name, 50_000);
    const file = expectStatus(
      await target.http.request('POST', '/api/v1/data-files', { key: user.key, body, contentType }),
      201,
      'POST /data-files',
    );
    const read = expectStatus(
      await target.http.request('GET', `/api/v1/data-files/${file.id}`, { key: user.key }),
      200,
      'GET /data-files/{id}',
    );
    if (read.size !== 50_000) throw new Error(`stored ${read.size} bytes of 50000`);
    expectStatus(
      await target.http.request('DELETE', `/api/v1/data-files/${file.id}`, { key: user.key }),
      204,
      'DELETE /data-files/{id}',
    );
  },

  async reload(target, user) {
    await reloadAndWait(target, user.key, user.appId);
  },

  async copy(target, user, step) {
    const copy = expectStatus(
      await target.http.request('POST', `/api/v1/apps/${user.appId}/copy`, {
        key: user.key,
        json: { attributes: { name: `copy ${user.index}-${step}` } },
      }),
      200,
      'POST /apps/{id}/copy',
    );
    expectStatus(
      await target.http.request('DELETE', `/api/v1/apps/${copy.attributes.id}`, { key: user.key }),
      200,
      'DELETE /apps/{id}',
    );
  },
};

// The mix: one step in ten of each heavy kind, listing and engine work the rest.
const MIX = [
  'list',
  'list',
  'list',
  'engine',
  'engine',
  'engine',
  'upload',
  'reload',
  'copy',
  'list',
];

/** Runs one client's mix until `until` (a performance.now() time). */
export async function runClient(
  target: SoakTarget,
  user: SoakUser,
  until: number,
  tally: Tally,
): Promise<void> {
  for (let step = user.index; performance.now() < until; step++) {
    const op = MIX[step % MIX.length]!;
    try {
      await OPS[op]!(target, user, step);
      tally.ok(op);
    } catch (error) {
      tally.failed(op, error instanceof Error ? error.message : String(error));
    }
  }
}
