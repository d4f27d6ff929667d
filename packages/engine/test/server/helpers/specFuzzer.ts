import WebSocket from 'ws';
import {
  ENUM_SHAPES,
  PARAM_SHAPES,
  STRUCT_SHAPES,
  type Shape,
} from '../../../src/generated/shapes.js';
import { SALES_SCRIPT } from './engineFixture.js';

// A fuzzer that speaks the spec: every method of every class on live handles,
// parameters built from the spec's shapes and then mutated, plus malformed frames.
// The project's test runs it briefly; bench/engine-server/fuzz.ts runs it long.

/** A deterministic pseudo-random generator (LCG), so a failing seed replays exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What one fuzzing run saw. */
export interface FuzzReport {
  /** Requests sent, malformed frames included. */
  readonly requests: number;
  /** Answers that were errors (expected for most mutated requests). */
  readonly errors: number;
  /** Answers that were results. */
  readonly results: number;
  /** Answers with LOCERR_GENERIC_INTERNAL_ERROR or JSON-RPC -32603: each a bug, with its request. */
  readonly internal: readonly { request: string; message: string }[];
  /** Requests that got no answer within the timeout. */
  readonly hangs: readonly string[];
  /** Requests per class and method, to see what was reached. */
  readonly reached: ReadonlyMap<string, number>;
}

/** Options of `runSpecFuzz`. */
export interface FuzzOptions {
  readonly seed: number;
  readonly requests: number;
  /** Run between rounds (e.g. check that another session's chart is unaffected). */
  readonly checkpoint?: () => Promise<void>;
  /** Requests between re-creating the live handles (a fuzzed request may destroy them). */
  readonly roundSize?: number;
  /** Milliseconds before an unanswered request counts as a hang. */
  readonly timeoutMs?: number;
  /** A stored app to fuzz (opened with OpenDoc, shared with whoever else has it open); by default a session app of its own. */
  readonly appId?: string;
  /** How often a parameter is mutated (0.2), and a member or item deeper down (0.03). */
  readonly mutationRate?: number;
  readonly nestedMutationRate?: number;
}

const STRINGS = [
  '',
  'Customer',
  'Product',
  'Amount',
  'Country',
  'Sum(Amount)',
  '=Count(Customer)',
  'Sum(NoSuchField)',
  '$(vTarget)',
  'vTarget',
  'Alice',
  'Bob',
  'A*',
  '>5',
  '$',
  'alt',
  '/qInfo/qId',
  '/qHyperCubeDef/qDimensions/0',
  '[Customer]',
  'NoSuchThing',
  'Orders',
  'Sum(',
  '\u0000\uffff',
  'x'.repeat(2000),
  'Orders: LOAD RecNo() AS N AUTOGENERATE 3;',
  '2024-02-10',
  'qlik',
  // Names that reach a prototype when an object is keyed by client input.
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];
const INTEGERS = [0, 1, 2, 3, -1, 5, 10, 100, 10_000, 2 ** 31 - 1, -(2 ** 31), 2 ** 53];
const NUMBERS = [0, 0.5, -2.25, 1e308, -1e-308, 45, 3.0];
/** Values of every JSON type, for mutations. */
const JUNK: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e300,
  'x',
  '',
  [],
  {},
  [null],
  [[[]]],
  { qId: 5 },
  { qInfo: null },
  'NaN',
  2 ** 53,
];

type Pick = <T>(items: readonly T[]) => T;

/** Builds values for shapes, mostly valid, sometimes not. */
export class ShapeValues {
  constructor(
    private readonly next: () => number,
    private readonly strings: () => readonly string[],
    /** How often a member or item deeper down is mutated too. */
    private readonly nestedRate = 0.03,
  ) {}

  readonly pick: Pick = (items) => items[Math.floor(this.next() * items.length)]!;

  /** A value of `shape`; structs go at most `depth` levels down. */
  value(shape: Shape, depth = 0): unknown {
    const kind = shape[0];
    if (kind === '[') {
      const length = depth > 3 ? 0 : Math.floor(this.next() * 4);
      return Array.from({ length }, () => this.nested(shape.slice(1), depth + 1));
    }
    if (kind === 'S') return this.struct(shape.slice(1), depth);
    if (kind === 'E') return this.enumValue(shape.slice(1));
    if (kind === 'L') return this.pick(shape.slice(1).split('|'));
    switch (shape) {
      case 's':
        return this.pick(this.strings());
      case 'i':
        return this.pick(INTEGERS);
      case 'n':
        return this.pick(NUMBERS);
      case 'b':
        return this.next() < 0.5;
      case 'o':
        return this.next() < 0.5 ? {} : { qText: this.pick(STRINGS), n: this.pick(INTEGERS) };
      default:
        return this.pick(JUNK);
    }
  }

