/**
 * Issue 16, rule 4: a local time in the hour repeated when clocks go back means the first
 * occurrence; one in the skipped hour moves forward by the gap (RFC 5545 §3.3.5). Checked in
 * New York and Madrid, in the zone helpers (IANA offsets, a file's own VTIMEZONE as Outlook and
 * timezones-ical-library write it, the editor's localToInstant) and in import (single events and
 * daily series through both changes, with and without a VTIMEZONE in the file).
 */
import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../../src/domain/files';
import { readTree } from '../../../src/domain/files/ics-lines';
import { ianaOffset, vtimezoneOffset, wallToInstant, type OffsetFn } from '../../../src/domain/files/ics-zones';
import { localToInstant, wallClockToInstant } from '../../../src/domain/time';
import { loadVtimezones } from '../../../src/features/io/vtimezones';

const NOW = '2026-06-01T00:00:00.000Z';

/** Outlook's VTIMEZONEs: rules from 1601, TZIDs that are Windows names. */
const OUTLOOK: Record<string, string> = {
  'America/New_York': [
    'BEGIN:VTIMEZONE',
    'TZID:Eastern Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:-0400',
    'TZOFFSETTO:-0500',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:-0500',
    'TZOFFSETTO:-0400',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ].join('\r\n'),
  'Europe/Madrid': [
    'BEGIN:VTIMEZONE',
    'TZID:Romance Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16010101T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ].join('\r\n'),
};

/** A wall-clock reading `YYYYMMDDTHHMMSS` as wall ms. */
const wall = (s: string) =>
  Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13), +s.slice(13, 15));
