import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  formatPlainDate,
  localParts,
  plainDateDays,
  setHour12,
  zoneAbbreviation,
} from '../../../src/domain/time';

const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'Africa/Casablanca',
  'Asia/Shanghai',
  'UTC',
];

/** What Luxon gives when asked for each part of each instant. */
function byLuxon(instant: string, zone: string) {
  const dt = DateTime.fromMillis(Date.parse(instant), { zone });
  return {
    time: dt.toFormat('HH:mm'),
    abbreviation: zoneAbbreviation(instant, zone),
    day: dt.toFormat('ccc d LLL'),
    date: dt.toISODate(),
  };
}

describe('localParts', () => {
  it('equals Luxon for any instant in zones with DST, half-hour offsets and date-line jumps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const instant = new Date(ms).toISOString();
          expect(localParts(instant, zone)).toEqual(byLuxon(instant, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is right on either side of each 2025 transition (New York, Lord Howe)', () => {
    const windows: [string, number][] = [
      ['America/New_York', Date.UTC(2025, 2, 8)],
      ['America/New_York', Date.UTC(2025, 10, 1)],
      ['Australia/Lord_Howe', Date.UTC(2025, 3, 4)],
      ['Australia/Lord_Howe', Date.UTC(2025, 9, 4)],
    ];
    for (const [zone, from] of windows) {
      for (let ms = from; ms < from + 3 * 86_400_000; ms += 15 * 60_000) {
        const instant = new Date(ms).toISOString();
        expect(localParts(instant, zone).time).toBe(byLuxon(instant, zone).time);
      }
    }
    expect(localParts('2025-03-09T06:59:59.000Z', 'America/New_York').time).toBe('01:59');
    expect(localParts('2025-03-09T07:00:00.000Z', 'America/New_York')).toMatchObject({
      time: '03:00',
      abbreviation: 'EDT',
    });
  });

  it('gives Luxon’s answer for an unknown zone or an unreadable instant', () => {
    expect(localParts('2025-10-30T02:00:00.000Z', 'Mars/Olympus').date).toBe(
      byLuxon('2025-10-30T02:00:00.000Z', 'Mars/Olympus').date,
    );
    expect(localParts('not an instant', 'Asia/Seoul').time).toBe(byLuxon('not an instant', 'Asia/Seoul').time);
  });
});

describe('formatPlainDate and calendarDaysBetween', () => {
  it('label a local date and count days between dates', () => {
    expect(formatPlainDate('2025-10-28')).toBe('Tue 28 Oct 2025');
    expect(calendarDaysBetween('2025-10-28', '2025-11-02')).toBe(5);
    expect(calendarDaysBetween('2025-03-31', '2025-03-30')).toBe(-1);
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('plainDateDays (the fast path of calendarDaysBetween)', () => {
  /** Any YYYY-MM-DD shape, impossible months and days included (00, 13, 30 February, 31 April). */
  const anyDate = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

  it('counts the days since 1970 of every real date as Luxon does, and rejects the rest', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const dt = DateTime.fromISO(date, { zone: 'utc' });
        if (dt.isValid) expect(plainDateDays(date)).toBe(dt.toMillis() / 86_400_000);
        else expect(plainDateDays(date)).toBeNaN();
      }),
      { numRuns: 3000 },
    );
    for (const bad of ['2025-1-05', '2025/10/05', '2025-10-0x', ' 2025-10-05', '2025-10-05T00:00', '+02025-10-05'])
      expect(plainDateDays(bad)).toBeNaN();
  });

  it('gives calendarDaysBetween the answer Luxon gives for any two dates', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const days = DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days;
        expect(calendarDaysBetween(a, b)).toEqual(Math.round(days));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('localParts on either clock', () => {
  it('follows the 12-hour setting for times already read on the 24-hour clock', () => {
    const instant = '2025-10-28T00:30:00.000Z';
    try {
      expect(localParts(instant, 'Asia/Seoul').time).toBe('09:30');
      expect(localParts(instant, 'UTC').time).toBe('00:30');
      setHour12(true);
      expect(localParts(instant, 'Asia/Seoul').time).toBe('9:30 AM');
      expect(localParts(instant, 'UTC').time).toBe('12:30 AM');
      setHour12(false);
      expect(localParts(instant, 'Asia/Seoul').time).toBe('09:30');
    } finally {
      setHour12(false);
    }
  });
});
