// The wire floor's server: a plain `ws` server that parses each request and
// answers it with the bytes the engine sent for the same step (recorded by
// floor.ts from the real engine: the SelectValues answer and the GetLayout
// delta patch from the session's previous airport to its new one). It
// computes nothing, so the figures it gives are what the sockets, `ws` and
// JSON cost alone: the most any engine could reach on this machine.
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { RecordedPeer, type RecordedAnswers } from './floor.js';
import { watchPauses, type Pauses } from './pauses.js';

interface Request {
  id: number;
  method: string;
  params: unknown[];
}

// Asked for once this process listens: a message sent before would be lost.
const answers = await new Promise<RecordedAnswers>((resolve) => {
  process.once('message', (message: RecordedAnswers) => resolve(message));
  process.send!({ type: 'answers' });
});
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise((resolve) => wss.once('listening', resolve));

wss.on('connection', (ws) => {
  const peer = new RecordedPeer(answers);
  ws.on('message', (data) => {
    const request = JSON.parse(String(data)) as Request;
    const rest = peer.answer(request.method, request.params);
    ws.send(
      rest === undefined
        ? `{"jsonrpc":"2.0","id":${request.id},"error":{"code":-32601,"message":"not recorded"}}`
        : `{"jsonrpc":"2.0","id":${request.id}${rest}`,
    );
  });
});

let stopWatching: (() => Pauses) | undefined;

process.on('message', (message: { type: string }) => {
  if (message.type === 'pauses-start') {
    stopWatching = watchPauses();
    process.send!({ type: 'pauses-start' });
  } else if (message.type === 'pauses-stop') {
    process.send!({ type: 'pauses-stop', ...stopWatching?.() });
  } else if (message.type === 'cpu') {
    const used = process.cpuUsage();
    process.send!({
      type: 'cpu',
      ms: (used.user + used.system) / 1000,
      systemMs: used.system / 1000,
    });
  } else if (message.type === 'exit') process.exit(0);
});
process.send!({ type: 'ready', url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` });
