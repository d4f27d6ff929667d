import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type EngineFixture } from './helpers/engineFixture.js';

describe('BINARY loads another app’s data first', () => {
  let fixture: EngineFixture;

  beforeAll(async () => {
    fixture = await startFixture();
  });
  afterAll(() => fixture.close());

  it('starts from the other app’s tables and its section access, then runs the rest', async () => {
    const global = await fixture.session('/app/engineData/identity/ann').open();
    const { qAppId: sourceId } = await global.createApp('Source');
    const source = await global.openDoc(sourceId);
    await source.setScript(`
      Section Access;
      LOAD * INLINE [
      ACCESS, USERID, REGION
      USER, ann, NORTH
      ];
      Section Application;
      Sales: LOAD * INLINE [
      REGION, Amount
      NORTH, 10
      SOUTH, 32
      ];`);
    expect(await source.doReload()).toBe(true);
    await source.doSave();

    const { qAppId: targetId } = await global.createApp('Target');
    const other = await fixture.session(`/app/${targetId}/identity/ann`).open();
    const target = await other.openDoc(targetId);
    await target.setScript(`
      Binary [lib://Apps/${sourceId}.qvf];
      Extra: LOAD Sum(Amount) as Total RESIDENT Sales;`);
    expect(await target.doReload()).toBe(true);
    // ann sees NORTH only: the section access came along with the data.
    expect(await target.evaluate('Sum(Amount)')).toBe('10');
    const { qtr } = await target.getTablesAndKeys(
      { qcx: 0, qcy: 0 },
      { qcx: 0, qcy: 0 },
      0,
      true,
      false,
    );
    expect(qtr.map((table) => table.qName)).toEqual(['Sales', 'Extra']);
  });

  it('must be the first statement', async () => {
    const global = await fixture.session('/app/engineData/identity/x').open();
    const doc = await global.createSessionApp();
    await doc.setScript('SET a = 1;\nBinary other;');
    expect(await doc.doReload()).toBe(false);
  });
});
