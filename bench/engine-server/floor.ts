// The wire floor of bench/engine-server: records what the engine answers for
// each step of the bench's op, so that floorServer.ts can send the same bytes
// without computing them. Every pair of airports (and "no selection" before
// the first) is recorded: a session's delta patch depends on the airport its
// last layout showed.
import WebSocket from 'ws';
import { CUBE, ORIGINS } from './workload.js';

/** Answers as the engine wrote them after their id (`,"result":…}`), by `<airport shown>><airport selected>`. */
export interface RecordedAnswers {
  /** The first GetLayout of a session (the whole layout). */
  initial: string;
  select: Record<string, string>;
  layout: Record<string, string>;
}

/** The answers to the calls that open the app, the chart and the field, as the engine gives them in a fresh session. */
const OPENED: Record<string, string> = {
  OpenDoc: '{"qType":"Doc","qHandle":1,"qGenericType":"Doc","qGenericId":"flights"}',
  CreateSessionObject:
    '{"qType":"GenericObject","qHandle":2,"qGenericType":"bench-chart","qGenericId":"chart"}',
  GetField: '{"qType":"Field","qHandle":3,"qGenericType":"Field","qGenericId":"Origin"}',
};

/**
 * One session's far end on the wire floor: answers each request with what the
 * engine answered for the same step (the text after the id), or undefined for
 * a step not recorded. It remembers the airport the session's last layout
 * showed and the one selected since, which pick the recorded patch.
 */
export class RecordedPeer {
  private shown: string | undefined;
  private selected = '';

  constructor(private readonly recorded: RecordedAnswers) {}

  /** The answer's text after `"id":<id>`, for a request's method and params. */
  answer(method: string, params: unknown[]): string | undefined {
    if (method === 'SelectValues') {
      this.selected = (params[0] as [{ qText: string }])[0].qText;
      return this.recorded.select[`${this.shown ?? ''}>${this.selected}`];
    }
    if (method === 'GetLayout') {
      const text =
        this.shown === undefined
          ? this.recorded.initial
          : this.recorded.layout[`${this.shown}>${this.selected}`];
      this.shown = this.selected;
      return text;
    }
    return Object.hasOwn(OPENED, method) ? `,"result":{"qReturn":${OPENED[method]}}}` : undefined;
  }
}

/** Runs the bench's steps on one session of the engine at `url` and keeps its answers' text. */
export async function recordAnswers(url: string): Promise<RecordedAnswers> {
  const socket = new WebSocket(`${url}/app/flights/identity/bench-floor`);
  const frames: string[] = [];
  let waiting: ((text: string) => void) | undefined;
  socket.on('message', (data) => {
    const text = String(data);
    if (text.includes('"id":')) waiting?.(text);
    else frames.push(text);
  });
  await new Promise((resolve) => socket.once('open', resolve));
  let id = 0;
  const call = (handle: number, method: string, params: unknown[]) =>
    new Promise<string>((resolve) => {
      waiting = resolve;
      socket.send(
        JSON.stringify({ jsonrpc: '2.0', id: ++id, method, handle, params, delta: true }),
      );
    });
  const after = (text: string) => text.replace(/^\{"jsonrpc":"2\.0","id":\d+/, '');
  await call(-1, 'OpenDoc', ['flights']);
  // Handles 2 and 3, as the floor clients send them.
  await call(1, 'CreateSessionObject', [CUBE]);
  await call(1, 'GetField', ['Origin']);
  const answers: RecordedAnswers = {
    initial: after(await call(2, 'GetLayout', [])),
    select: {},
    layout: {},
  };
  const select = (origin: string) => call(3, 'SelectValues', [[{ qText: origin }], false, false]);
  for (const from of ['', ...ORIGINS]) {
    for (const to of ORIGINS) {
      if (from === '') await call(3, 'Clear', []);
      else await select(from);
      await call(2, 'GetLayout', []);
      answers.select[`${from}>${to}`] = after(await select(to));
      answers.layout[`${from}>${to}`] = after(await call(2, 'GetLayout', []));
    }
  }
  socket.close();
  return answers;
}
