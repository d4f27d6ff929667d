// Development aid, loaded into the shapes bench's server process by clientProbe.ts
// (node --import): times what the engine spends on each request by wrapping
// EngineConnection's steps, and answers the IPC message 'spans' with the
// spans gathered since the last one.
import { EngineConnection } from '../../../packages/engine/src/server/connection/EngineConnection.js';

/** What the engine spent on one request, in ms, and the answer's length in characters. */
export interface EngineSpan {
  method: string;
  receive: number;
  call: number;
  text: number;
  chars: number;
  /** CPU time of the engine process (all its threads) during receive. */
  cpu: number;
  /** How the answer came: plain, a delta patch, or a delta replacing the whole value. */
  form: string;
}

const spans: EngineSpan[] = [];
instrument(spans);
process.on('message', (message: unknown) => {
  if (message === 'spans') process.send!(spans.splice(0));
});

// Wraps the connection's private steps (reached through the prototype: a development aid only).
function instrument(spans: EngineSpan[]): void {
  const proto = EngineConnection.prototype as unknown as Record<
    string,
    (this: unknown, ...args: unknown[]) => unknown
  >;
  let current: EngineSpan | undefined;
  const receive = proto.receive!;
  proto.receive = async function (this: unknown, ...args: unknown[]) {
    const span: EngineSpan = {
      method: '?',
      receive: 0,
      call: 0,
      text: 0,
      chars: 0,
      cpu: 0,
      form: 'plain',
    };
    current = span;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await receive.apply(this, args);
    span.receive = performance.now() - t0;
    const used = process.cpuUsage(c0);
    span.cpu = (used.user + used.system) / 1000;
    spans.push(span);
  };
  const call = proto.call!;
  proto.call = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const result = call.apply(this, args);
    if (current) {
      current.method = (args[0] as { method: string }).method;
      current.call += performance.now() - t0;
    }
    return result;
  };
  const resultText = proto.resultText!;
  proto.resultText = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const text = resultText.apply(this, args) as string;
    if (current) {
      current.text += performance.now() - t0;
      current.chars += text.length;
      // The head tells the form; the whole text would take the probe a while to scan.
      const head = text.slice(0, 200);
      if (head.includes('"delta":true'))
        current.form = /"result":\{"[^"]+":\[\{"op":"(add|replace)","path":"\/",/.test(head)
          ? 'whole'
          : 'patch';
    }
    return text;
  };
}
