import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockEntryProblem, clockTimeOn, formatClockEntry, parseClockEntry } from '../../../src/domain/time';

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const time = fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) });

describe('typed times of day on the 12- and 24-hour clock', () => {
  it('reads back every time it writes, on both clocks', () => {
    fc.assert(
      fc.property(time, fc.boolean(), ({ h, m }, hour12) => {
        const shown = formatClockEntry(hhmm(h, m), hour12);
        expect(parseClockEntry(shown, hour12)).toEqual({ ok: true, time: hhmm(h, m) });
        // What one clock writes, the other reads too (a time with AM/PM is never ambiguous).
        if (hour12 || h === 0 || h > 12)
          expect(parseClockEntry(shown, !hour12)).toEqual({ ok: true, time: hhmm(h, m) });
      }),
    );
  });

  it('reads the ways people write a 12-hour time: lower case, no space, dots, no minutes', () => {
    fc.assert(
      fc.property(time, ({ h, m }) => {
        const h12 = h % 12 === 0 ? 12 : h % 12;
        const ap = h < 12 ? 'am' : 'pm';
        const mm = String(m).padStart(2, '0');
        for (const text of [`${h12}:${mm}${ap}`, `${h12}.${mm} ${ap.toUpperCase()}`, `${h12}${mm} ${ap[0]}.m.`])
          expect(parseClockEntry(text, true)).toEqual({ ok: true, time: hhmm(h, m) });
        expect(parseClockEntry(`${h12} ${ap}`, false)).toEqual({ ok: true, time: hhmm(h, 0) });
      }),
    );
  });

  it('reads 24-hour times written run together or with a dot', () => {
    for (const [text, want] of [
      ['14:30', '14:30'],
      ['1430', '14:30'],
      ['14.30', '14:30'],
      ['930', '09:30'],
      ['0930', '09:30'],
      ['9', '09:00'],
      ['0:05', '00:05'],
      [' 23:59 ', '23:59'],
      ['14h30', '14:30'],
    ])
      expect(parseClockEntry(text!, false), text).toEqual({ ok: true, time: want });
  });

  it('writes the 12-hour clock as the views do: 12 AM is midnight, 12 PM is noon', () => {
    expect(clockTimeOn(0, 0, true)).toBe('12:00 AM');
    expect(clockTimeOn(12, 5, true)).toBe('12:05 PM');
    expect(clockTimeOn(14, 30, true)).toBe('2:30 PM');
    expect(clockTimeOn(9, 5, false)).toBe('09:05');
    expect(parseClockEntry('12:00 am', true)).toEqual({ ok: true, time: '00:00' });
    expect(parseClockEntry('12 pm', true)).toEqual({ ok: true, time: '12:00' });
  });

  it('refuses what is not a time, and 1–12 without AM or PM on the 12-hour clock', () => {
    for (const text of [
      '25:00',
      '24:00',
      '14:60',
      '2:3',
      'noon',
      '13:00 pm',
      '0:30 am',
      '1430 pm',
      '12345',
      '2::30',
      '-1',
    ])
      expect(parseClockEntry(text, false), text).toEqual({ ok: false, reason: 'bad' });
    expect(parseClockEntry('  ', true)).toEqual({ ok: false, reason: 'empty' });
    expect(parseClockEntry('2:30', true)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseClockEntry('12:00', true)).toEqual({ ok: false, reason: 'ambiguous' });
    // Not ambiguous on either clock: 0 and 13–23 o'clock.
    expect(parseClockEntry('14:30', true)).toEqual({ ok: true, time: '14:30' });
    expect(parseClockEntry('0:30', true)).toEqual({ ok: true, time: '00:30' });
  });

  it('says what to write, in the clock in use', () => {
    expect(clockEntryProblem('bad', false)).toBe('Write a time like 14:30.');
    expect(clockEntryProblem('bad', true)).toBe('Write a time like 2:30 PM.');
    expect(clockEntryProblem('ambiguous', true)).toBe('Add AM or PM, like 2:30 PM.');
  });
});
