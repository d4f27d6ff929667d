import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type EngineFixture } from './helpers/engineFixture.js';

describe('COMMENT FIELD and COMMENT TABLE reach the data model', () => {
  let fixture: EngineFixture;

  beforeAll(async () => {
    fixture = await startFixture();
  });
  afterAll(() => fixture.close());

  it('fields and tables show the comments the script gave them, until a reload gives none', async () => {
    const global = await fixture.session('/app/engineData/identity/comments').open();
    const doc = await global.createSessionApp();
    await doc.setScript(`
      Orders: LOAD RecNo() as OrderId, RecNo() * 10 as Amount AUTOGENERATE 3;
      Lines: LOAD RecNo() as OrderId, 'x' as Item AUTOGENERATE 2;
      CM: MAPPING LOAD * INLINE [
        name, text
        Item, The article sold
      ];
      COMMENT FIELD Amount WITH 'Net amount in EUR';
      COMMENT FIELDS USING CM;
      COMMENT TABLE Orders WITH 'One row per order';`);
    expect(await doc.doReload()).toBe(true);
    expect((await doc.getFieldDescription('Amount')).qComment).toBe('Net amount in EUR');
    expect((await doc.getFieldDescription('Item')).qComment).toBe('The article sold');
    expect((await doc.getFieldDescription('OrderId')).qComment).toBe('');

    const { qtr } = await doc.getTablesAndKeys(
      { qcx: 0, qcy: 0 },
      { qcx: 0, qcy: 0 },
      0,
      true,
      false,
    );
    const orders = qtr.find((table) => table.qName === 'Orders');
    const lines = qtr.find((table) => table.qName === 'Lines');
    expect(orders?.qComment).toBe('One row per order');
    expect(lines?.qComment).toBe('');
    expect(orders?.qFields.map((field) => [field.qName, field.qComment])).toEqual([
      ['OrderId', ''],
      ['Amount', 'Net amount in EUR'],
    ]);

    await doc.setScript('Orders: LOAD 1 as Amount AUTOGENERATE 1;');
    expect(await doc.doReload()).toBe(true);
    expect((await doc.getFieldDescription('Amount')).qComment).toBe('');
  });
});
