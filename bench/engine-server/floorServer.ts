// The wire floor's server: a plain `ws` server that parses each request and
// answers it with the bytes the engine sent for the same step (recorded by
// floor.ts from the real engine: the SelectValues answer and the GetLayout
// delta patch from the session's previous airport to its new one). It
// computes nothing, so the figures it gives are what the sockets, `ws` and
// JSON cost alone: the most any engine could reach on this machine.
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import type { RecordedAnswers } from './floor.js';
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
  // The airport the engine's last layout for this session showed ('' for none), and the one selected since.
  let shown: string | undefined;
  let selected = '';
  ws.on('message', (data) => {
    const request = JSON.parse(String(data)) as Request;
    let rest: string | undefined;
    if (request.method === 'SelectValues') {
      selected = (request.params[0] as [{ qText: string }])[0].qText;
      rest = answers.select[`${shown ?? ''}>${selected}`];
    } else if (request.method === 'GetLayout') {
      rest = shown === undefined ? answers.initial : answers.layout[`${shown}>${selected}`];
      shown = selected;
    }
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
