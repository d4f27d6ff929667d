import { describe, expect, test } from 'vitest';
import { computeListObject } from '../../src/hypercube/computeListObject.js';
import { selectValues } from '../aggregate/chartOf.js';
import { salesModel } from '../aggregate/salesModel.js';

const model = salesModel();

describe('list objects', () => {
  test('every value with its state, selected first by default', () => {
    const state = selectValues(model, { Region: ['West'] });
    const list = computeListObject(model, state, {
      qDef: { qFieldDefs: ['Customer'] },
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 1, qHeight: 10 }],
    });
    expect(list.layout.qSize).toEqual({ qcx: 1, qcy: 3 });
    const cells = list.layout.qDataPages[0]!.qMatrix.map(([cell]) => [cell!.qText, cell!.qState]);
    expect(cells).toEqual([
      ['Bob', 'O'],
      ['Cid', 'O'],
      ['Ann', 'X'],
    ]);
    expect(list.layout.qDimensionInfo.qStateCounts).toMatchObject({ qOption: 2, qExcluded: 1 });
  });

  test('alternatives show as excluded unless qShowAlternatives', () => {
    const state = selectValues(model, { Region: ['West'] });
    const def = { qDef: { qFieldDefs: ['Region'], qSortCriterias: [{ qSortByAscii: 1 }] } };
    const withAlternatives = computeListObject(model, state, def).getListObjectData([
      { qLeft: 0, qTop: 0, qWidth: 1, qHeight: 5 },
    ]);
    expect(withAlternatives[0]!.qMatrix.map(([cell]) => cell!.qState)).toEqual(['A', 'S']);
    const without = computeListObject(model, state, { ...def, qShowAlternatives: false });
    expect(
      without
        .getListObjectData([{ qLeft: 0, qTop: 0, qWidth: 1, qHeight: 5 }])[0]!
        .qMatrix.map(([cell]) => cell!.qState),
    ).toEqual(['X', 'S']);
  });

  test('sorted by number descending', () => {
    const list = computeListObject(model, selectValues(model), {
      qDef: { qFieldDefs: ['Amount'], qSortCriterias: [{ qSortByNumeric: -1 }] },
      qInitialDataFetch: [{ qLeft: 0, qTop: 0, qWidth: 1, qHeight: 3 }],
    });
    expect(list.layout.qDataPages[0]!.qMatrix.map(([cell]) => cell!.qNum)).toEqual([50, 40, 30]);
  });
});
