import { describe, expect, it } from 'vitest';
import { run, tableOf } from './scriptTestKit.js';

describe('DECLARE and DERIVE (the calendar Qlik Sense writes for date fields)', () => {
  it('derives OrderDate.autoCalendar.* fields from each date, tagged', async () => {
    const result = await run(`
      SET DateFormat = 'YYYY-MM-DD';
      Orders: LOAD * INLINE [
      OrderID, OrderDate
      1, 2024-03-15
      2, 2023-12-31
      3, 2024-03-15
      ];
      [autoCalendar]:
        DECLARE FIELD DEFINITION Tagged ('$date')
      PARAMETERS offset = 1
      FIELDS
        Year($1) AS [Year] Tagged ('$numeric', '$year'),
        Month($1) + offset - 1 AS [MonthNo],
        Date(Floor($1)) AS [Date] Tagged ('$date')
      ;
      DERIVE FIELDS FROM FIELDS [OrderDate] USING [autoCalendar];`);
    const calendar = tableOf(result, 'OrderDate.autoCalendar');
    expect(calendar.fields).toEqual([
      'OrderDate',
      'OrderDate.autoCalendar.Year',
      'OrderDate.autoCalendar.MonthNo',
      'OrderDate.autoCalendar.Date',
    ]);
    // Worked out by hand: one row per distinct date.
    expect(
      calendar.rows.map((row) =>
        row.map((v) => (v !== null && typeof v === 'object' ? v.text : v)),
      ),
    ).toEqual([
      ['2024-03-15', 2024, 3, '2024-03-15'],
      ['2023-12-31', 2023, 12, '2023-12-31'],
    ]);
    expect(result.fieldTags['OrderDate.autoCalendar.Year']).toEqual(['$numeric', '$year']);
  });
});