  /** `value`, or now and then something of another type, a prototype key or a deep nest. */
  mutated(shape: Shape, rate: number): unknown {
    if (this.next() >= rate) return this.value(shape);
    const roll = this.next();
    if (roll < 0.7) return this.pick(JUNK);
    if (roll < 0.8) return JSON.parse('{"__proto__":{"qStateName":"zzz"},"qInfo":{"qType":"x"}}');
    if (roll < 0.9) return JSON.parse('['.repeat(300) + ']'.repeat(300));
    const value = this.value(shape);
    return typeof value === 'string' ? value.repeat(50) : [value, value];
  }

  private nested(shape: Shape, depth: number): unknown {
    return this.next() < this.nestedRate ? this.pick(JUNK) : this.value(shape, depth);
  }

  private struct(name: string, depth: number): Record<string, unknown> {
    const struct = STRUCT_SHAPES[name];
    if (!struct || depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const [key, shape] of Object.entries(struct.props)) {
      if (this.next() < 0.5) out[key] = this.nested(shape, depth + 1);
    }
    // Generic properties hold the definitions the engine computes (qHyperCubeDef, ...).
    const dynamic = Object.entries(struct.dynamic ?? {});
    if (dynamic.length > 0 && this.next() < 0.7) {
      const [key, shape] = this.pick(dynamic);
      out[key] = this.value(shape, depth + 1);
    }
    return out;
  }

  private enumValue(name: string): unknown {
    const values = ENUM_SHAPES[name]?.values ?? [];
    if (values.length === 0 || this.next() < 0.2) return this.pick(INTEGERS);
    return this.pick(values);
  }
}

const MALFORMED = [
  '',
  '{',
  '[]',
  '"x"',
  'null',
  '{"jsonrpc":',
  '1e999',
  '{"id":1}',
  '{"jsonrpc":"2.0","id":7,"handle":-1}',
  '{"jsonrpc":"2.0","id":7,"handle":"-1","method":"EngineVersion"}',
  '{"jsonrpc":"2.0","id":7,"handle":-1,"method":"EngineVersion","params":5}',
  '[{"jsonrpc":"2.0","id":8,"handle":-1,"method":"EngineVersion"},1]',
  '{"jsonrpc":"2.0","id":{},"handle":-1,"method":"EngineVersion"}',
];

