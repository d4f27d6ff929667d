import { describe, expect, it } from 'vitest';
import { ResultCache, type ResultReads } from '../../src/app/ResultCache.js';
import { DataModel } from '../../src/model/DataModel.js';
import { salesTables } from '../model/tableFixture.js';

const model = DataModel.fromTables(salesTables());
const current = { stateKey: () => undefined, bookmarkKey: () => undefined };
const noReads = (): ResultReads => ({ states: new Map(), bookmarks: new Map() });
const key = (name: string) => ({ definition: name, context: 'cube' });

describe('ResultCache order of use', () => {
  it('evicts the least recently used result first, a hit counting as a use', () => {
    const cache = new ResultCache({ maxBytes: 100 });
    for (const name of ['a', 'b', 'c']) cache.store(model, key(name), name, noReads(), 30);
    expect(cache.lookup(model, key('a'), current)).toBe('a');
    expect(cache.lookup(model, key('a'), current)).toBe('a');
    cache.store(model, key('d'), 'd', noReads(), 30);
    expect(cache.lookup(model, key('b'), current)).toBeUndefined();
    expect(cache.lookup(model, key('c'), current)).toBe('c');
    cache.store(model, key('e'), 'e', noReads(), 30);
    expect(cache.lookup(model, key('a'), current)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 90, evictions: 2 });
    for (const name of ['c', 'd', 'e']) expect(cache.lookup(model, key(name), current)).toBe(name);
  });

  it('drops an entry from the order when it is replaced, forgotten or cleared', () => {
    const cache = new ResultCache({ maxBytes: 100 });
    cache.store(model, key('a'), 'a1', noReads(), 40);
    cache.store(model, key('a'), 'a2', noReads(), 40);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 40 });
    // The replacement is found (it was once filed in maps the replaced entry's removal dropped).
    expect(cache.lookup(model, key('a'), current)).toBe('a2');
    cache.store(model, key('b'), 'b', noReads(), 40);
    cache.forget([model]);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    cache.store(model, key('c'), 'c', noReads(), 60);
    cache.store(model, key('d'), 'd', noReads(), 60);
    expect(cache.lookup(model, key('c'), current)).toBeUndefined();
    expect(cache.lookup(model, key('d'), current)).toBe('d');
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, evictions: 1 });
  });
});
