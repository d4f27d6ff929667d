import { describe, expect, it } from 'vitest';
import { uniqueSymbols } from '../../src/io/qvd/uniqueSymbols.js';
import { Dual } from '../../src/value/Value.js';

describe('uniqueSymbols', () => {
  it('keeps ascending numbers (and duals) as they are', () => {
    const symbols = [1, new Dual('2.0', 2), 3.5];
    const indexes = Int32Array.of(2, -1, 0, 1);
    const out = uniqueSymbols(symbols, indexes);
    expect(out.values).toBe(symbols);
    expect([...out.indexes]).toEqual([2, -1, 0, 1]);
  });

  it('merges symbols with one number (the first text wins) and repeated texts, out of order too', () => {
    const out = uniqueSymbols(
      [5, new Dual('05', 5), 'a', 3, 'a'],
      Int32Array.of(1, 4, 3, 0, 2, -1),
    );
    expect(out.values).toEqual([5, 'a', 3]);
    expect([...out.indexes]).toEqual([0, 1, 2, 0, 1, -1]);
  });
});
