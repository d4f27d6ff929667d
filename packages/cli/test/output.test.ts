import { describe, expect, it } from 'vitest';
import { colorsFor } from '../src/output/colors.js';
import { csvLine } from '../src/output/formatCsv.js';
import { formatRecord } from '../src/output/formatRecord.js';
import { formatTable } from '../src/output/formatTable.js';

describe('output', () => {
  it('aligns table columns by code points, right-aligns numbers, and keeps rows on one line', () => {
    const rows = [
      { name: 'Zürich', count: 5, note: 'two\nlines' },
      { name: 'Å', count: 1234, note: null },
    ];
    expect(
      formatTable(rows, [
        { header: 'NAME', value: (row) => row.name },
        { header: 'COUNT', value: (row) => row.count, align: 'right' },
        { header: 'NOTE', value: (row) => row.note },
      ]),
    ).toBe('NAME    COUNT  NOTE\nZürich      5  two lines\nÅ        1234\n');
  });

  it('writes CSV as RFC 4180 does: quotes around commas, quotes and line breaks, CRLF ends', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', 3, null])).toBe(
      'a,"b,c","say ""hi""","x\ny",3,\r\n',
    );
  });

  it('shows a record as aligned key: value lines without the empty ones', () => {
    expect(
      formatRecord({ id: 'a1', name: 'Sales', spaceId: null, tags: [] }, [
        'id',
        'name',
        'spaceId',
        'tags',
      ]),
    ).toBe('id:   a1\nname: Sales');
  });

  it('colours only a terminal, never with NO_COLOR or TERM=dumb, always with FORCE_COLOR', () => {
    expect(colorsFor({ isTTY: true }, {}).enabled).toBe(true);
    expect(colorsFor({ isTTY: false }, {}).enabled).toBe(false);
    expect(colorsFor({ isTTY: true }, { NO_COLOR: '1' }).enabled).toBe(false);
    expect(colorsFor({ isTTY: true }, { NO_COLOR: '' }).enabled).toBe(true);
    expect(colorsFor({ isTTY: true }, { TERM: 'dumb' }).enabled).toBe(false);
    expect(colorsFor({ isTTY: false }, { FORCE_COLOR: '1' }).enabled).toBe(true);
    expect(colorsFor({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }).enabled).toBe(false);
    expect(colorsFor({ isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
