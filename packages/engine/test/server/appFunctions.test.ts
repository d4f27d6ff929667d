import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, Global } from '@qlikit/qix';
import { CLIENTS, closeEnigmaSessions } from './helpers/clients.js';
import { reloadedSessionApp, startFixture, type EngineFixture } from './helpers/engineFixture.js';

// Customers: Alice, Bob, Carol (SE, NO, SE). Products: Apple, Banana, Cherry.

describe.each(CLIENTS)(
  'field and document functions in expressions through %s',
  (clientName, open) => {
    let fixture: EngineFixture;
    let global: Global;
    let doc: Doc;

    beforeAll(async () => {
      fixture = await startFixture();
      global = await open(fixture, `${clientName}-app-functions`);
      doc = await reloadedSessionApp(global);
    });
    afterAll(async () => {
      await closeEnigmaSessions();
      await fixture.close();
    });

    it('GetFieldSelections lists, negates or counts the selected values', async () => {
      const customer = await doc.getField('Customer');
      expect(await doc.evaluate('IsNull(GetFieldSelections(Customer))')).toBe('-1');
      await customer.selectValues([{ qText: 'Alice' }, { qText: 'Bob' }]);
      expect(await doc.evaluate('GetFieldSelections(Customer)')).toBe('Alice, Bob');
      expect(await doc.evaluate("GetFieldSelections(Customer, '; ')")).toBe('Alice; Bob');
      expect(await doc.evaluate("GetFieldSelections(Customer, ', ', 1)")).toBe('NOT Carol');
      expect(await doc.evaluate("GetFieldSelections(Customer, ', ', 0)")).toBe('2 of 3');
      await customer.selectAll();
      expect(await doc.evaluate("GetFieldSelections(Customer, ', ', 2)")).toBe('ALL');
      await customer.clear();
    });

    it('counts values by state and describes the current selections', async () => {
      await (await doc.getField('Country')).selectValues([{ qText: 'SE' }]);
      expect(await doc.evaluate('GetSelectedCount(Country)')).toBe('1');
      expect(await doc.evaluate('GetPossibleCount(Customer)')).toBe('2');
      expect(await doc.evaluate('GetExcludedCount(Customer)')).toBe('1');
      expect(await doc.evaluate('GetAlternativeCount(Country)')).toBe('1');
      expect(await doc.evaluate('GetCurrentSelections()')).toBe('Country: SE');
      await doc.clearAll(false);
    });

    it('DocumentTitle, ReloadTime and OSUser describe the app and the user', async () => {
      expect(await doc.evaluate('DocumentName()')).toBe(doc.id);
      expect(await doc.evaluate('IsNull(ReloadTime())')).toBe('0');
      expect(await doc.evaluate('OSUser()')).toMatch(/UserId=/);
      expect(await doc.evaluate('Len(ComputerName()) > 0')).toBe('-1');
    });
  },
);
