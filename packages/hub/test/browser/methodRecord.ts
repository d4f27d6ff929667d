import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { join } from 'node:path';
import { SHOTS_DIR } from './Browser.js';
import type { EngineCall, Traffic } from './Traffic.js';

/** Where each browser suite leaves the record of the engine methods its page called. */
export const RECORDS_DIR = join(SHOTS_DIR, 'qix-methods');
/** The committed note generated from the records (`npm run qix-methods -w @qlikit/hub`). */
export const METHODS_DOC = join(import.meta.dirname, '..', '..', 'QIX-METHODS.md');

/** One call of a method as the note shows it: on what, asked what, answered what (abbreviated). */
export interface MethodSample {
  readonly on: string;
  readonly params: unknown;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
}

/** Every call of one method in one suite's run. */
export interface MethodRecord {
  readonly method: string;
  readonly calls: number;
  readonly errors: number;
  /** Calls by what they were made on (`Doc`, `GenericObject barchart`, …). */
  readonly on: Record<string, number>;
  /** The tests during which the page called it. */
  readonly phases: string[];
  /** The first answered call on each kind of handle. */
  readonly samples: MethodSample[];
}

/** The record of one suite's run. */
export interface SuiteRecord {
  readonly suite: string;
  readonly methods: MethodRecord[];
}

/** Writes the record of the methods `traffic` holds to RECORDS_DIR/<suite>.json. */
async function saveMethodRecord(suite: string, traffic: Traffic): Promise<void> {
  const byMethod = new Map<string, EngineCall[]>();
  for (const call of traffic.calls)
    byMethod.set(call.method, [...(byMethod.get(call.method) ?? []), call]);
  const methods = [...byMethod]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([method, calls]): MethodRecord => {
      const on: Record<string, number> = {};
      const samples: MethodSample[] = [];
      for (const call of calls) {
        on[call.on] = (on[call.on] ?? 0) + 1;
        if (samples.some((sample) => sample.on === call.on)) continue;
        if (!call.result && !call.error) continue;
        samples.push({
          on: call.on,
          params: abbreviate(call.params),
          ...(call.error ? { error: call.error } : { result: abbreviate(call.result) }),
        });
      }
      return {
        method,
        calls: calls.length,
        errors: calls.filter((call) => call.error).length,
        on,
        phases: [...new Set(calls.map((call) => call.phase))],
        samples,
      };
    });
  await mkdir(RECORDS_DIR, { recursive: true });
  const record: SuiteRecord = { suite, methods };
  await writeFile(join(RECORDS_DIR, `${suite}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Once the page is quiet, saves the suite's record and checks that the
 * committed note describes every method the page called.
 */
export async function expectMethodsDocumented(suite: string, traffic: Traffic): Promise<void> {
  await traffic.settled();
  await saveMethodRecord(suite, traffic);
  const documented = await documentedMethods();
  expect(
    traffic.methods().filter((method) => !documented.has(method)),
    'new methods: run `npm run qix-methods -w @qlikit/hub` to record them in QIX-METHODS.md',
  ).toEqual([]);
}

/** The methods the committed note describes (its `### Method` headings). */
async function documentedMethods(): Promise<Set<string>> {
  const text = await readFile(METHODS_DOC, 'utf8').catch(() => '');
  return new Set([...text.matchAll(/^### `(\w+)`/gm)].map((match) => match[1]!));
}

const MAX_DEPTH = 9;
const MAX_STRING = 80;
const SHORT_ARRAY = 4;

/**
 * A value cut to what a reader needs to see what a method answers: arrays
 * longer than four keep their first two items and say how many more there were, long strings are
 * cut, and keys without the `q` prefix (mostly the properties a chart set
 * itself, which the engine only echoes back) are named rather than shown.
 */
export function abbreviate(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? ['…'] : { '…': '…' };
  if (Array.isArray(value)) {
    // A method's arguments and short arrays (a row's cells) are shown whole.
    if (depth === 0 || value.length <= SHORT_ARRAY)
      return value.map((item) => abbreviate(item, depth + 1));
    return [
      ...value.slice(0, 2).map((item) => abbreviate(item, depth + 1)),
      `… ${value.length - 2} more`,
    ];
  }
  const out: Record<string, unknown> = {};
  const echoed: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (depth > 0 && !key.startsWith('q')) echoed.push(key);
    else out[key] = abbreviate(item, depth + 1);
  }
  if (echoed.length > 0) out['…'] = `not shown: ${echoed.join(', ')}`;
  return out;
}
