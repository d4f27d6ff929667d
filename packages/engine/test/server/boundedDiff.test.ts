import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '@qlikit/qix';
import { boundedDiffJson, boundedPatchText } from '../../src/server/protocol/diffJson.js';

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

  it('replace a cell whose text and number changed in one operation', () => {
    const before = { qLayout: page(0, 50, 1) };
    const after = structuredClone(before);
    const cell = after.qLayout.qMatrix[7]![1]!;
    Object.assign(cell, { qText: 'new', qNum: 99 });
    expect(boundedDiffJson(before, after)).toEqual([
      { op: 'replace', path: '/qLayout/qMatrix/7/1', value: cell },
    ]);
  });

  it('send a big page whole, without a patch, when most of its cells changed', () => {
    const before = [page(0, 2000, 1)];
    const after = structuredClone(before);
    // Every measure cell changes: its patch would be most of the page.
    for (const row of after[0]!.qMatrix)
      Object.assign(row[1]!, { qText: 'x', qNum: Number(row[1]!.qNum) + 1 });
    expect(boundedPatchText(before, after)).toBeUndefined();
    // A few changed cells of the same page are patched.
    const few = structuredClone(before);
    for (const r of [3, 700, 1999]) few[0]!.qMatrix[r]![1]!.qNum = -1;
    const patch = JSON.parse(boundedPatchText(before, few)!) as { path: string }[];
    expect(patch.map((op) => op.path)).toEqual([
      '/0/qMatrix/3/1/qNum',
      '/0/qMatrix/700/1/qNum',
      '/0/qMatrix/1999/1/qNum',
    ]);
  });

  it('patch a value over 16 KB only with at most half of its bytes', () => {
    const next = random(9);
    const answers = { patch: 0, whole: 0 };
    for (let trial = 0; trial < 40; trial++) {
      const before = page(0, 200 + Math.floor(next() * 200), trial);
      const after = structuredClone(before);
      const share = next();
      for (const row of after.qMatrix) {
        if (next() >= share) continue;
        Object.assign(row[1]!, { qText: `t${trial}`, qNum: -row[1]!.qNum - 1 });
        row[0]!.qNum = -1;
      }
      const text = boundedPatchText(before, after);
      const whole = JSON.stringify([{ op: 'replace', path: '/', value: after }]).length;
      answers[text === undefined ? 'whole' : 'patch']++;
      if (text === undefined) continue;
      expect(text.length).toBeLessThanOrEqual(whole / 2);
      expect(applyJsonPatch(structuredClone(before), JSON.parse(text) as never[])).toEqual(
        JSON.parse(JSON.stringify(after)),
      );
    }
    expect(answers.patch).toBeGreaterThan(5);
    expect(answers.whole).toBeGreaterThan(5);
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
