/** The calendar's read range at the edges of the plan's years (issue 19 item 5). */
import { describe, expect, it } from 'vitest';
import { meetsRange, widenRange } from '../../../src/features/calendar/use-calendar-data';

describe('the calendar’s read range', () => {
  it('around December 9999 still meets an item in it (the widened end no longer sorts before it)', () => {
    const december = { start: '9999-11-29T00:00:00.000Z', end: '9999-12-31T23:59:59.999Z' };
    const read = widenRange(december, 35);
    expect(read).toEqual({ start: '9999-10-25T00:00:00.000Z', end: '9999-12-31T23:59:59.999Z' });
    expect(meetsRange('9999-12-20T10:00:00.000Z', '9999-12-20T11:00:00.000Z', read)).toBe(true);
  });

  it('around January 1900 starts at the first instant of 1900', () => {
    const read = widenRange({ start: '1900-01-01T00:00:00.000Z', end: '1900-02-05T00:00:00.000Z' }, 35);
    expect(read.start).toBe('1900-01-01T00:00:00.000Z');
    expect(meetsRange('1900-01-01T09:00:00.000Z', '1900-01-01T10:00:00.000Z', read)).toBe(true);
  });
});
