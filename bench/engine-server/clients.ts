// A client process of bench/engine-server: it holds a share of the sessions, each
// a real @qlikit/qix session with delta on (what a user's browser runs), and on
// the bench's word runs one round of select + layout ops on every session it
// holds for one engine, reporting each op's latency and its own CPU time.
// The bench forks several of these so that one client process is not the bottleneck.
import { openSession, type QixSession, type GenericObject, type Field } from '@qlikit/qix';
import type { ClientReply, ClientRequest } from './protocol.js';
import { clientRound, type Legs } from './clientRound.js';
import { profileRound } from './roundProfiler.js';
import { CUBE, originFor } from './workload.js';

interface Client {
  readonly index: number;
  readonly session: QixSession;
  readonly object: GenericObject;
  readonly field: Field;
  /** The last layout this client saw, for the bench's check of answers by value. */
  layout?: unknown;
}

const byEngine = new Map<string, Client[]>();

async function connect(url: string, index: number): Promise<Client> {
  const session = openSession({
    url: `${url}/app/flights/identity/bench-${index}`,
    reconnect: false,
    delta: true,
  });
  const doc = await (await session.open()).openDoc('flights');
  const object = await doc.createSessionObject(CUBE);
  const field = await doc.getField('Origin');
  await object.getLayout();
  return { index, session, object, field };
}

async function connectAll(engine: string, url: string, from: number, count: number) {
  const clients: Client[] = [];
  // 50 at a time: the engine's accept queue and the handshakes stay short.
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) =>
      connect(url, from + i + j),
    );
    clients.push(...(await Promise.all(batch)));
  }
  byEngine.set(engine, clients);
}

function round(engine: string, offset: number, ops: number): Promise<ClientReply> {
  return clientRound(byEngine.get(engine) ?? [], ops, async (client, op): Promise<Legs> => {
    const t0 = performance.now();
    await client.field.selectValues([{ qText: originFor(client.index, op, offset) }], false, false);
    const t1 = performance.now();
    client.layout = await client.object.getLayout();
    return [t1 - t0, performance.now() - t1];
  });
}

/** The last layout of each session, keyed by the airport it selected last (for the by-value check). */
function layouts(engine: string, offset: number, ops: number): ClientReply {
  const byOrigin: Record<string, unknown> = {};
  for (const client of byEngine.get(engine) ?? []) {
    const origin = originFor(client.index, ops - 1, offset);
    byOrigin[origin] ??= client.layout;
  }
  return { type: 'layouts', byOrigin };
}

process.on('message', (request: ClientRequest) => {
  const reply = (answer: ClientReply) => process.send!(answer);
  switch (request.type) {
    case 'connect':
      void connectAll(request.engine, request.url, request.from, request.count).then(() =>
        reply({ type: 'connected' }),
      );
      break;
    case 'round':
      void round(request.engine, request.offset, request.ops).then(reply);
      break;
    case 'layouts':
      reply(layouts(request.engine, request.offset, request.ops));
      break;
    case 'close':
      void Promise.all([...byEngine.values()].flat().map((client) => client.session.close())).then(
        () => {
          byEngine.clear();
          reply({ type: 'closed' });
        },
      );
      break;
    case 'profile-start':
    case 'profile-stop':
      void profileRound(request);
      break;
    case 'exit':
      process.exit(0);
  }
});
process.send!({ type: 'ready' });
