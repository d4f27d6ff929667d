import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '@qlikit/qix';
import { shareJson } from '../../src/app/layout/sharedJson.js';
import { boundedPatchParts, boundedPatchText } from '../../src/server/protocol/diffJson.js';
import { frameBytes } from '../../src/server/protocol/frameBytes.js';
import { joinText } from '../../src/server/protocol/SplitText.js';

// A cached chart's hypercube: a page whose first rows depend on `seed` (a patch of about 2 KB).
function cube(seed: number) {
  return shareJson({
    qSize: { qcx: 2, qcy: 40 },
    qDataPages: [
      {
        qMatrix: Array.from({ length: 40 }, (_, r) => [
          { qText: `r${r}`, qNum: r, qElemNumber: r, qState: 'O' },
          r < 12
            ? {
                qText: `é ${seed * r} ${'x'.repeat(80)}`,
                qNum: seed * r,
                qElemNumber: 0,
                qState: 'L',
              }
            : { qText: 'same', qNum: 0, qElemNumber: 0, qState: 'L' },
        ]),
      },
    ],
  });
}

describe('patches split around their shared piece', () => {
  it('keep the pair patch apart, the same string every time, and join to the whole patch', () => {
    const from = { qInfo: { qId: 'a' }, qHyperCube: cube(1) };
    const to = { qInfo: { qId: 'a' }, qHyperCube: cube(2), qExtra: 1 };
    const parts = boundedPatchParts(from, to);
    expect(typeof parts).toBe('object');
    const again = boundedPatchParts({ ...from, qInfo: { qId: 'a' } }, to);
    // The body is the pair's text itself, not a copy: its bytes are encoded once.
    expect(
      typeof again === 'object' && typeof parts === 'object' && again.body === parts.body,
    ).toBe(true);
    const text = joinText(parts!);
    expect(text).toBe(boundedPatchText(from, to));
    expect(applyJsonPatch(from, JSON.parse(text) as never)).toEqual(to);
  });

  it('write the frame bytes of a split text as the joined text encodes (UTF-8, twice from cache)', () => {
    const parts = boundedPatchParts({ qHyperCube: cube(3) }, { qHyperCube: cube(4) });
    expect(typeof parts).toBe('object');
    const frame = { before: `{"id":1,"é":`, body: (parts as { body: string }).body, after: '}' };
    for (let i = 0; i < 2; i++)
      expect(frameBytes(frame).equals(Buffer.from(joinText(frame), 'utf8'))).toBe(true);
    // Frames too big for a slab get a buffer of their own; many small ones fill several slabs.
    const big = { ...frame, after: `${'ü'.repeat(20_000)}}` };
    expect(frameBytes(big).equals(Buffer.from(joinText(big), 'utf8'))).toBe(true);
    const frames = Array.from({ length: 100 }, (_, id) => ({ ...frame, before: `{"id":${id},` }));
    const written = frames.map((each) => frameBytes(each));
    frames.forEach((each, i) =>
      expect(written[i]!.equals(Buffer.from(joinText(each), 'utf8'))).toBe(true),
    );
  });
});
