import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openSession, type Doc, type Global, type QixSession } from '@qlikit/qix';
import { startEngine, type RunningEngine, type StartEngineOptions } from '../../../src/index.js';

/** A running engine on a fresh temp data directory, and ways to talk to it. */
export interface EngineFixture {
  readonly engine: RunningEngine;
  readonly dataDir: string;
  /** A `@qlikit/qix` session on `path` (e.g. `/app/engineData`); closed by `close()`. */
  session(path?: string, options?: { reconnect?: boolean; delta?: boolean }): QixSession;
  /** A raw socket that records every message, for protocol tests. */
  raw(path?: string): Promise<RawSocket>;
  /** Stops everything and removes the data directory (unless `keepData`). */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** A raw WebSocket with a queue of received JSON messages. */
export interface RawSocket {
  readonly socket: WebSocket;
  /** The next message (waits for it). */
  next(): Promise<Record<string, unknown>>;
  /** Sends a frame (an object is JSON-encoded) and returns the answer with the same id. */
  call(message: Record<string, unknown>): Promise<Record<string, unknown>>;
  sendText(text: string): void;
  close(): Promise<void>;
}

/** Starts an engine on a temp directory (or the given one). */
export async function startFixture(
  options: Partial<StartEngineOptions> = {},
): Promise<EngineFixture> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'qlikit-engine-')));
  const engine = await startEngine({ ...options, port: 0, dataDir });
  const sessions: QixSession[] = [];
  const sockets: RawSocket[] = [];
  return {
    engine,
    dataDir,
    session(path = '/app/engineData', sessionOptions = {}) {
      const session = openSession({
        url: `${engine.url}${path}`,
        reconnect: sessionOptions.reconnect ?? false,
        delta: sessionOptions.delta,
      });
      sessions.push(session);
      return session;
    },
    async raw(path = '/app/engineData') {
      const socket = await openRaw(`${engine.url}${path}`);
      sockets.push(socket);
      return socket;
    },
    async close({ keepData = false } = {}) {
      await Promise.allSettled(sessions.map((session) => session.close()));
      await Promise.allSettled(sockets.map((socket) => socket.close()));
      await engine.close();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function openRaw(url: string): Promise<RawSocket> {
  const socket = new WebSocket(url);
  const queue: Record<string, unknown>[] = [];
  const waiters: ((message: Record<string, unknown>) => void)[] = [];
  const byId = new Map<unknown, (message: Record<string, unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Record<string, unknown>;
    const waiter = message.id !== undefined ? byId.get(message.id) : undefined;
    if (waiter) {
      byId.delete(message.id);
      waiter(message);
      return;
    }
    const next = waiters.shift();
    if (next) next(message);
    else queue.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  return {
    socket,
    next: () =>
      new Promise((resolve) =>
        queue.length > 0 ? resolve(queue.shift()!) : waiters.push(resolve),
      ),
    call(message) {
      const id = message.id ?? nextId++;
      return new Promise((resolve) => {
        byId.set(id, resolve);
        socket.send(JSON.stringify({ jsonrpc: '2.0', ...message, id }));
      });
    },
    sendText: (text) => socket.send(text),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

/** A session app of `global` loaded by `script` (the sales script by default); fails unless it reloads. */
export async function reloadedSessionApp(global: Global, script = SALES_SCRIPT): Promise<Doc> {
  const doc = await global.createSessionApp();
  await doc.setScript(script);
  if (!(await doc.doReload())) throw new Error('the session app did not reload its script');
  return doc;
}

/** A small sales script the tests share: two associated tables. */
export const SALES_SCRIPT = `Orders:
LOAD * INLINE [
OrderId, Customer, Product, Amount
1, Alice, Apple, 10
2, Alice, Banana, 20
3, Bob, Apple, 5
4, Carol, Cherry, 7
5, Bob, Banana, 3
];
Customers:
LOAD * INLINE [
Customer, Country
Alice, SE
Bob, NO
Carol, SE
];
SET vTarget = 42;
`;
