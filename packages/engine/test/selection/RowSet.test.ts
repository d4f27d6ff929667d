import { describe, expect, it } from 'vitest';
import { RowSet } from '../../src/selection/RowSet.js';
import { SymbolSet } from '../../src/selection/SymbolSet.js';

describe('RowSet', () => {
  it('keeps bits past the size clear so counts and complements stay exact', () => {
    const full = RowSet.full(70);
    expect(full.count()).toBe(70);
    expect(full.isFull()).toBe(true);
    expect(full.complement().count()).toBe(0);
    const some = RowSet.of(70, [0, 31, 32, 69]);
    expect(some.complement().count()).toBe(66);
    expect(Array.from(some.toArray())).toEqual([0, 31, 32, 69]);
  });

  it('combines sets with the four set operators', () => {
    const a = RowSet.of(40, [1, 2, 3, 33]);
    const b = RowSet.of(40, [3, 4, 33, 39]);
    expect(Array.from(a.union(b).toArray())).toEqual([1, 2, 3, 4, 33, 39]);
    expect(Array.from(a.intersect(b).toArray())).toEqual([3, 33]);
    expect(Array.from(a.difference(b).toArray())).toEqual([1, 2]);
    expect(Array.from(a.symmetricDifference(b).toArray())).toEqual([1, 2, 4, 39]);
    expect(() => a.union(RowSet.full(41))).toThrow(RangeError);
  });
});

describe('SymbolSet', () => {
  it('never holds the null slot and counts its members', () => {
    const set = SymbolSet.all(5);
    expect(set.size).toBe(5);
    expect(set.has(5)).toBe(false);
    expect(set.complement().isEmpty).toBe(true);
    expect(SymbolSet.of(5, [4, 9, -1, 2]).indexes()).toEqual([2, 4]);
  });

  it('combines and compares sets', () => {
    const a = SymbolSet.of(6, [0, 1, 2]);
    const b = SymbolSet.of(6, [2, 3]);
    expect(a.union(b).indexes()).toEqual([0, 1, 2, 3]);
    expect(a.intersect(b).indexes()).toEqual([2]);
    expect(a.difference(b).indexes()).toEqual([0, 1]);
    expect(a.symmetricDifference(b).indexes()).toEqual([0, 1, 3]);
    expect(a.equals(SymbolSet.where(6, (i) => i < 3))).toBe(true);
    expect(a.equals(b)).toBe(false);
  });
});
