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
