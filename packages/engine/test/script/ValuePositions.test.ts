import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../src/script/ColumnBuilder.js';
import { ValuePositions } from '../../src/script/ValuePositions.js';
import { Dual } from '../../src/value/Value.js';

describe('ValuePositions', () => {
  it('keeps numbers, texts and NaN apart, and 0 and -0 together', () => {
    const positions = new ValuePositions();
    positions.set(5, 0);
    positions.set('5', 1);
    positions.set(NaN, 2);
    positions.set('NaN', 3);
    positions.set(-0, 4);
    expect([5, '5', NaN, 'NaN', 0, 6, '6'].map((key) => positions.get(key))).toEqual([
      0, 1, 2, 3, 4, -1, -1,
    ]);
  });
});

describe('ValuePositions whole numbers', () => {
  it('finds each whole number wherever it went: straight by number, or hashed when it came too far ahead', () => {
    const positions = new ValuePositions();
    // 5000 comes before the direct table reaches it (hashed), then the small ones grow the table past it.
    const keys = [
      5000,
      -3,
      2 ** 40,
      7,
      0,
      1.5,
      1e300,
      ...Array.from({ length: 4990 }, (_, i) => i + 8),
    ];
    keys.forEach((key, i) => positions.set(key, i));
    expect(keys.every((key, i) => positions.get(key) === i)).toBe(true);
    expect([-0, 4, 6, 4998, 2 ** 40 + 1, -2, 2.5].map((key) => positions.get(key))).toEqual([
      4, -1, -1, -1, -1, -1, -1,
    ]);
  });
});

describe('ValuePositions from a whole number far from 0', () => {
  it('starts its direct table at the first whole number, and hashes the ones below it', () => {
    const positions = new ValuePositions();
    // The second half of an id column, then numbers below its first and around it.
    const ids = Array.from({ length: 3000 }, (_, i) => 333_334 + i);
    const keys = [...ids, 333_333, 0, 5, -0.5, 336_334.5, 2 ** 53, 340_000];
    // -0 is 0, as everywhere in the dictionary.
    keys.forEach((key, i) => positions.set(key, i));
    expect(keys.every((key, i) => positions.get(key) === i)).toBe(true);
    expect(positions.get(-0)).toBe(keys.indexOf(0));
    expect([333_332, 1, 2, 336_335, 2 ** 53 + 2].map((key) => positions.get(key))).toEqual([
      -1, -1, -1, -1, -1,
    ]);
  });
});

describe('ColumnBuilder dictionary', () => {
  it('gives a million distinct numbers a million entries and finds each again', () => {
    const column = new ColumnBuilder('id');
    for (let i = 0; i < 1_000_000; i++) column.push(i * 0.5);
    expect(column.values).toHaveLength(1_000_000);
    const misses = [0, 1.5, 499_999.5].filter((v) => column.indexOf(v) !== v * 2);
    expect(misses).toEqual([]);
    expect(column.indexOf(new Dual('1.50', 1.5))).toBe(3);
    expect(column.has(1_000_000)).toBe(false);
  });
});
