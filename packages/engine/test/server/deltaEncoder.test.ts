import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '@qlikit/qix';
import { DeltaEncoder } from '../../src/server/connection/DeltaEncoder.js';

/** A big value (over 16 KB of JSON): rows of cells, the first `changed` of them with other numbers. */
function rows(changed: number, seed: number) {
  return Array.from({ length: 400 }, (_, r) => [
    { qText: `k${r}`, qNum: r, qElemNumber: r, qState: 'O' },
    { qText: String(r < changed ? r * seed : r), qNum: r < changed ? r * seed : r, qState: 'L' },
  ]);
}

/** What a client keeps: the last value of each key that came as a delta, as enigma.js and @qlikit/qix do. */
class Client {
  private readonly bases = new Map<string, unknown>();

  receive(result: Record<string, unknown>, text: string | undefined): Record<string, unknown> {
    if (text === undefined) return JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    const patches = JSON.parse(text) as Record<string, never[]>;
    const out: Record<string, unknown> = {};
    for (const [key, ops] of Object.entries(patches)) {
      out[key] = applyJsonPatch(structuredClone(this.bases.get(key)), ops);
      this.bases.set(key, out[key]);
    }
    return out;
  }
}

describe('delta encoder', () => {
  it('answers plain when no key is worth patching, patches the others, and stays in step with the client', () => {
    const encoder = new DeltaEncoder();
    const client = new Client();
    const steps = [
      { a: rows(0, 1), b: { n: 1 } }, // first: both keys added
      { a: rows(3, 2), b: { n: 1 } }, // a few cells: a patch
      { a: rows(400, 3), b: { n: 2 } }, // a whole, b patched: one delta answer
      { a: rows(400, 4), b: { n: 2 } }, // a whole, b unchanged (an empty patch)
      { a: rows(400, 5), b: rows(400, 6) }, // both whole: a plain answer
      { a: rows(400, 5), b: { n: 2 } }, // back to bases the client holds
    ];
    const forms: string[] = [];
    for (const result of steps) {
      const text = encoder.encode(1, 'getthing', result);
      forms.push(text === undefined ? 'plain' : 'delta');
      expect(client.receive(result, text)).toEqual(JSON.parse(JSON.stringify(result)));
      if (text !== undefined) {
        // A delta answer is never bigger than the value it replaces (plus, per key sent whole, its op).
        expect(text.length).toBeLessThanOrEqual(JSON.stringify(result).length + 80);
      }
    }
    expect(forms).toEqual(['delta', 'delta', 'delta', 'delta', 'plain', 'delta']);
  });
});
