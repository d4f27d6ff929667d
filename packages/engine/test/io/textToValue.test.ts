import { describe, expect, it } from 'vitest';
import { textToValue } from '../../src/io/textToValue.js';
import { Dual } from '../../src/value/Value.js';

describe('textToValue', () => {
  it('turns canonical number texts into numbers', () => {
    expect(textToValue('42')).toBe(42);
    expect(textToValue('-3.25')).toBe(-3.25);
    expect(textToValue('0')).toBe(0);
  });

  it('keeps a non-canonical text as a dual', () => {
    expect(textToValue('007')).toEqual(new Dual('007', 7));
    expect(textToValue('1.50')).toEqual(new Dual('1.50', 1.5));
    expect(textToValue('+5')).toEqual(new Dual('+5', 5));
    expect(textToValue('.5')).toEqual(new Dual('.5', 0.5));
    expect(textToValue('1e3')).toEqual(new Dual('1e3', 1000));
  });

  it('reads numbers of any length as numbers, keeping the text a double cannot spell', () => {
    // Qlik reads 6.522157623622897 (16 significant digits) as a number.
    expect(textToValue('6.522157623622897')).toBe(6.522157623622897);
    const long = textToValue('12345678901234567890');
    expect(long).toMatchObject({
      text: '12345678901234567890',
      num: Number('12345678901234567890'),
    });
  });

  it('leaves other texts as text', () => {
    for (const text of ['', 'abc', '12a', '1.2.3', '-', '2001/01/01 06:55', '1 000']) {
      expect(textToValue(text)).toBe(text);
    }
  });

  it('follows decimal and thousand separators', () => {
    const european = { decimalSep: ',', thousandSep: '.' };
    expect(textToValue('1,5', european)).toEqual(new Dual('1,5', 1.5));
    expect(textToValue('1.234,5', european)).toEqual(new Dual('1.234,5', 1234.5));
    expect(textToValue('1.23', european)).toBe('1.23');
    expect(textToValue('1,234', { decimalSep: '.', thousandSep: ',' })).toEqual(
      new Dual('1,234', 1234),
    );
  });
});
