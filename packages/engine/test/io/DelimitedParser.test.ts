import { describe, expect, it } from 'vitest';
import {
  DelimitedParser,
  parseDelimitedText,
  type DelimitedCell,
} from '../../src/io/DelimitedParser.js';
import { CSV_FORMAT, type DelimitedFormat } from '../../src/io/DelimitedFormat.js';

function parseInChunks(text: string, format: DelimitedFormat, size: number): DelimitedCell[][] {
  const rows: DelimitedCell[][] = [];
  const parser = new DelimitedParser(format, (fields) => rows.push(fields));
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
  parser.end();
  return rows;
}

describe('DelimitedParser', () => {
  it('splits plain rows and trims unquoted fields', () => {
    expect(parseDelimitedText('a, b ,c\n1,2,3\n', CSV_FORMAT)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('handles quotes with doubled quotes, delimiters and newlines inside', () => {
    const text = 'name,note\r\n"Smith, J","said ""hi""\nthen left"\r\n"",x\r\n';
    expect(parseDelimitedText(text, { ...CSV_FORMAT, quoting: 'msq' })).toEqual([
      ['name', 'note'],
      ['Smith, J', 'said "hi"\nthen left'],
      ['', 'x'],
    ]);
  });

  it('gives the same rows whatever the chunk size', () => {
    const text = 'id,text\r\n1,"a\r\nb"\r\n2,"x,""y"""\r\n3,plain\r\n4,"end"';
    const whole = parseDelimitedText(text, CSV_FORMAT);
    expect(whole).toEqual([
      ['id', 'text'],
      ['1', 'a\r\nb'],
      ['2', 'x,"y"'],
      ['3', 'plain'],
      ['4', 'end'],
    ]);
    for (const size of [1, 2, 3, 5, 7, 11])
      expect(parseInChunks(text, CSV_FORMAT, size)).toEqual(whole);
  });

  it('reads bare CR line ends, blanks around fields and mixed quoted rows alike in any chunking', () => {
    const text = 'a,b\r1, 2 \r"x,y",3\n\t4\t,5\r\n6,"7"';
    const expected = [
      ['a', 'b'],
      ['1', '2'],
      ['x,y', '3'],
      ['4', '5'],
      ['6', '7'],
    ];
    expect(parseDelimitedText(text, CSV_FORMAT)).toEqual(expected);
    for (const size of [1, 2, 3, 4, 6, 9])
      expect(parseInChunks(text, CSV_FORMAT, size)).toEqual(expected);
  });

  it('keeps empty fields and a last row without line break, skips blank lines', () => {
    expect(parseDelimitedText('a,b\n\n,1\n2,\n\r\n3,4', CSV_FORMAT)).toEqual([
      ['a', 'b'],
      ['', '1'],
      ['2', ''],
      ['3', '4'],
    ]);
  });

  it('uses tab, semicolon and runs of spaces as delimiters', () => {
    expect(parseDelimitedText('a\tb c\n1\t 2', { ...CSV_FORMAT, delimiter: '\t' })).toEqual([
      ['a', 'b c'],
      ['1', '2'],
    ]);
    expect(parseDelimitedText('a;b\n1,5;2', { ...CSV_FORMAT, delimiter: ';' })).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(
      parseDelimitedText('  a   b\tc\n1 2  3  \n', { ...CSV_FORMAT, delimiter: 'spaces' }),
    ).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('hands over canonical integers as numbers in integer mode, other texts as texts', () => {
    const format = { ...CSV_FORMAT, integers: true };
    expect(
      parseDelimitedText(
        '0,42,-7,007,-0,1.5, 8 ,"9",123456789012345,1234567890123456,-,x1',
        format,
      ),
    ).toEqual([
      // ' 8 ' has blanks around it: it stays text here and becomes a number when interpreted.
      [0, 42, -7, '007', '-0', '1.5', '8', '9', 123456789012345, '1234567890123456', '-', 'x1'],
    ]);
  });

  it('treats quotes as data when quoting is off', () => {
    expect(parseDelimitedText('"a,b"', { ...CSV_FORMAT, quoting: 'none' })).toEqual([['"a', 'b"']]);
  });
});
