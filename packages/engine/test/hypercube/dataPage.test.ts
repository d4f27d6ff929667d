import { describe, expect, test } from 'vitest';
import { applyJsonPatch } from '@qlikit/qix';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import { DataPage } from '../../src/hypercube/DataPage.js';
import type { HyperCubeDef, NxDataPage } from '../../src/hypercube/QixShapes.js';
import { DataModel } from '../../src/model/DataModel.js';
import { boundedPatchText } from '../../src/server/protocol/diffJson.js';
import { jsonText } from '../../src/server/protocol/jsonText.js';
import { shareJson } from '../../src/app/layout/sharedJson.js';
import { Dual } from '../../src/value/Value.js';
import { selectValues } from '../aggregate/chartOf.js';
import { tableOf } from '../aggregate/tableOf.js';

// Texts that JSON must escape, a dual, a null key and a null amount: the cells a page's own text writes.
const model = DataModel.fromTables([
  tableOf(
    'Sales',
    ['Customer', 'Day', 'Amount', 'Note'],
    [
      ['Ann "A"', new Dual('2024-01-31', 45322), 10, 'x'],
      ['Bob\\B', new Dual('2024-02-01', 45323), 20.125, 'y\n'],
      ['Cid \u00e9\u{1f600}', new Dual('2024-01-31', 45322), 30, '\u0001'],
      ['Dan\ud800', new Dual('2024-02-01', 45323), null, 'z'],
      [null, new Dual('2024-01-31', 45322), 5, 'w'],
      ['Eve', new Dual('2024-02-01', 45323), 1 / 3, 'v'],
    ],
  ),
]);

const MEASURES = [
  'Sum(Amount)',
  'Sum(Amount)/7',
  'Only(Note)',
  'Sum(Amount)*1e308*10',
  '-0*Sum(Amount)',
  'Sum({<Customer={"Nobody"}>} Amount)',
];

function cubeOf(picks: Record<string, (string | number)[]>, extra: Partial<HyperCubeDef> = {}) {
  const def: HyperCubeDef = {
    qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }, { qDef: { qFieldDefs: ['Day'] } }],
    qMeasures: [
      ...MEASURES.map((qDef) => ({ qDef: { qDef } })),
      { qDef: { qDef: 'Sum(Amount)', qNumFormat: { qType: 'F', qFmt: '#,##0.00', qDec: ',' } } },
    ],
    qInitialDataFetch: [],
    ...extra,
  };
  return computeHyperCube(model, selectValues(model, picks), def);
}

const WHOLE = [{ qTop: 0, qLeft: 0, qWidth: 9, qHeight: 20 }];
const pageOf = (cube: ReturnType<typeof cubeOf>, area = WHOLE) =>
  cube.getHyperCubeData(area)[0] as DataPage;

