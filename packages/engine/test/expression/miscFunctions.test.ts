import { describe, expect, it } from 'vitest';
import { Dual } from '../../src/value/Value.js';
import { num, run, text } from './evaluateSource.js';

describe('MakeWeekDate', () => {
  it('builds a date from year, week and day of week (ISO weeks by default)', () => {
    expect(text('MakeWeekDate(2014, 6, 6)')).toBe('2014-02-09');
    expect(text('MakeWeekDate(2014, 6, 1)')).toBe('2014-02-04');
    expect(text('MakeWeekDate(2014, 6)')).toBe('2014-02-03');
  });
});

describe('GMT and UTC', () => {
  it('are timestamps close to now', () => {
    const expected = Date.now() / 86_400_000 + 25569;
    expect(Math.abs(num('GMT()') - expected)).toBeLessThan(1 / 24);
    expect(Math.abs(num('UTC()') - expected)).toBeLessThan(1 / 24);
  });
});

describe('hash functions', () => {
  it('give fixed-width keys, equal for equal values and distinct across argument splits', () => {
    const a = run("Hash128('abc', 1)");
    expect(typeof a).toBe('string');
    expect((a as string).length).toBe(22);
    expect(run("Hash128('abc', 1)")).toBe(a);
    expect(run("Hash128('ab', 'c')")).not.toBe(run("Hash128('a', 'bc')"));
    expect((run("Hash160('x')") as string).length).toBe(27);
    expect((run("Hash256('x')") as string).length).toBe(43);
    expect(run('Hash128(Null())')).not.toBe(run("Hash128('')"));
  });
});

describe('color functions', () => {
  it('RGB and ARGB are duals of the color text and its ARGB number', () => {
    expect(run('RGB(255, 0, 0)')).toEqual(new Dual('RGB(255,0,0)', 0xffff0000));
    expect(run('ARGB(128, 0, 0, 255)')).toEqual(new Dual('ARGB(128,0,0,255)', 0x800000ff));
    expect(run("RGB('x', 0, 0)")).toBeNull();
  });
});
