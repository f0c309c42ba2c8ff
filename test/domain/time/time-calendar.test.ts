import { describe, expect, it } from 'vitest';
import {
  addDaysToDate,
  addToLocal,
  formatDateRange,
  formatLocalRange,
  localToInstant,
  shiftLocalDays,
} from '../../../src/domain/time';

describe('time helpers for the calendar', () => {
  it('adds days to dates across months and years', () => {
    expect(addDaysToDate('2025-10-31', 1)).toBe('2025-11-01');
    expect(addDaysToDate('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addDaysToDate('2025-10-31T09:00', 1)).toThrow(RangeError);
  });

  it('does wall-clock arithmetic on local values of either shape', () => {
    expect(addToLocal('2025-11-01T23:30', 0, 60)).toBe('2025-11-02T00:30');
    expect(addToLocal('2025-11-02T01:30', 1)).toBe('2025-11-03T01:30');
    expect(addToLocal('2025-10-31', -2)).toBe('2025-10-29');
  });

  it('shifts an instant by local days in a zone, keeping its wall-clock time there', () => {
    const start = localToInstant('2025-11-01T09:00', 'America/New_York');
    expect(shiftLocalDays(start, 'America/New_York', 1)).toBe(localToInstant('2025-11-02T09:00', 'America/New_York'));
    expect(Date.parse(shiftLocalDays(start, 'America/New_York', 1)) - Date.parse(start)).toBe(25 * 3_600_000);
    expect(Date.parse(shiftLocalDays(start, 'Asia/Seoul', 1)) - Date.parse(start)).toBe(24 * 3_600_000);
  });

  it('formats a timed range at a zone, naming the end’s day when it differs and both abbreviations across a change', () => {
    expect(formatLocalRange('2025-10-30T02:00:00.000Z', '2025-10-30T03:40:00.000Z', 'Asia/Seoul')).toBe(
      '11:00–12:40 KST',
    );
    expect(formatLocalRange('2025-10-27T02:00:00.000Z', '2025-10-27T04:30:00.000Z', 'America/New_York')).toBe(
      '22:00–Mon 27 Oct, 00:30 EDT',
    );
    expect(formatLocalRange('2025-11-02T04:00:00.000Z', '2025-11-02T07:00:00.000Z', 'America/New_York')).toBe(
      '00:00 EDT–02:00 EST',
    );
  });

  it('formats inclusive date ranges compactly', () => {
    expect(formatDateRange('2025-10-29', '2025-10-29')).toBe('29 Oct 2025');
    expect(formatDateRange('2025-10-27', '2025-10-31')).toBe('27 – 31 Oct 2025');
    expect(formatDateRange('2025-10-31', '2025-11-01')).toBe('31 Oct – 1 Nov 2025');
    expect(formatDateRange('2025-12-31', '2026-01-02')).toBe('31 Dec 2025 – 2 Jan 2026');
  });
});
