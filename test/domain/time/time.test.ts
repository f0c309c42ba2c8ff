import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatLocalTime,
  instantToLocal,
  intervalsOverlap,
  localDaysToInstants,
  localToInstant,
  zoneAbbreviation,
  zoneOffsetMinutes,
} from '../../../src/domain/time';

describe('time', () => {
  it.each([
    ['2025-09-19T08:00', 'America/New_York', '2025-09-19T12:00:00.000Z'],
    ['2025-11-03T08:00', 'America/New_York', '2025-11-03T13:00:00.000Z'],
    ['2025-10-30T11:00', 'Asia/Seoul', '2025-10-30T02:00:00.000Z'],
    ['2025-10-28T13:18', 'Asia/Shanghai', '2025-10-28T05:18:00.000Z'],
    ['2025-10-25T12:00', 'Europe/Madrid', '2025-10-25T10:00:00.000Z'],
    ['2025-10-27T12:00', 'Europe/Madrid', '2025-10-27T11:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, instant) => {
    expect(localToInstant(local, zone)).toBe(instant);
    expect(instantToLocal(instant, zone)).toBe(local);
  });

  it('names zones as planners do, by the season', () => {
    expect(formatLocalTime('2025-10-28T05:18:00.000Z', 'Asia/Shanghai')).toBe('13:18 CST (China)');
    expect(formatLocalTime('2025-10-30T02:00:00.000Z', 'Asia/Seoul')).toBe('11:00 KST');
    expect(zoneAbbreviation('2025-09-19T12:00:00.000Z', 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation('2025-11-24T14:00:00.000Z', 'America/New_York')).toBe('EST');
    expect(zoneAbbreviation('2025-09-14T10:00:00.000Z', 'Europe/Madrid')).toBe('CEST');
  });

  it('never lets a shared abbreviation stand alone: China and US Central are told apart', () => {
    const autumn = '2025-10-28T05:18:00.000Z';
    const winter = '2025-12-10T12:00:00.000Z';
    expect(zoneAbbreviation(autumn, 'Asia/Shanghai')).toBe('CST (China)');
    expect(zoneAbbreviation(winter, 'America/Chicago')).toBe('CST (US)');
    expect(zoneAbbreviation(autumn, 'America/Chicago')).toBe('CDT (US)');
    expect(zoneAbbreviation(autumn, 'Asia/Taipei')).toBe('CST (Taiwan)');
    expect(zoneAbbreviation(winter, 'America/Mexico_City')).toBe('CST (Mexico)');
    expect(zoneAbbreviation(autumn, 'Asia/Kolkata')).toBe('IST (India)');
    expect(zoneAbbreviation(autumn, 'Asia/Calcutta')).toBe('IST (India)');
    expect(zoneAbbreviation('2025-07-01T12:00:00.000Z', 'Europe/Dublin')).toBe('IST (Ireland)');
    expect(zoneAbbreviation(winter, 'Asia/Jerusalem')).toBe('IST (Israel)');
  });

  it('names a zone without a well-known abbreviation by its UTC offset', () => {
    expect(zoneAbbreviation('2025-10-28T05:18:00.000Z', 'Asia/Manila')).toBe('UTC+8');
    expect(zoneAbbreviation('2025-10-28T05:18:00.000Z', 'Asia/Kathmandu')).toBe('UTC+5:45');
    expect(zoneAbbreviation('2025-10-28T05:18:00.000Z', 'America/Sao_Paulo')).toBe('UTC-3');
    expect(zoneAbbreviation('2025-10-28T05:18:00.000Z', 'UTC')).toBe('UTC');
  });

  it('makes 2 Nov 2025 in New York a 25-hour day', () => {
    const { startsAt, endsAt } = localDaysToInstants('2025-11-02', '2025-11-02', 'America/New_York');
    expect(Date.parse(endsAt) - Date.parse(startsAt)).toBe(25 * 3_600_000);
  });

  it('treats intervals as half-open: touching is not overlapping', () => {
    expect(intervalsOverlap(0, 10, 10, 20)).toBe(false);
    expect(intervalsOverlap(0, 10, 9, 20)).toBe(true);
    expect(intervalsOverlap(5, 5, 0, 10)).toBe(true);
  });

  it.each([
    [0, '0 min'],
    [45 * 60_000, '45 min'],
    [(2 * 60 + 10) * 60_000, '2 h 10 min'],
    [3 * 3_600_000, '3 h'],
    [(3 * 24 + 4) * 3_600_000, '3 d 4 h'],
  ])('formatDuration(%i) is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    ['America/New_York', '2025-11-02T05:59:59.999Z', -240],
    ['America/New_York', '2025-11-02T06:00:00.000Z', -300],
    ['America/New_York', '2026-03-08T06:59:59.999Z', -300],
    ['America/New_York', '2026-03-08T07:00:00.000Z', -240],
    ['Europe/Madrid', '2025-10-26T00:59:59.999Z', 120],
    ['Europe/Madrid', '2025-10-26T01:00:00.000Z', 60],
    ['Asia/Shanghai', '2025-10-28T05:18:00.000Z', 480],
  ])('the offset of %s at %s is %i min, to the millisecond around a change', (zone, instant, offset) => {
    expect(zoneOffsetMinutes(Date.parse(instant), zone)).toBe(offset);
  });

  it('gives the offsets Luxon gives, at any instant and in any zone (memoised per day)', () => {
    const zones = [
      'America/New_York',
      'Europe/Madrid',
      'Asia/Seoul',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Kolkata',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (zone, ms) => {
          expect(zoneOffsetMinutes(ms, zone)).toBe(IANAZone.create(zone).offset(ms));
        },
      ),
      { numRuns: 3000 },
    );
    // Far back (local mean time, offsets with seconds) and far ahead.
    fc.assert(
      fc.property(
        fc.constantFrom(...zones, 'Africa/Casablanca', 'Asia/Kathmandu', 'UTC'),
        fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2200, 0, 1) }),
        (zone, ms) => {
          expect(zoneOffsetMinutes(ms, zone)).toBeCloseTo(IANAZone.create(zone).offset(ms), 9);
        },
      ),
      { numRuns: 3000 },
    );
    // Close to changes: Lord Howe moves by 30 min, Santiago and New York by an hour.
    const changes = [
      '2025-11-02T06:00:00Z',
      '2025-10-26T01:00:00Z',
      '2025-10-04T15:30:00Z',
      '2026-04-05T15:00:00Z',
      '2025-09-07T04:00:00Z',
    ].map(Date.parse);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...changes),
        fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }),
        (zone, at, d) => {
          expect(zoneOffsetMinutes(at + d, zone)).toBe(IANAZone.create(zone).offset(at + d));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
