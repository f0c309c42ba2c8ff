/** The rules of issue 16 for reading calendar files, one case each. */
import { describe, expect, it } from 'vitest';
import { readCalendar, type CalendarItem } from '../../../src/domain/files';

const NOW = '2026-06-01T00:00:00.000Z';
const read = (body: string, extra = '') => {
  const r = readCalendar(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${extra}${body}END:VCALENDAR\r\n`, {
    displayZone: 'UTC',
    now: NOW,
  });
  if (!r.ok) throw new Error(r.error);
  return r;
};
const event = (lines: string[]) => `BEGIN:VEVENT\r\n${lines.join('\r\n')}\r\nEND:VEVENT\r\n`;
const starts = (items: CalendarItem[]) => items.map((i) => i.record.startsAt ?? i.record.startDate);

describe('one bad line never refuses a file', () => {
  it('skips a stray line, a SUMMARY= typo and text after END:VCALENDAR, naming the line; keeps the rest', () => {
    const text =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n' +
      event([
        'UID:a',
        'SUMMARY=Typo',
        'SUMMARY:Talks',
        'DTSTART:20260610T090000Z',
        'stray words',
        'DTEND:20260610T100000Z',
      ]) +
      'END:VCALENDAR\r\ngarbage after the end\r\n';
    const r = readCalendar(text, { displayZone: 'UTC', now: NOW });
    expect(r.ok && r.items.map((i) => i.record.title)).toEqual(['Talks']);
    const notes = r.ok ? r.notes.join('\n') : '';
    expect(notes).toMatch(/Line 5, in event "Talks" \(starts 2026-06-10 09:00\): "SUMMARY=Typo" is not a property/);
    expect(notes).toMatch(/Line 8, in event "Talks".*"stray words" is not a property/);
    expect(notes).toMatch(/1 line after END:VCALENDAR ignored/);
    expect(notes).not.toMatch(/undefined|TypeError|Cannot read/);
  });

  it('forgives spaces in a BYDAY list; a failing event is left out whole', () => {
    const r = read(
      event(['UID:b', 'SUMMARY:Stand-up', 'DTSTART:20260601T080000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO, WE;COUNT=4']) +
        event(['UID:c', 'SUMMARY:Broken', 'DTSTART;TZID=Nowhere/Land:20260601T080000', 'RRULE:FREQ=DAILY;COUNT=3']),
    );
    expect(starts(r.items)).toEqual([
      '2026-06-01T08:00:00.000Z',
      '2026-06-03T08:00:00.000Z',
      '2026-06-08T08:00:00.000Z',
      '2026-06-10T08:00:00.000Z',
    ]);
    expect(r.skipped).toEqual([
      {
        label: '"Broken" (starts 2026-06-01 08:00)',
        reason: 'its time zone "Nowhere/Land" is not known and the file does not define it (no VTIMEZONE)',
      },
    ]);
  });
});

describe('one bad line never refuses a file: long lines', () => {
  it('joins a long line broken without its leading space back to its property, quietly', () => {
    const r = read(
      event([
        'UID:u',
        'SUMMARY:Talks',
        'DTSTART:20260610T090000Z',
        'DESCRIPTION:The first part of a long description that an exporter bro',
        'ke without the leading space: see https://example.org/x',
        'DTEND:20260610T100000Z',
      ]),
    );
    expect(r.items.map((i) => [i.record.title, i.record.startsAt, i.record.endsAt, i.record.notes])).toEqual([
      [
        'Talks',
        '2026-06-10T09:00:00.000Z',
        '2026-06-10T10:00:00.000Z',
        'The first part of a long description that an exporter broke without the leading space: see https://example.org/x',
      ],
    ]);
    expect(r.skipped).toEqual([]);
  });
});

describe('exceptions apply as instants', () => {
  it('EXDATE in UTC and RECURRENCE-ID in another zone, with no VTIMEZONE; one bad EXDATE value drops only itself', () => {
    const r = read(
      event([
        'UID:d',
        'SUMMARY:Sync',
        'DTSTART;TZID=Eastern Standard Time:20260601T090000',
        'DTEND;TZID=Eastern Standard Time:20260601T100000',
        'RRULE:FREQ=DAILY;COUNT=4',
        'EXDATE:20260602T130000Z,2026060X',
      ]) +
        event([
          'UID:d',
          'SUMMARY:Sync (moved)',
          'RECURRENCE-ID;TZID=Europe/London:20260603T140000',
          'DTSTART:20260603T150000Z',
          'DTEND:20260603T160000Z',
        ]),
    );
    expect(r.items.map((i) => [i.record.title, i.record.startsAt])).toEqual([
      ['Sync', '2026-06-01T13:00:00.000Z'],
      ['Sync (moved)', '2026-06-03T15:00:00.000Z'],
      ['Sync', '2026-06-04T13:00:00.000Z'],
    ]);
    expect(r.notes.join('\n')).toMatch(/EXDATE value "2026060X" on line \d+ is not a date; it was ignored/);
  });

  it('RDATE as PERIOD, and a date-time RECURRENCE-ID moving a day of an all-day series', () => {
    const r = read(
      event([
        'UID:e',
        'SUMMARY:Slot',
        'DTSTART:20260601T120000Z',
        'DURATION:PT1H',
        'RDATE;VALUE=PERIOD:20260605T080000Z/PT3H',
      ]) +
        event(['UID:f', 'SUMMARY:Duty', 'DTSTART;VALUE=DATE:20260601', 'RRULE:FREQ=WEEKLY;COUNT=3']) +
        event(['UID:f', 'SUMMARY:Duty', 'RECURRENCE-ID:20260608T000000Z', 'DTSTART;VALUE=DATE:20260609']),
    );
    const slot = r.items.filter((i) => i.uid === 'e').map((i) => [i.record.startsAt, i.record.endsAt]);
    expect(slot).toEqual([
      ['2026-06-01T12:00:00.000Z', '2026-06-01T13:00:00.000Z'],
      ['2026-06-05T08:00:00.000Z', '2026-06-05T11:00:00.000Z'],
    ]);
    expect(starts(r.items.filter((i) => i.uid === 'f'))).toEqual(['2026-06-01', '2026-06-09', '2026-06-15']);
  });
});

describe('Exchange and Outlook', () => {
  it('a display-name TZID maps to its zone; a trimmed VTIMEZONE is stored as the IANA zone it matches', () => {
    const vtz =
      'BEGIN:VTIMEZONE\r\nTZID:Custom Madrid\r\nBEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n' +
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n';
    const r = read(
      event(['UID:g', 'SUMMARY:Call', 'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260610T090000']) +
        event(['UID:h', 'SUMMARY:Talks', 'DTSTART;TZID=Custom Madrid:20260610T090000', 'RRULE:FREQ=MONTHLY;COUNT=6']),
      vtz,
    );
    const call = r.items.find((i) => i.uid === 'g')!;
    expect([call.record.startsAt, call.record.timeZone]).toEqual(['2026-06-10T13:00:00.000Z', 'America/New_York']);
    const talks = r.items.filter((i) => i.uid === 'h');
    // Stored as a real zone with Madrid's rules (Central European), not as a fixed offset.
    const zone = talks[0]!.record.timeZone as string;
    expect(talks.map((i) => i.record.timeZone)).toEqual(Array(6).fill(zone));
    expect(zone).toMatch(/^Europe\//);
    // 09:00 in Madrid stays 09:00 after the clocks go back on 25 October 2026 (beyond the file's own rules).
    expect(talks.slice(4).map((i) => i.record.startsAt)).toEqual([
      '2026-10-10T07:00:00.000Z',
      '2026-11-10T08:00:00.000Z',
    ]);
  });
});

describe('RFC 5545 semantics', () => {
  it('DTSTART off the rule is still the first occurrence; several RRULEs; a date without VALUE=DATE', () => {
    const r = read(
      event([
        'UID:i',
        'SUMMARY:A',
        'DTSTART:20260603T090000Z',
        'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2',
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=20;COUNT=1',
      ]) + event(['UID:j', 'SUMMARY:Holiday', 'DTSTART:20260704', 'DTEND:20260704']),
    );
    expect(starts(r.items.filter((i) => i.uid === 'i'))).toEqual([
      '2026-06-03T09:00:00.000Z',
      '2026-06-08T09:00:00.000Z',
      '2026-06-15T09:00:00.000Z',
      '2026-06-20T09:00:00.000Z',
    ]);
    const holiday = r.items.find((i) => i.uid === 'j')!.record;
    expect([holiday.allDay, holiday.startDate, holiday.endDate]).toEqual([true, '2026-07-04', '2026-07-04']);
  });

  it('RANGE=THISANDFUTURE moves the rest of the series; SEQUENCE decides between two copies', () => {
    const r = read(
      event(['UID:k', 'SUMMARY:Weekly', 'DTSTART:20260601T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=4']) +
        event([
          'UID:k',
          'SUMMARY:Weekly, later',
          'RECURRENCE-ID;RANGE=THISANDFUTURE:20260615T090000Z',
          'DTSTART:20260615T110000Z',
          'DURATION:PT1H',
        ]) +
        event(['UID:m', 'SEQUENCE:3', 'SUMMARY:New', 'DTSTART:20260601T090000Z']) +
        event(['UID:m', 'SEQUENCE:2', 'SUMMARY:Old', 'DTSTART:20260601T080000Z']),
    );
    expect(starts(r.items.filter((i) => i.uid === 'k'))).toEqual([
      '2026-06-01T09:00:00.000Z',
      '2026-06-08T09:00:00.000Z',
      '2026-06-15T11:00:00.000Z',
      '2026-06-22T11:00:00.000Z',
    ]);
    expect(r.items.filter((i) => i.uid === 'm').map((i) => i.record.title)).toEqual(['New']);
  });

  it.each([
    ['America/New_York', '20260308T023000', '2026-03-08T07:30:00.000Z', 'skipped hour: forward by the gap (03:30 EDT)'],
    ['America/New_York', '20261101T013000', '2026-11-01T05:30:00.000Z', 'repeated hour: the first (01:30 EDT)'],
    ['Europe/Madrid', '20260329T023000', '2026-03-29T01:30:00.000Z', 'skipped hour: forward by the gap (03:30 CEST)'],
    ['Europe/Madrid', '20261025T023000', '2026-10-25T00:30:00.000Z', 'repeated hour: the first (02:30 CEST)'],
  ])('%s %s → %s (%s)', (zone, local, instant) => {
    const r = read(event(['UID:n', 'SUMMARY:T', `DTSTART;TZID=${zone}:${local}`]));
    expect(r.items[0]!.record.startsAt).toBe(instant);
  });
});

describe('which occurrences', () => {
  it('expands around the planning horizon, not from the first date; refuses more often than daily by effective frequency', () => {
    const r = read(
      event(['UID:p', 'SUMMARY:Old daily', 'DTSTART:20000101T090000Z', 'RRULE:FREQ=DAILY']) +
        event(['UID:q', 'SUMMARY:Twice a day', 'DTSTART:20260601T090000Z', 'RRULE:FREQ=DAILY;BYHOUR=9,17']),
    );
    const daily = starts(r.items.filter((i) => i.uid === 'p')) as string[];
    expect(daily[0]).toBe('2025-06-01T09:00:00.000Z');
    expect(daily).toHaveLength(500);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'it repeats several times a day (BYHOUR, BYMINUTE or BYSECOND); only daily or slower repeats can be imported',
    ]);
    expect(r.notes.join('\n')).toMatch(/from 2025-06-01 to 2028-05-31/);
  });
});

describe('which occurrences: the effective frequency', () => {
  it('FREQ=HOURLY;BYHOUR=9 and FREQ=MINUTELY;BYHOUR=9;BYMINUTE=30 are daily; several times a day is refused whatever FREQ says', () => {
    const r = read(
      event(['UID:h1', 'SUMMARY:Hourly at nine', 'DTSTART:20260601T091500Z', 'RRULE:FREQ=HOURLY;BYHOUR=9;COUNT=3']) +
        event([
          'UID:h2',
          'SUMMARY:Minutely',
          'DTSTART:20260601T093000Z',
          'RRULE:FREQ=MINUTELY;BYHOUR=9;BYMINUTE=30;BYDAY=MO,TU;COUNT=3',
        ]) +
        event(['UID:h4', 'SUMMARY:Half-hourly', 'DTSTART:20260601T090000Z', 'RRULE:FREQ=DAILY;BYMINUTE=0,30']) +
        event([
          'UID:h5',
          'SUMMARY:Mondays twice',
          'DTSTART:20260601T090000Z',
          'RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,17',
        ]),
    );
    expect(starts(r.items.filter((i) => i.uid === 'h1'))).toEqual([
      '2026-06-01T09:15:00.000Z',
      '2026-06-02T09:15:00.000Z',
      '2026-06-03T09:15:00.000Z',
    ]);
    // 1 June 2026 is a Monday.
    expect(starts(r.items.filter((i) => i.uid === 'h2'))).toEqual([
      '2026-06-01T09:30:00.000Z',
      '2026-06-02T09:30:00.000Z',
      '2026-06-08T09:30:00.000Z',
    ]);
    expect(r.skipped.map((s) => `${s.label}: ${s.reason}`)).toEqual([
      '"Half-hourly" (starts 2026-06-01 09:00): it repeats several times a day (BYHOUR, BYMINUTE or BYSECOND); only daily or slower repeats can be imported',
      '"Mondays twice" (starts 2026-06-01 09:00): it repeats several times a day (BYHOUR, BYMINUTE or BYSECOND); only daily or slower repeats can be imported',
    ]);
  });
});

describe('hostile or impossible input is refused, not guessed', () => {
  it('TZOFFSETTO:+9999 makes its events unreadable; BYMONTH=2;BYMONTHDAY=30 yields nothing and ends', () => {
    const vtz =
      'BEGIN:VTIMEZONE\r\nTZID:Bad\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+9999\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n';
    const r = read(
      event(['UID:r', 'SUMMARY:Somewhere', 'DTSTART;TZID=Bad:20260601T090000']) +
        event(['UID:s', 'SUMMARY:Never', 'DTSTART:20260130T090000Z', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30']),
      vtz,
    );
    expect(r.skipped).toEqual([
      {
        label: '"Somewhere" (starts 2026-06-01 09:00)',
        reason: 'its time zone "Bad" has an impossible UTC offset (TZOFFSETTO:+9999)',
      },
    ]);
    expect(starts(r.items.filter((i) => i.uid === 's'))).toEqual(['2026-01-30T09:00:00.000Z']);
  });

  it('200,000 EXDATE values, on one line or many, are read in about linear time', () => {
    const values = Array.from({ length: 200_000 }, (_, k) => {
      const d = new Date(Date.UTC(2000, 0, 1, 9) + k * 86_400_000);
      return d.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    });
    const base = ['UID:t', 'SUMMARY:Daily', 'DTSTART:20260601T090000Z', 'RRULE:FREQ=DAILY;COUNT=3'];
    const t0 = performance.now();
    const one = read(event([...base, `EXDATE:${values.join(',')}`]));
    const t1 = performance.now();
    const many = read(event([...base, ...values.map((v) => `EXDATE:${v}`)]));
    const t2 = performance.now();
    console.log(`200,000 EXDATE values: one line ${(t1 - t0).toFixed(0)} ms, many lines ${(t2 - t1).toFixed(0)} ms`);
    // 2026-06-01 is day 9648 from 2000-01-01, so all three occurrences are excluded.
    expect(one.items).toEqual([]);
    expect(many.items).toEqual([]);
  }, 120_000);
});
