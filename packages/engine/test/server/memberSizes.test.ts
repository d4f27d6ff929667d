import { describe, expect, it, vi } from 'vitest';
import { applyJsonPatch } from '@qlikit/qix';
import { shareJson } from '../../src/app/layout/sharedJson.js';
import { DeltaEncoder } from '../../src/server/connection/DeltaEncoder.js';
import { boundedPatchText } from '../../src/server/protocol/diffJson.js';
import { jsonText } from '../../src/server/protocol/jsonText.js';
import { MemberSizes, NOT_MEMBERS } from '../../src/server/protocol/MemberSizes.js';

// A layout's top is made per session and per call, its parts shared (see `MemberSizes`): when
// only a shared part changed, the delta encoder writes the patch from the sizes it kept of the
// last layout instead of walking it. These tests hold it to what the walk writes, answer by answer.

type Json = Record<string, unknown>;

/** A small deterministic random source, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** A shared chart layout: `rows` rows of cells, numbers from `seed`, text `escaped` with characters JSON escapes. */
function cube(rows: number, seed: number, escaped = false): Json {
  return shareJson({
    qSize: { qcx: 2, qcy: rows },
    qDimensionInfo: [{ qFallbackTitle: escaped ? 'Région "A"\n' : 'Region', qCardinal: rows }],
    qDataPages: [
      {
        qMatrix: Array.from({ length: rows }, (_, r) => [
          { qText: `r${r}`, qNum: r, qElemNumber: r, qState: 'O' },
          { qText: String((r * seed) % 97), qNum: (r * seed) % 97, qElemNumber: 0, qState: 'L' },
        ]),
      },
    ],
  });
}

const CUBES = [
  cube(3, 1),
  cube(3, 2),
  cube(40, 3),
  cube(40, 5),
  cube(40, 5, true),
  cube(400, 7), // over 16 KB of JSON: a patch may take at most half of it
  cube(400, 11),
  cube(0, 1),
  shareJson({ qSize: { qcx: 0, qcy: 0 } }), // another shape: the pair is replaced whole
];
const META = shareJson({ privileges: shareJson(['read', 'update']), title: 't' });
const OTHER_META = shareJson({ privileges: shareJson(['read']), title: 'u' });
const SELECTION_INFO = [false, true].map((qInSelections) =>
  shareJson({ qInSelections, qMadeSelections: false }),
);

/** The reference: the last value sent per key and the walk, as the encoder worked before the member sizes. */
class WalkingEncoder {
  private readonly bases = new Map<string, unknown>();

  encode(result: Json): string | undefined {
    const patches: [string, string | undefined][] = [];
    for (const [key, value] of Object.entries(result)) {
      if (value === undefined) continue;
      const previous = this.bases.get(key);
      patches.push([
        key,
        previous === undefined
          ? `[{"op":"add","path":"/","value":${jsonText(value)}}]`
          : boundedPatchText(previous, value),
      ]);
    }
    if (patches.length > 0 && patches.every(([, patch]) => patch === undefined)) return undefined;
    for (const [key] of patches) this.bases.set(key, result[key]);
    const members = patches.map(
      ([key, patch]) =>
        `${JSON.stringify(key)}:${patch ?? `[{"op":"replace","path":"/","value":${jsonText(result[key])}}]`}`,
    );
    return `{${members.join(',')}}`;
  }
}

/** What a client keeps and rebuilds: the last value of each key that came as a delta. */
class Client {
  private readonly bases = new Map<string, unknown>();

  receive(result: Json, text: string | undefined): Json {
    if (text === undefined) return JSON.parse(JSON.stringify(result)) as Json;
    const out: Json = {};
    for (const [key, ops] of Object.entries(JSON.parse(text) as Record<string, never[]>)) {
      out[key] = applyJsonPatch(structuredClone(this.bases.get(key)), ops);
      this.bases.set(key, out[key]);
    }
    return out;
  }
}

/** A fresh layout top over shared parts, as computeLayout makes one per call. */
function layout(info: Json, cubeIndex: number, options: Partial<Json> = {}): Json {
  return {
    qInfo: info,
    qHyperCube: CUBES[cubeIndex],
    qMeta: META,
    qSelectionInfo: SELECTION_INFO[0],
    qHasSoftPatches: false,
    ...options,
  };
}

