import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Doc, Field, Global } from '@qlikit/qix';
import { CLIENTS, closeEnigmaSessions, selectedValues } from './helpers/clients.js';
import { reloadedSessionApp, startFixture, type EngineFixture } from './helpers/engineFixture.js';

// Orders: 1 Alice Apple 10, 2 Alice Banana 20, 3 Bob Apple 5, 4 Carol Cherry 7, 5 Bob Banana 3.
// Customers: Alice SE, Bob NO, Carol SE. Symbols in load order: Customer Alice 0, Bob 1, Carol 2.

describe.each(CLIENTS)('Field methods through %s', (clientName, open) => {
  let fixture: EngineFixture;
  let global: Global;
  let doc: Doc;
  let customer: Field;
  let product: Field;
  let amount: Field;

  beforeAll(async () => {
    fixture = await startFixture();
    global = await open(fixture, `${clientName}-field`);
    doc = await reloadedSessionApp(global);
    customer = await doc.getField('Customer');
    product = await doc.getField('Product');
    amount = await doc.getField('Amount');
  });
  afterEach(async () => {
    await doc.unlockAll();
    await doc.clearAll(true);
  });
  afterAll(async () => {
    await closeEnigmaSessions();
    await fixture.close();
  });

  const total = () => doc.evaluate('Sum(Amount)');

  it('selects by text, by wildcard and by numeric search', async () => {
    expect(await customer.select('Bob')).toBe(true);
    expect(await total()).toBe('8');
    expect(await customer.select('*o*')).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob', 'Carol'] });
    expect(await amount.select('>6')).toBe(true);
    // Customer Bob or Carol, Amount above 6: only Carol's 7.
    expect(await total()).toBe('7');
    expect(await selectedValues(doc)).toEqual({
      Amount: ['10', '20', '7'],
      Customer: ['Bob', 'Carol'],
    });
  });

  it('selects the values for which an =expression search is true', async () => {
    expect(await customer.select('=Sum(Amount) > 7')).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Alice', 'Bob'] });
    expect(await total()).toBe('38');
    await doc.clearAll();
    expect(await product.select('=Count(DISTINCT Customer) = 2')).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Product: ['Apple', 'Banana'] });
    // The expression sees the other fields' selections: with Alice only, Banana sums 20.
    await doc.clearAll();
    await customer.select('Alice');
    expect(await product.select('=Sum(Amount) >= 20')).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Alice'], Product: ['Banana'] });
    expect(await total()).toBe('20');
  });

  it('toggles the values a search finds into and out of the selection', async () => {
    await customer.select('Alice');
    expect(await customer.toggleSelect('Bob')).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Alice', 'Bob'] });
    expect(await total()).toBe('38');
    expect(await customer.toggleSelect('Alice')).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'] });
    expect(await total()).toBe('8');
  });

  it('selects values by FieldValue and by element number, replacing or toggling', async () => {
    expect(await customer.selectValues([{ qText: 'Alice' }, { qText: 'Carol' }], false)).toBe(true);
    expect(await total()).toBe('37');
    expect(await customer.selectValues([{ qText: 'Carol' }], true)).toBe(true);
    expect(await total()).toBe('30');
    expect(await amount.selectValues([{ qText: '20', qIsNumeric: true, qNumber: 20 }], false)).toBe(
      true,
    );
    expect(await total()).toBe('20');
    await doc.clearAll();
    expect(await customer.lowLevelSelect([0, 2], false)).toBe(true);
    expect(await total()).toBe('37');
    expect(await customer.lowLevelSelect([2], true)).toBe(true);
    expect(await total()).toBe('30');
  });

  it('clears one field, or all the others', async () => {
    await customer.select('Alice');
    await product.select('Apple');
    expect(await total()).toBe('10');
    expect(await product.clearAllButThis()).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Product: ['Apple'] });
    expect(await total()).toBe('15');
    // One step back undoes the whole ClearAllButThis.
    await doc.back();
    expect(await selectedValues(doc)).toEqual({ Customer: ['Alice'], Product: ['Apple'] });
    expect(await product.clear()).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Alice'] });
    expect(await product.clear()).toBe(false);
  });

  it('keeps locked fields through ClearAllButThis', async () => {
    await customer.select('Bob');
    await customer.lock();
    await product.select('Banana');
    const country = await doc.getField('Country');
    await country.select('NO');
    expect(await product.clearAllButThis()).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Banana'] });
  });

  it('selects all, possible, excluded and alternative values', async () => {
    expect(await product.selectAll()).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Product: ['Apple', 'Banana', 'Cherry'] });
    await doc.clearAll();

    await customer.select('Bob');
    expect(await product.selectPossible()).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Apple', 'Banana'] });
    await doc.clearAll();

    // Bob and Apple: Banana is alternative (Bob bought it), Cherry excluded (only Carol did).
    await customer.select('Bob');
    await product.select('Apple');
    expect(await product.selectAlternative()).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Banana'] });
    expect(await total()).toBe('3');
    await product.select('Apple');
    expect(await product.selectExcluded()).toBe(true);
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'], Product: ['Banana', 'Cherry'] });
  });

  it('locks and unlocks a field', async () => {
    await customer.select('Alice');
    expect(await customer.lock()).toBe(true);
    expect(await customer.select('Bob')).toBe(false);
    await doc.clearAll();
    expect(await total()).toBe('30');
    expect(await customer.unlock()).toBe(true);
    expect(await customer.select('Bob')).toBe(true);
    expect(await total()).toBe('8');
  });

  it('counts distinct values and keeps NxProperties, holding one and only one value when asked', async () => {
    expect(await customer.getCardinal()).toBe(3);
    expect(await product.getCardinal()).toBe(3);
    expect(await amount.getCardinal()).toBe(5);
    expect(await (await doc.getField('Country')).getCardinal()).toBe(2);
    expect(await customer.getNxProperties()).toEqual({ qOneAndOnlyOne: false });

    await customer.select('Carol');
    await customer.setNxProperties({ qOneAndOnlyOne: true });
    expect(await customer.getNxProperties()).toEqual({ qOneAndOnlyOne: true });
    // A field that must hold one value cannot be cleared, and a new selection replaces the value.
    await doc.clearAll();
    expect(await selectedValues(doc)).toEqual({ Customer: ['Carol'] });
    await customer.select('Bob');
    expect(await selectedValues(doc)).toEqual({ Customer: ['Bob'] });
    await customer.setNxProperties({ qOneAndOnlyOne: false });
    await doc.clearAll();
    expect(await total()).toBe('45');
  });

  it('selects in an alternate state without touching the default state', async () => {
    await doc.addAlternateState('Other');
    const other = await doc.getField('Customer', 'Other');
    expect(await other.select('Carol')).toBe(true);
    expect(await doc.evaluate('Sum({Other} Amount)')).toBe('7');
    expect(await total()).toBe('45');
    expect(await selectedValues(doc, 'Other')).toEqual({ Customer: ['Carol'] });
    expect(await other.clearAllButThis()).toBe(false);
    expect(await other.clear()).toBe(true);
    await doc.removeAlternateState('Other');
  });
});
