import { describe, expect, it } from 'vitest';
import { run } from './evaluateSource.js';

describe('string functions (examples from the Qlik string function reference)', () => {
  it('Len counts characters', () => {
    expect(run("Len('Peter')")).toBe(5);
    expect(run("Len('')")).toBe(0);
    expect(run('Len(12.5)')).toBe(4);
    expect(run("Len('😀a')")).toBe(2);
  });

  it('Left, Right and Mid cut by position, 1-based', () => {
    expect(run("Left('abcdef', 3)")).toBe('abc');
    expect(run("Right('abcdef', 3)")).toBe('def');
    expect(run("Mid('abcdef', 3)")).toBe('cdef');
    expect(run("Mid('abcdef', 3, 2)")).toBe('cd');
    expect(run("Left('ab', 5)")).toBe('ab');
    expect(run("Right('ab', 0)")).toBe('');
  });

  it('Upper, Lower and Capitalize change case', () => {
    expect(run("Upper('abcD')")).toBe('ABCD');
    expect(run("Lower('abcD')")).toBe('abcd');
    expect(run("Capitalize('mary lou')")).toBe('Mary Lou');
    expect(run("Capitalize('GOLDEN BOOK')")).toBe('Golden Book');
    expect(run("Capitalize('x-ray vision')")).toBe('X-Ray Vision');
  });

  it('Trim, LTrim and RTrim remove leading and trailing spaces', () => {
    expect(run("Trim(' abc ')")).toBe('abc');
    expect(run("LTrim(' abc ')")).toBe('abc ');
    expect(run("RTrim(' abc ')")).toBe(' abc');
  });

  it('Replace replaces every occurrence', () => {
    expect(run("Replace('abccde', 'cc', 'xyz')")).toBe('abxyzde');
    expect(run("Replace('a.b.c', '.', '')")).toBe('abc');
  });

  it('Index finds the n-th occurrence, counting from the end when n is negative', () => {
    expect(run("Index('abcdefg', 'cd')")).toBe(3);
    expect(run("Index('abcdabcd', 'b', 2)")).toBe(6);
    expect(run("Index('abcdabcd', 'b', -2)")).toBe(2);
    expect(run("Index('abc', 'x')")).toBe(0);
  });

  it('SubStringCount counts occurrences', () => {
    expect(run("SubStringCount('abcdefgcdxyz', 'cd')")).toBe(2);
    expect(run("SubStringCount('abcdefgcdxyz', 'dc')")).toBe(0);
  });

  it('SubField picks a delimited part, from the end when negative', () => {
    expect(run("SubField('abc;cde;efg', ';', 2)")).toBe('cde');
    expect(run("SubField('abc;cde;efg', ';', -1)")).toBe('efg');
    expect(run("SubField('abc;cde;efg', ';', 1)")).toBe('abc');
    expect(run("SubField('', ';', 1)")).toBe('');
    expect(run("SubField('a;b', ';', 5)")).toBeNull();
  });

  it('TextBetween returns the text between delimiters', () => {
    expect(run("TextBetween('<abc>', '<', '>')")).toBe('abc');
    expect(run("TextBetween('<abc><de>', '<', '>', 2)")).toBe('de');
    expect(run("TextBetween('abc', '<', '>')")).toBeNull();
    expect(run("TextBetween('<>', '<', '>')")).toBe('');
  });

  it('PurgeChar and KeepChar drop or keep characters', () => {
    expect(run("PurgeChar('a1b2c3', '123')")).toBe('abc');
    expect(run("KeepChar('a1b2c3', '123')")).toBe('123');
  });

  it('FindOneOf finds any of a set of characters', () => {
    expect(run("FindOneOf('my example text string', 'et%s')")).toBe(4);
    expect(run("FindOneOf('my example text string', 'et%s', 3)")).toBe(12);
    expect(run("FindOneOf('my example text string', '¤%&')")).toBe(0);
  });

  it('Repeat, Chr, Ord and Text', () => {
    expect(run("Repeat('*', 3)")).toBe('***');
    expect(run("Repeat('ab')")).toBe('ab');
    expect(run('Chr(65)')).toBe('A');
    expect(run("Ord('A')")).toBe(65);
    expect(run('Text(12.50)')).toBe('12.5');
  });

  it('returns NULL for a NULL text', () => {
    const row = { n: null };
    for (const call of [
      'Upper(n)',
      'Left(n, 1)',
      "Replace(n, 'a', 'b')",
      'Trim(n)',
      'Chr(n)',
      'Len(n)',
    ]) {
      expect(run(call, row)).toBeNull();
    }
    // But SubField's page: "SubField(Null, ';', 1) returns an empty string".
    expect(run("SubField(n, ';', 1)", row)).toBe('');
  });
});