/** A socket that sends frames and waits for the answer carrying each id. */
class FuzzSocket {
  private readonly waiting = new Map<string, (message: Record<string, unknown>) => void>();
  private anyAnswer: ((message: Record<string, unknown>) => void) | undefined;
  private nextId = 1;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const parsed = JSON.parse(data.toString()) as unknown;
      const messages = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
      for (const message of messages) {
        if (!('id' in message)) continue;
        const byId = this.waiting.get(JSON.stringify(message.id));
        if (byId) {
          this.waiting.delete(JSON.stringify(message.id));
          byId(message);
        } else {
          this.anyAnswer?.(message);
        }
      }
    });
  }

  static async open(url: string): Promise<FuzzSocket> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new FuzzSocket(socket);
  }

  /** Sends a request and resolves with its answer, or undefined after `timeoutMs`. */
  call(
    request: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<Record<string, unknown> | undefined> {
    const id = this.nextId++;
    return this.await(JSON.stringify(id), timeoutMs, () =>
      this.socket.send(JSON.stringify({ jsonrpc: '2.0', ...request, id })),
    );
  }

  /** Sends a malformed frame; resolves with the first answer that is not for a pending id. */
  sendRaw(text: string, timeoutMs: number): Promise<Record<string, unknown> | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.anyAnswer = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.anyAnswer = (message) => {
        clearTimeout(timer);
        this.anyAnswer = undefined;
        resolve(message);
      };
      this.socket.send(text);
    });
  }

  private await(
    key: string,
    timeoutMs: number,
    send: () => void,
  ): Promise<Record<string, unknown> | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(key, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      send();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

/** Handles of every class, re-created each round: class name → handles. */
type LiveHandles = Map<string, number[]>;

async function createHandles(
  socket: FuzzSocket,
  ids: Set<string>,
  timeoutMs: number,
  appId: string | undefined,
): Promise<LiveHandles> {
  const call = async (handle: number, method: string, params: unknown[] = []) => {
    const answer = await socket.call({ handle, method, params }, timeoutMs);
    const result = answer?.result as
      { qReturn?: { qHandle?: number; qGenericId?: string } } | undefined;
    if (!result?.qReturn?.qHandle)
      throw new Error(`fuzz setup: ${method} failed: ${JSON.stringify(answer)}`);
    if (result.qReturn.qGenericId) ids.add(result.qReturn.qGenericId);
    return result.qReturn.qHandle;
  };
  const doc =
    appId === undefined ? await call(-1, 'GetActiveDoc') : await call(-1, 'OpenDoc', [appId]);
  await socket.call({ handle: doc, method: 'SetScript', params: [SALES_SCRIPT] }, timeoutMs);
  await socket.call({ handle: doc, method: 'DoReload', params: [] }, timeoutMs);
  const chart = {
    qInfo: { qType: 'chart' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }, { qDef: { qFieldDefs: ['Product'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 10 }],
    },
  };
  const list = {
    qInfo: { qType: 'filterpane' },
    qListObjectDef: { qDef: { qFieldDefs: ['Country'] } },
  };
  const name = `vFuzz${ids.size}`;
  return new Map([
    ['Global', [-1]],
    ['Doc', [doc]],
    [
      'GenericObject',
      [await call(doc, 'CreateSessionObject', [chart]), await call(doc, 'CreateObject', [list])],
    ],
    [
      'GenericDimension',
      [
        await call(doc, 'CreateDimension', [
          { qInfo: { qType: 'dimension' }, qDim: { qFieldDefs: ['Customer'] } },
        ]),
      ],
    ],
    [
      'GenericMeasure',
      [
        await call(doc, 'CreateMeasure', [
          { qInfo: { qType: 'measure' }, qMeasure: { qDef: 'Sum(Amount)' } },
        ]),
      ],
    ],
    ['GenericBookmark', [await call(doc, 'CreateBookmark', [{ qInfo: { qType: 'bookmark' } }])]],
    [
      'GenericVariable',
      [await call(doc, 'CreateSessionVariable', [{ qName: name, qDefinition: '=Sum(Amount)' }])],
    ],
    ['Field', [await call(doc, 'GetField', ['Product'])]],
    ['Variable', [await call(doc, 'GetVariable', [name])]],
  ]);
}

/** One fuzzed request on a live handle: a method of its class with shaped, mutated params. */
function specRequest(
  values: ShapeValues,
  next: () => number,
  handles: LiveHandles,
  mutationRate: number,
) {
  const className = values.pick([...handles.keys()]);
  const methods = PARAM_SHAPES[className] ?? {};
  const method = values.pick(Object.keys(methods));
  const shapes = methods[method] ?? [];
  // Now and then fewer params than the spec lists, or a null for one.
  const count = next() < 0.15 ? Math.floor(next() * (shapes.length + 1)) : shapes.length;
  const params = shapes
    .slice(0, count)
    .map((shape) => (next() < 0.05 ? null : values.mutated(shape, mutationRate)));
  const roll = next();
  const handle =
    roll < 0.95 ? values.pick(handles.get(className)!) : values.pick([0, 9999, -2, 1.5]);
  const named = next() < 0.1;
  return {
    key: `${className}.${method}`,
    request: {
      handle,
      method: next() < 0.03 ? method.toLowerCase() : method,
      params: named
        ? Object.fromEntries(params.map((value, index) => [`q${index}`, value]))
        : params,
    },
  };
}

function internalMessage(answer: Record<string, unknown>): string | undefined {
  const error = answer.error as { code?: unknown; message?: unknown } | undefined;
  if (!error) return undefined;
  return error.code === 10 || error.code === -32603 ? String(error.message) : undefined;
}

/**
 * Runs `requests` seeded, spec-shaped requests (and malformed frames) on a
 * session app of its own at `engineUrl`, every class of handle live.
 */
export async function runSpecFuzz(engineUrl: string, options: FuzzOptions): Promise<FuzzReport> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const roundSize = options.roundSize ?? 250;
  const next = seededRandom(options.seed);
  const ids = new Set<string>();
  const values = new ShapeValues(
    next,
    () => [...STRINGS, ...ids],
    options.nestedMutationRate ?? 0.03,
  );
  const path =
    options.appId === undefined
      ? `/app/SessionApp_fuzz${options.seed}`
      : `/app/${options.appId}/identity/fuzz${options.seed}`;
  const socket = await FuzzSocket.open(`${engineUrl}${path}`);
  const internal: { request: string; message: string }[] = [];
  const hangs: string[] = [];
  const reached = new Map<string, number>();
  let errors = 0;
  let results = 0;
  let handles: LiveHandles = new Map();
  try {
    for (let sent = 0; sent < options.requests; sent++) {
      if (sent % roundSize === 0) {
        if (sent > 0) await options.checkpoint?.();
        handles = await createHandles(socket, ids, timeoutMs, options.appId);
      }
      let text: string;
      let answer: Record<string, unknown> | undefined;
      if (next() < 0.05) {
        text = values.pick(MALFORMED);
        answer = await socket.sendRaw(text, timeoutMs);
      } else {
        const { key, request } = specRequest(values, next, handles, options.mutationRate ?? 0.2);
        reached.set(key, (reached.get(key) ?? 0) + 1);
        text = JSON.stringify(request);
        answer = await socket.call(request, timeoutMs);
      }
      if (!answer) {
        hangs.push(text);
        continue;
      }
      if (answer.error) errors++;
      else results++;
      const message = internalMessage(answer);
      if (message !== undefined) internal.push({ request: text.slice(0, 500), message });
    }
    await options.checkpoint?.();
  } finally {
    await socket.close();
  }
  return { requests: options.requests, errors, results, internal, hangs, reached };
}
