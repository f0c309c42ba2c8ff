/**
 * Dates at the edges (issue 19 item 5): a plan holds the years 1900 to 9999. The validators refuse
 * anything earlier in plain words (an import names the item and the reason), and a range read
 * around December 9999 still finds the items in it.
 */
import { describe, expect, it } from 'vitest';
import { restoreCalendar } from '../../../src/domain/files';
import { instantSchema, localDateSchema, validateRecord } from '../../../src/domain/model';
import { EARLIEST_INSTANT, LATEST_INSTANT, toMs, toRangeInstant } from '../../../src/domain/time';
import { makeAllDayEvent, makeEvent } from '../../helpers/factories';

const DAY = 86_400_000;

describe('the plan’s years, 1900 to 9999', () => {
  it('instants and dates from 1900 to the end of 9999 are accepted', () => {
    expect(instantSchema.parse('1900-01-01T00:00:00Z')).toBe('1900-01-01T00:00:00.000Z');
    expect(instantSchema.parse('9999-12-31T23:59:59.999Z')).toBe(LATEST_INSTANT);
    expect(localDateSchema.parse('1900-01-01')).toBe('1900-01-01');
    expect(localDateSchema.parse('9999-12-31')).toBe('9999-12-31');
    const late = makeEvent({ startsAt: '9999-12-20T10:00:00.000Z', endsAt: '9999-12-20T11:00:00.000Z' });
    expect(validateRecord('events', late).ok).toBe(true);
  });

  it('anything before 1900 is refused, saying which years a plan holds', () => {
    const early = instantSchema.safeParse('1899-12-31T23:59:59.999Z');
    expect(early.success).toBe(false);
    expect(early.error?.issues[0]?.message).toBe('is before 1900 (Summitry plans dates from 1900 to 9999)');
    expect(localDateSchema.safeParse('0001-01-01').success).toBe(false);
    const result = validateRecord(
      'events',
      makeEvent({
        title: 'Congress of Vienna',
        startsAt: '1815-06-09T10:00:00.000Z',
        endsAt: '1815-06-09T12:00:00.000Z',
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /Congress of Vienna.*before 1900 \(Summitry plans dates from 1900/,
    );
    const allDay = validateRecord('events', makeAllDayEvent('1899-12-30', '1900-01-02', 'Europe/London'));
    expect(allDay.ok).toBe(false);
  });

  it('a calendar file’s event before 1900 is left out with that reason; the rest imports', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:vienna',
      'DTSTART:18150609T100000Z',
      'DTEND:18150609T120000Z',
      'SUMMARY:Congress of Vienna',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:far',
      'DTSTART:99991220T100000Z',
      'DTEND:99991220T110000Z',
      'SUMMARY:Far summit',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const result = restoreCalendar(ics, { displayZone: 'Europe/London', now: '2026-11-28T12:00:00.000Z' });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.restored.plan.events.map((e) => [e.title, e.startsAt])).toEqual([
      ['Far summit', '9999-12-20T10:00:00.000Z'],
    ]);
    expect(result.restored.skipped).toHaveLength(1);
    expect(result.restored.skipped[0]!.label).toMatch(/Congress of Vienna/);
    expect(result.restored.skipped[0]!.reason).toMatch(/before 1900 \(Summitry plans dates from 1900 to 9999\)/);
  });

  it('a range end past 9999 is held at the last instant, so it still sorts after every stored one', () => {
    const past = toMs('9999-12-31T00:00:00.000Z') + 35 * DAY;
    expect(new Date(past).toISOString() < '9999-12-20T10:00:00.000Z').toBe(true); // why: '+010000-…'
    expect(toRangeInstant(past)).toBe(LATEST_INSTANT);
    expect(toRangeInstant(toMs('1900-01-05T00:00:00.000Z') - 35 * DAY)).toBe(EARLIEST_INSTANT);
    expect(toRangeInstant(toMs('2025-10-30T00:00:00.000Z'))).toBe('2025-10-30T00:00:00.000Z');
  });
});
