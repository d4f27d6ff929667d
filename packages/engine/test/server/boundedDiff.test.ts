import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '@qlikit/qix';
import { boundedDiffJson } from '../../src/server/protocol/diffJson.js';

// A small deterministic generator, so a failure reproduces.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function page(top: number, rows: number, seed: number) {
  const next = random(seed);
  return {
    qArea: { qTop: top, qLeft: 0, qWidth: 3, qHeight: rows },
    qMatrix: Array.from({ length: rows }, (_, r) => [
      { qText: `k${top + r}`, qNum: top + r, qElemNumber: top + r, qState: 'O' },
      { qText: 'v/1~x', qNum: Math.floor(next() * 1000) / 4, qElemNumber: 0, qState: 'L' },
      { qText: '-', qNum: 'NaN', qElemNumber: 0, qState: 'L', qIsNull: next() < 0.1 || undefined },
    ]),
  };
}

const bytes = (value: unknown) => JSON.stringify(value).length;

describe('bounded delta patches', () => {
  it('patch what changed a little', () => {
    const before = { qLayout: page(0, 50, 1) };
    const after = structuredClone(before);
    after.qLayout.qMatrix[3]![1]!.qNum = 12.5;
    const patch = boundedDiffJson(before, after);
    expect(patch).toEqual([{ op: 'replace', path: '/qLayout/qMatrix/3/1/qNum', value: 12.5 }]);
  });

  it('replace the whole value when a patch would be bigger (another page)', () => {
    const before = [page(0, 2000, 1)];
    const after = [page(2000, 2000, 2)];
    const patch = boundedDiffJson(before, after);
    expect(patch).toEqual([{ op: 'replace', path: '/', value: after }]);
  });

  it('never answer with more bytes than the whole value, and always rebuild it', () => {
    const next = random(5);
    for (let trial = 0; trial < 200; trial++) {
      const before = page(0, 1 + Math.floor(next() * 30), trial);
      const after = structuredClone(before) as Record<string, unknown> & typeof before;
      const changes = Math.floor(next() * after.qMatrix.length * 3);
      for (let c = 0; c < changes; c++) {
        const row = after.qMatrix[Math.floor(next() * after.qMatrix.length)]!;
        const cell = row[Math.floor(next() * 3)]! as Record<string, unknown>;
        const pick = next();
        if (pick < 0.5) cell.qNum = Math.floor(next() * 100);
        else if (pick < 0.75) cell.qText = `t${Math.floor(next() * 1e6)}`;
        else delete cell.qState;
      }
      if (next() < 0.2) after.qMatrix.push(after.qMatrix[0]!);
      const patch = boundedDiffJson(before, after);
      const whole = [{ op: 'replace', path: '/', value: after }];
      expect(bytes(patch)).toBeLessThanOrEqual(bytes(whole));
      expect(applyJsonPatch(structuredClone(before), patch as never[])).toEqual(
        JSON.parse(JSON.stringify(after)),
      );
    }
  });
});
