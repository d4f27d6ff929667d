import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from '../server/helpers/engineFixture.js';

type Json = Record<string, unknown>;

// nebula.js asks for `FieldList` and `DimensionList` by id, as the Qlik Sense client creates them.
describe("Qlik Sense's conventional session objects", () => {
  let fixture: EngineFixture;
  let doc: Doc;

  beforeAll(async () => {
    fixture = await startFixture();
    doc = await fixture
      .session()
      .open()
      .then((global) => global.createSessionApp());
    await doc.setScript(SALES_SCRIPT);
    expect(await doc.doReload()).toBe(true);
    await doc.createDimension({
      qInfo: { qType: 'dimension' },
      qDim: { qFieldDefs: ['Customer'], qGrouping: 'N', qLabelExpression: '' },
      qMetaDef: { title: 'Who', tags: ['people'] },
    });
    await doc.createMeasure({
      qInfo: { qType: 'measure' },
      qMeasure: { qDef: 'Sum(Amount)', qLabel: 'Sales' },
      qMetaDef: { title: 'Sales', tags: [] },
    });
  });
  afterAll(() => fixture.close());

  it('answers GetObject(FieldList) with the fields of the model', async () => {
    const list = await doc.getObject('FieldList');
    expect(list.genericType).toBe('FieldList');
    const layout = (await list.getLayout()) as Json & {
      qFieldList: { qItems: { qName: string }[] };
    };
    expect(layout.qFieldList.qItems.map((item) => item.qName).sort()).toEqual([
      'Amount',
      'Country',
      'Customer',
      'OrderId',
      'Product',
    ]);
    // The same object the second time.
    expect((await doc.getObject('FieldList')).id).toBe('FieldList');
  });

  it('answers DimensionList and MeasureList with the master items and the data their qData names', async () => {
    const dims = (await (await doc.getObject('DimensionList')).getLayout()) as Json & {
      qDimensionList: { qItems: { qData: Json }[] };
    };
    expect(dims.qDimensionList.qItems).toHaveLength(1);
    expect(dims.qDimensionList.qItems[0]!.qData).toMatchObject({
      title: 'Who',
      tags: ['people'],
      grouping: 'N',
      info: [expect.objectContaining({ qCardinal: 3 })],
    });
    const measures = (await (await doc.getObject('MeasureList')).getLayout()) as Json & {
      qMeasureList: { qItems: { qData: Json }[] };
    };
    expect(measures.qMeasureList.qItems.map((item) => item.qData.title)).toEqual(['Sales']);
  });

  it('still finds no object for any other unknown id', async () => {
    await expect(doc.getObject('CurrentSelections-nope')).rejects.toThrow(/not found/i);
  });
});
