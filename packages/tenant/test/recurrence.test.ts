import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrences, parseRecurrence } from '../src/jobs/recurrence.js';

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());
const first = (rule: string, start: string, timeZone: string, n: number) => {
  const out: Array<string | null> = [];
  for (const instant of occurrences(parseRecurrence(rule), Date.parse(start), timeZone)) {
    out.push(iso(instant));
    if (out.length === n) break;
  }
  return out;
};

describe('RFC 5545 recurrence of reload tasks', () => {
  it("expands the spec's examples in their time zone", () => {
    expect(
      first(
        'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU;BYHOUR=13;BYMINUTE=17;BYSECOND=0',
        '2022-09-19T11:18:00Z',
        'America/Toronto',
        4,
      ),
    ).toEqual([
      '2022-09-19T17:17:00.000Z',
      '2022-09-20T17:17:00.000Z',
      '2022-10-03T17:17:00.000Z',
      '2022-10-04T17:17:00.000Z',
    ]);
    const daily = parseRecurrence('RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=11;BYMINUTE=18;BYSECOND=0');
    expect(
      iso(
        nextOccurrence(
          [daily],
          Date.parse('2022-09-19T11:18:00Z'),
          'UTC',
          Date.parse('2026-12-05T12:00:00Z'),
        ),
      ),
    ).toBe('2026-12-06T11:18:00.000Z');
  });

  it('moves a time a DST change skips forward, and keeps wall time across the change', () => {
    expect(
      first(
        'RRULE:FREQ=DAILY;BYHOUR=2;BYMINUTE=30;BYSECOND=0',
        '2026-03-07T00:00:00Z',
        'America/New_York',
        3,
      ),
    ).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('reads ordinals, COUNT and UNTIL, and refuses parts it does not read', () => {
    expect(
      first(
        'RRULE:FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
        '2026-01-01T00:00:00Z',
        'Europe/Zurich',
        2,
      ),
    ).toEqual(['2026-01-30T08:00:00.000Z', '2026-02-27T08:00:00.000Z']);
    expect(first('RRULE:FREQ=HOURLY;COUNT=2', '2026-01-01T10:00:00Z', 'UTC', 5)).toEqual([
      '2026-01-01T10:00:00.000Z',
      '2026-01-01T11:00:00.000Z',
    ]);
    expect(
      first('RRULE:FREQ=DAILY;UNTIL=20260102T235959Z', '2026-01-01T10:00:00Z', 'UTC', 5),
    ).toHaveLength(2);
    expect(() => parseRecurrence('RRULE:FREQ=DAILY;BYSETPOS=1')).toThrow(/BYSETPOS/);
    expect(() => parseRecurrence('RRULE:FREQ=SECONDLY')).toThrow(/FREQ/);
  });
});