describe('data pages written from the columns', () => {
  test("a page's own JSON is the JSON of its cell objects, for every kind of cell", () => {
    for (const cube of [cubeOf({}), cubeOf({ Customer: ['Ann "A"', 'Eve'] })]) {
      const written = pageOf(cube);
      const objects = pageOf(cube);
      expect(written.textual).toBe(true);
      const text = jsonText({ qDataPages: [written] });
      // Reading qMatrix makes the cell objects; JSON.stringify then writes them.
      expect(objects.qMatrix.length).toBeGreaterThan(1);
      expect(objects.textual).toBe(false);
      expect(text).toBe(JSON.stringify({ qDataPages: [objects] }));
    }
  });

  test('a page cut from the middle of the grid, and an Others row', () => {
    const cube = cubeOf(
      {},
      {
        qDimensions: [
          {
            qDef: { qFieldDefs: ['Customer'] },
            qOtherTotalSpec: { qOtherMode: 'OTHER_COUNTED', qOtherCounted: { qv: '2' } },
          },
        ],
      },
    );
    const area = [{ qTop: 1, qLeft: 1, qWidth: 3, qHeight: 2 }];
    const all = [{ qTop: 0, qLeft: 0, qWidth: 8, qHeight: 9 }];
    for (const pages of [area, all]) {
      const objects = pageOf(cube, pages);
      expect(objects.qMatrix.length).toBeGreaterThan(0);
      expect(jsonText(pageOf(cube, pages))).toBe(JSON.stringify(objects));
    }
    expect(jsonText(pageOf(cube, all))).toContain('"qIsOtherCell":true');
  });

  test('a dimension of more symbols than an array of cell texts is kept for', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`c${i}`, i % 7]);
    const wide = DataModel.fromTables([tableOf('Wide', ['Customer', 'Amount'], rows)]);
    const cube = computeHyperCube(wide, selectValues(wide), {
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
    });
    const area = [{ qTop: 4000, qLeft: 0, qWidth: 2, qHeight: 900 }];
    const text = jsonText(cube.getHyperCubeData(area)[0]);
    const objects = cube.getHyperCubeData(area)[0]!;
    expect(objects.qMatrix).toHaveLength(900);
    expect(text).toBe(JSON.stringify(objects));
  });

  test('cells read and changed through qMatrix are what the page then writes', () => {
    const page = pageOf(cubeOf({}));
    page.qMatrix[0]![0]!.qText = 'changed';
    expect(JSON.parse(jsonText(page)).qMatrix[0][0].qText).toBe('changed');
    const replaced = pageOf(cubeOf({}));
    replaced.qMatrix = [];
    expect(JSON.parse(jsonText(replaced)).qMatrix).toEqual([]);
  });

  test('a shared layout writes its pages from the columns too', () => {
    const cube = cubeOf({}, { qInitialDataFetch: WHOLE });
    const layout = shareJson({ ...cube.layout });
    const text = jsonText({ qLayout: { qHyperCube: layout } });
    expect((cube.layout.qDataPages[0] as DataPage).textual).toBe(true);
    expect(JSON.parse(text)).toEqual({
      qLayout: { qHyperCube: JSON.parse(JSON.stringify(layout)) },
    });
  });

  test("a page takes the texts made ahead for the same area of the same cube, and no other's", () => {
    const cube = cubeOf({});
    const ahead = pageOf(cube);
    ahead.writeAhead();
    const same = pageOf(cube);
    same.reuseTexts(ahead);
    expect(same.cellTexts()).toBe(ahead.cellTexts());
    // JSON.stringify reads qMatrix: the cell objects' JSON.
    expect(jsonText(same)).toBe(JSON.stringify(pageOf(cube)));
    const lower = pageOf(cube, [{ qTop: 1, qLeft: 0, qWidth: 9, qHeight: 20 }]);
    lower.reuseTexts(ahead);
    expect(lower.cellTexts()).not.toBe(ahead.cellTexts());
    const selected = cubeOf({ Customer: ['Eve'] });
    const other = pageOf(selected);
    other.reuseTexts(ahead);
    expect(other.cellTexts()).not.toBe(ahead.cellTexts());
    expect(jsonText(other)).toBe(JSON.stringify(pageOf(selected)));
    // The members beside the cells are written when the page is: a change to them is in its JSON.
    same.qIsReduced = true;
    expect(JSON.parse(jsonText(same)).qIsReduced).toBe(true);
  });
});

describe('patches between data pages', () => {
  /** Applies the patch between two pages' answers to the first and checks it gives the second. */
  function patched(before: NxDataPage, after: NxDataPage): string | undefined {
    const previous = { qDataPages: [before] };
    const next = { qDataPages: [after] };
    const expected = JSON.parse(jsonText(next)) as unknown;
    const base = JSON.parse(jsonText(previous)) as unknown;
    const patch = boundedPatchText(previous, next);
    if (patch !== undefined) {
      expect(applyJsonPatch(base, JSON.parse(patch) as never[])).toEqual(expected);
      // Never bigger than the value, but for the operation that would carry it whole.
      expect(patch.length).toBeLessThanOrEqual(jsonText(next).length + 40);
    }
    return patch;
  }

  test('the same page is an empty patch, without cell objects', () => {
    const a = pageOf(cubeOf({}));
    const b = pageOf(cubeOf({}));
    expect(patched(a, b)).toBe('[]');
    expect(a.textual && b.textual).toBe(true);
  });

  test('another area, or a page of other cells, is replaced whole', () => {
    const cube = cubeOf({});
    const top = pageOf(cube, [{ qTop: 0, qLeft: 0, qWidth: 9, qHeight: 2 }]);
    const lower = pageOf(cube, [{ qTop: 2, qLeft: 0, qWidth: 9, qHeight: 2 }]);
    expect(JSON.parse(patched(top, lower)!)).toHaveLength(1);
    // A page big enough to be sent plain when every measure changed.
    const rows = Array.from({ length: 400 }, (_, i) => [`k${i}`, new Dual(String(i), i), i, 'n']);
    const big = DataModel.fromTables([
      tableOf('Sales', ['Customer', 'Day', 'Amount', 'Note'], rows),
    ]);
    const def = (measure: string): HyperCubeDef => ({
      qDimensions: [{ qDef: { qFieldDefs: ['Customer'] } }],
      qMeasures: [{ qDef: { qDef: measure } }],
    });
    const page = (measure: string) =>
      computeHyperCube(big, selectValues(big), def(measure)).getHyperCubeData([
        { qWidth: 2, qHeight: 400 },
      ])[0]!;
    expect(patched(page('Sum(Amount)'), page('Sum(Amount)*3'))).toBeUndefined();
    expect(patched(page('Sum(Amount)'), page('Sum(Amount)+(Amount=7)'))).toMatch(/qMatrix\/7\/1/);
  });
});
