import { describe, expect, it } from 'vitest';
import { checkJsonLimits } from '../../src/app/checkJsonLimits.js';

const limits = { maxDepth: 4, maxStringLength: 5, maxArrayLength: 3 };

/** The parameter (path) and message a refusal names, or undefined when the value passes. */
function refusal(
  value: unknown,
  depth?: number,
): { parameter: unknown; message: string } | undefined {
  try {
    checkJsonLimits(value, 'qProp', limits, depth);
    return undefined;
  } catch (error) {
    const { parameter, message } = error as { parameter: unknown; message: string };
    return { parameter, message };
  }
}

describe('checkJsonLimits', () => {
  it('passes JSON within the limits', () => {
    expect(refusal({ a: [1, 'abc', { b: null }], c: true })).toBeUndefined();
  });

  it('names the offending member by its path of keys and indexes', () => {
    expect(refusal({ a: [1, { b: 'too long' }] })).toEqual({
      parameter: 'qProp/a/1/b',
      message: 'qProp/a/1/b: a string of 8 characters; the limit is 5',
    });
    expect(refusal({ a: { b: [1, 2, 3, 4] } })?.parameter).toBe('qProp/a/b');
    expect(refusal(JSON.parse('{"a":[{"__proto__":{}}]}'))).toEqual({
      parameter: 'qProp/a/0/__proto__',
      message: 'qProp/a/0/__proto__: the key __proto__ is not allowed',
    });
    expect(refusal({ a: { b: { c: { d: {} } } } })?.parameter).toBe('qProp/a/b/c/d');
    expect(refusal({ a: { b: {} } }, 3)?.parameter).toBe('qProp/a/b');
  });

  it('names the root itself when the value is what breaks a limit', () => {
    expect(refusal('too long')?.parameter).toBe('qProp');
    expect(refusal([1, 2, 3, 4])?.parameter).toBe('qProp');
  });

  it('starts every walk afresh after a refusal', () => {
    expect(refusal({ a: [{ b: 'too long' }] })?.parameter).toBe('qProp/a/0/b');
    expect(refusal({ c: 'too long' })?.parameter).toBe('qProp/c');
  });
});
