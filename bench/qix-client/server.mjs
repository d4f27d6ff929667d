// A QIX engine stand-in that answers instantly, for the client benchmark. Runs in its own
// process (started by run.mjs) so that its work does not count against the clients.
// - EngineVersion: a tiny constant answer (the call-rate benchmarks).
// - OpenDoc / GetObject: hands out a new handle per call (the object-creation benchmark).
// - GetLayout: a 200-row hypercube layout per handle; each call changes a few cells. When the
//   request asks for delta, it answers JSON Patch operations against the last layout it sent
//   for that handle (the first answer is the whole layout at "/"), else the whole layout.
import { WebSocketServer } from 'ws';
import { makeLayout, ROWS } from './layout.mjs';
import { systemCalls } from './measure.mjs';

const CHANGED_CELLS_PER_CALL = 3;

/** Changes a few measure cells of the layout in place; returns the patch operations. */
function mutate(layout, tick) {
  const operations = [];
  const matrix = layout.qHyperCube.qDataPages[0].qMatrix;
  for (let i = 0; i < CHANGED_CELLS_PER_CALL; i += 1) {
    const row = (tick * 7 + i * 61) % ROWS;
    const value = tick + i;
    matrix[row][2] = { qText: String(value), qNum: value, qElemNumber: 0, qState: 'L' };
    operations.push({
      op: 'replace',
      path: `/qHyperCube/qDataPages/0/qMatrix/${row}/2`,
      value: matrix[row][2],
    });
  }
  return operations;
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('connection', (socket) => {
  let nextHandle = 1;
  const layouts = new Map();
  const sent = new Set();
  let tick = 0;
  socket.send(
    '{"jsonrpc":"2.0","method":"OnConnected","params":{"qSessionState":"SESSION_CREATED"}}',
  );
  // The answers to the requests of one read leave in one write (ws's TCP socket is corked until
  // a microtask), as an engine that answers at once would send them. Before, ws wrote each
  // answer with a system call of its own: the server cost more per call than any client, and
  // its write rhythm decided how many answers a client's reads carried (8 to 150 for the same
  // client from one process to the next), which moved the clients' CPU per call by 15%.
  const tcp = /** @type {{ _socket: import('node:net').Socket }} */ (
    /** @type {unknown} */ (socket)
  )._socket;
  let corked = false;
  const uncork = () => {
    corked = false;
    tcp.uncork();
  };
  socket.on('message', (data) => {
    if (!corked) {
      corked = true;
      tcp.cork();
      queueMicrotask(uncork);
    }
    const request = JSON.parse(String(data));
    const id = request.id;
    switch (request.method) {
      case 'EngineVersion':
        socket.send(
          `{"jsonrpc":"2.0","id":${id},"result":{"qVersion":{"qComponentVersion":"12.2528.0"}}}`,
        );
        return;
      case 'OpenDoc':
      case 'GetObject': {
        const handle = nextHandle++;
        const type = request.method === 'OpenDoc' ? 'Doc' : 'GenericObject';
        const genericId = String(request.params[0]);
        socket.send(
          `{"jsonrpc":"2.0","id":${id},"result":{"qReturn":{"qType":"${type}","qHandle":${handle},"qGenericId":${JSON.stringify(genericId)},"qGenericType":"${type === 'Doc' ? 'Doc' : 'table'}"}}}`,
        );
        return;
      }
      case 'GetLayout': {
        const handle = request.handle;
        let layout = layouts.get(handle);
        if (!layout) {
          layout = makeLayout(`object-${handle}`);
          layouts.set(handle, layout);
        }
        tick += 1;
        const operations = mutate(layout, tick);
        if (request.delta === true) {
          const patches = sent.has(handle) ? operations : [{ op: 'add', path: '/', value: layout }];
          sent.add(handle);
          socket.send(
            JSON.stringify({ jsonrpc: '2.0', id, delta: true, result: { qLayout: patches } }),
          );
        } else {
          socket.send(JSON.stringify({ jsonrpc: '2.0', id, result: { qLayout: layout } }));
        }
        return;
      }
      default:
        socket.send(
          JSON.stringify({
            jsonrpc: '2.0',
            id,
            error: { code: -32601, message: 'Method not found' },
          }),
        );
    }
  });
});
server.on('listening', () => {
  process.stdout.write(
    `${/** @type {import('node:net').AddressInfo} */ (server.address()).port}\n`,
  );
});
process.on('disconnect', () => process.exit(0));
// Before each run the bench asks for a GC, so that no client's run pays for the garbage of the
// one before; before and after, for this process's CPU time and system calls, so that it can
// say what each client's run cost the server.
process.on('message', (message) => {
  if (message === 'gc' && typeof globalThis.gc === 'function') globalThis.gc();
  const cpu = process.cpuUsage();
  /** @type {NonNullable<typeof process.send>} */ (process.send)({
    cpu: cpu.user + cpu.system,
    io: systemCalls(),
  });
});