const vtzOffset = (text: string): OffsetFn => {
  const vtz = readTree(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR\r\n`).calendars[0]!.children[0]!;
  return vtimezoneOffset(vtz, 2030).offset;
};

/** [zone, local reading, instant, what it is] */
const CASES: [string, string, string, string][] = [
  ['America/New_York', '20260308T023000', '2026-03-08T07:30:00.000Z', 'skipped hour: 03:30 EDT'],
  ['America/New_York', '20260308T015959', '2026-03-08T06:59:59.000Z', 'last second before the gap: 01:59:59 EST'],
  ['America/New_York', '20260308T030000', '2026-03-08T07:00:00.000Z', 'first reading after the gap: 03:00 EDT'],
  ['America/New_York', '20261101T013000', '2026-11-01T05:30:00.000Z', 'repeated hour: the first, 01:30 EDT'],
  ['America/New_York', '20261101T010000', '2026-11-01T05:00:00.000Z', 'start of the repeated hour: 01:00 EDT'],
  ['America/New_York', '20261101T020000', '2026-11-01T07:00:00.000Z', 'after the repeated hour: 02:00 EST'],
  ['America/New_York', '20251102T013000', '2025-11-02T05:30:00.000Z', 'repeated hour in 2025: 01:30 EDT'],
  ['Europe/Madrid', '20260329T023000', '2026-03-29T01:30:00.000Z', 'skipped hour: 03:30 CEST'],
  ['Europe/Madrid', '20260329T015959', '2026-03-29T00:59:59.000Z', 'last second before the gap: 01:59:59 CET'],
  ['Europe/Madrid', '20261025T023000', '2026-10-25T00:30:00.000Z', 'repeated hour: the first, 02:30 CEST'],
  ['Europe/Madrid', '20261025T030000', '2026-10-25T02:00:00.000Z', 'after the repeated hour: 03:00 CET'],
  ['Europe/Madrid', '20251026T020000', '2025-10-26T00:00:00.000Z', 'repeated hour in 2025: 02:00 CEST'],
];

describe('the zone helpers in the repeated and skipped hours', () => {
  it.each(CASES)('IANA offsets: %s %s → %s (%s)', (zone, local, instant) => {
    expect(new Date(wallToInstant(wall(local), ianaOffset(zone))).toISOString()).toBe(instant);
  });

  it.each(CASES)('Outlook VTIMEZONE: %s %s → %s (%s)', (zone, local, instant) => {
    expect(new Date(wallToInstant(wall(local), vtzOffset(OUTLOOK[zone]!))).toISOString()).toBe(instant);
  });

  it.each(CASES)('timezones-ical-library VTIMEZONE: %s %s → %s (%s)', async (zone, local, instant) => {
    const text = (await loadVtimezones())(zone)!;
    expect(text).toMatch(/^BEGIN:VTIMEZONE/);
    expect(new Date(wallToInstant(wall(local), vtzOffset(text))).toISOString()).toBe(instant);
  });

  it.each(CASES)('localToInstant and wallClockToInstant (the editors): %s %s → %s (%s)', (zone, local, instant) => {
    const iso = `${local.slice(0, 4)}-${local.slice(4, 6)}-${local.slice(6, 8)}T${local.slice(9, 11)}:${local.slice(11, 13)}`;
    const fields = {
      year: +local.slice(0, 4),
      month: +local.slice(4, 6),
      day: +local.slice(6, 8),
      hour: +local.slice(9, 11),
      minute: +local.slice(11, 13),
      second: +local.slice(13, 15),
    };
    expect(wallClockToInstant(fields, zone)).toBe(instant);
    if (fields.second === 0) expect(localToInstant(iso, zone)).toBe(instant);
  });
});

const calendar = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;
const vevent = (lines: string[]) => `BEGIN:VEVENT\r\n${lines.join('\r\n')}\r\nEND:VEVENT\r\n`;
/** Whether two IANA zones keep the same clock every 6 hours through 2025–2027 (Outlook's "Romance Standard Time" is Paris). */
const sameClock = (a: string, b: string) => {
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 6 * 3_600_000)
    if (ianaOffset(a)(t) !== ianaOffset(b)(t)) return false;
  return true;
};
/** [startsAt, zone] of each item read; a stored zone with the same clock as `zone` counts as `zone`. */
const starts = (text: string, zone?: string) => {
  const r = readCalendar(text, { displayZone: 'UTC', now: NOW });
  if (!r.ok) throw new Error(r.error);
  expect(r.skipped).toEqual([]);
  return r.items.map((i) => {
    const z = i.record.timeZone as string;
    return [i.record.startsAt, zone && z !== zone && sameClock(z, zone) ? zone : z];
  });
};

/** [zone, first day of a daily series of three, local time, the three instants] */
const SERIES: [string, string, string, string[]][] = [
  [
    'America/New_York',
    '20260307',
    '023000',
    ['2026-03-07T07:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z'],
  ],
  [
    'America/New_York',
    '20261031',
    '013000',
    ['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
  ],
  [
    'Europe/Madrid',
    '20260328',
    '023000',
    ['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z'],
  ],
  [
    'Europe/Madrid',
    '20261024',
    '023000',
    ['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'],
  ],
];

describe('import in the repeated and skipped hours', () => {
  it.each(CASES)(
    'a single event %s %s (IANA TZID, no VTIMEZONE, DTEND an hour later) → %s (%s)',
    (zone, local, instant) => {
      const [[at]] = starts(
        calendar(vevent(['UID:x', 'SUMMARY:T', `DTSTART;TZID=${zone}:${local}`, 'DURATION:PT1H'])),
      ) as [[string]];
      expect(at).toBe(instant);
    },
  );

  it.each(CASES)('a single event %s %s (Outlook VTIMEZONE with a Windows TZID) → %s (%s)', (zone, local, instant) => {
    const tzid = /TZID:(.*)/.exec(OUTLOOK[zone]!)![1]!;
    const got = starts(
      calendar(`${OUTLOOK[zone]}\r\n${vevent(['UID:x', 'SUMMARY:T', `DTSTART;TZID=${tzid}:${local}`])}`),
      zone,
    );
    expect(got).toEqual([[instant, zone]]);
  });

  it.each(SERIES)('a daily series in %s from %s at %s through the change', (zone, day, time, instants) => {
    const rule = ['UID:s', 'SUMMARY:Daily', 'RRULE:FREQ=DAILY;COUNT=3'];
    expect(starts(calendar(vevent([...rule, `DTSTART;TZID=${zone}:${day}T${time}`])))).toEqual(
      instants.map((i) => [i, zone]),
    );
    // The same with the file's own definition under a name that is no zone at all.
    const custom = OUTLOOK[zone]!.replace(/TZID:.*/, 'TZID:Head office');
    expect(
      starts(calendar(`${custom}\r\n${vevent([...rule, `DTSTART;TZID=Head office:${day}T${time}`])}`), zone),
    ).toEqual(instants.map((i) => [i, zone]));
    // An EXDATE written at the moved (skipped-hour) reading removes that occurrence.
    const ex = starts(
      calendar(vevent([...rule, `DTSTART;TZID=${zone}:${day}T${time}`, `EXDATE;TZID=${zone}:${nextDay(day)}T${time}`])),
    );
    expect(ex).toEqual([instants[0], instants[2]].map((i) => [i, zone]));
  });
});

function nextDay(day: string): string {
  const d = new Date(Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8) + 1));
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}