describe('delta answers from the sizes of the last layout', () => {
  it('write what the walk writes, move by move, for sessions whose bases differ', () => {
    const shortcut = vi.spyOn(MemberSizes.prototype, 'patchText');
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const info = shareJson({ qId: `session-${seed}`, qType: 'chart' });
      const encoder = new DeltaEncoder();
      const walking = new WalkingEncoder();
      const client = new Client();
      for (let step = 0; step < 60; step++) {
        // Mostly a move to another cached chart, sometimes something the shortcut leaves to the walk.
        const variant = pick([
          'move',
          'move',
          'move',
          'move',
          'same',
          'selection',
          'selection+move',
          'soft',
          'meta',
          'missing',
          'extra',
          'reordered',
          'unshared',
          'scalar',
          'array',
          'two keys',
        ]);
        const cubeIndex = Math.floor(next() * CUBES.length);
        let value: unknown;
        if (variant === 'move' || variant === 'same') value = layout(info, cubeIndex);
        else if (variant === 'selection')
          value = layout(info, 0, { qSelectionInfo: SELECTION_INFO[1] });
        else if (variant === 'selection+move')
          value = layout(info, cubeIndex, { qSelectionInfo: pick(SELECTION_INFO) });
        else if (variant === 'soft') value = layout(info, cubeIndex, { qHasSoftPatches: true });
        else if (variant === 'meta') value = layout(info, cubeIndex, { qMeta: OTHER_META });
        else if (variant === 'missing') value = layout(info, cubeIndex, { qMeta: undefined });
        else if (variant === 'extra') value = layout(info, cubeIndex, { title: 'Sales "2026"' });
        else if (variant === 'reordered') {
          const { qInfo, ...rest } = layout(info, cubeIndex);
          value = { ...rest, qInfo };
        } else if (variant === 'unshared')
          value = layout(info, cubeIndex, { qHyperCube: structuredClone(CUBES[cubeIndex]) });
        else if (variant === 'scalar') value = 42;
        else if (variant === 'array') value = [layout(info, cubeIndex)];
        else value = layout(info, cubeIndex);
        const result: Json =
          variant === 'two keys'
            ? { qLayout: value, qOther: layout(info, (cubeIndex + 1) % CUBES.length) }
            : { qLayout: value };
        const text = encoder.encode(2, 'getlayout', result);
        expect(text, `seed ${seed}, step ${step} (${variant})`).toBe(walking.encode(result));
        expect(client.receive(result, text)).toEqual(JSON.parse(JSON.stringify(result)));
      }
    }
    // The shortcut answered most moves (patches, whole replacements, answers sent plain) itself.
    const answers = shortcut.mock.results.map((each) => each.value as unknown);
    shortcut.mockRestore();
    const taken = answers.filter((answer) => answer !== NOT_MEMBERS);
    expect(taken.length).toBeGreaterThan(300);
    expect(taken.filter((answer) => answer === undefined).length).toBeGreaterThan(50);
    expect(
      taken.filter((answer) => typeof answer === 'string' && answer.length > 2).length,
    ).toBeGreaterThan(50);
  });

  it('gives sessions moving from different charts to the same one their own correct patches', () => {
    const near = shareJson({ ...CUBES[3], qSize: { qcx: 2, qcy: 41 } });
    const starts = [CUBES[0]!, near, CUBES[3]!, CUBES[5]!];
    const texts = starts.map((start, index) => {
      const info = shareJson({ qId: `s${index}`, qType: 'chart' });
      const encoder = new DeltaEncoder();
      const client = new Client();
      const first = { qLayout: layout(info, 0, { qHyperCube: start }) };
      client.receive(first, encoder.encode(2, 'getlayout', first));
      const result = { qLayout: layout(info, 3) };
      const text = encoder.encode(2, 'getlayout', result);
      expect(text).toBe(walkFrom(first.qLayout, result));
      expect(client.receive(result, text)).toEqual(JSON.parse(JSON.stringify(result)));
      return text;
    });
    // From 3 rows and from 400 the cube goes whole; from a cube one number away, that number.
    const whole = `{"qLayout":[{"op":"replace","path":"/qHyperCube","value":${jsonText(CUBES[3])}}]}`;
    expect(texts).toEqual([
      whole,
      '{"qLayout":[{"op":"replace","path":"/qHyperCube/qSize/qcy","value":40}]}',
      '{"qLayout":[]}',
      whole,
    ]);
  });
});

/** The answer the walk writes for a session whose last layout was `from`. */
function walkFrom(from: Json, result: Json): string | undefined {
  const walking = new WalkingEncoder();
  walking.encode({ qLayout: from });
  return walking.encode(result);
}
