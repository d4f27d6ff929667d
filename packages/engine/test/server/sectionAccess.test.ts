import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type EngineFixture } from './helpers/engineFixture.js';

// Orders link to Customers through CustomerID; section access reduces on
// REGION (a field of Customers), so a user's orders are those of the
// customers of the user's regions — the reduction spreads like a selection.
const SCRIPT = `
  Section Access;
  LOAD * INLINE [
  ACCESS, USERID, REGION, OMIT
  ADMIN, boss, *,
  USER, ann, NORTH,
  USER, bob, SOUTH, Phone
  USER, bob, EAST,
  ];
  Section Application;
  Customers: LOAD * INLINE [
  CustomerID, REGION, Phone
  1, NORTH, 111
  2, SOUTH, 222
  3, EAST, 333
  4, WEST, 444
  ];
  Orders: LOAD * INLINE [
  OrderID, CustomerID, Amount
  10, 1, 100
  11, 2, 20
  12, 3, 3
  13, 4, 4000
  14, 1, 200
  ];`;

describe('SECTION ACCESS reduces the data by the connecting user', () => {
  let fixture: EngineFixture;
  let appId: string;

  beforeAll(async () => {
    fixture = await startFixture();
    const global = await fixture.session('/app/engineData/identity/boss').open();
    ({ qAppId: appId } = await global.createApp('Secured'));
    const doc = await global.openDoc(appId);
    await doc.setScript(SCRIPT);
    expect(await doc.doReload()).toBe(true);
    await doc.doSave();
  });
  afterAll(() => fixture.close());

  async function openAs(user: string) {
    const global = await fixture.session(`/app/${appId}/identity/${user}`).open();
    return global.openDoc(appId);
  }

  it.each([
    // Totals worked out by hand from the tables above. '*' stands for the
    // values the REGION column lists (NORTH, SOUTH, EAST), not WEST, as Qlik reads it.
    ['boss', '323', '4'],
    ['ann', '300', '2'],
    ['bob', '23', '2'],
  ])('%s sees Sum(Amount) = %s over %s orders', async (user, total, orders) => {
    const doc = await openAs(user);
    expect(await doc.evaluate('Sum(Amount)')).toBe(total);
    expect(await doc.evaluate('Count(OrderID)')).toBe(orders);
  });

  it('OMIT hides a field from the user it names', async () => {
    const bob = await openAs('bob');
    await expect(bob.getFieldDescription('Phone')).rejects.toThrow(/Field not found/);
    const ann = await openAs('ann');
    expect(await ann.evaluate('Only(Phone)')).toBe('111');
  });

  it('a user without a row gets no access', async () => {
    await expect(openAs('mallory')).rejects.toMatchObject({ code: 5 });
  });

  it('keeps the section access tables with the saved app', async () => {
    const reopened = await startFixture({ dataDir: fixture.dataDir });
    try {
      const global = await reopened.session(`/app/${appId}/identity/ann`).open();
      const doc = await global.openDoc(appId);
      expect(await doc.evaluate('Sum(Amount)')).toBe('300');
    } finally {
      await reopened.close({ keepData: true });
    }
  });
});
