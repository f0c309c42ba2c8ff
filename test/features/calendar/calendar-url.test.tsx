import { describe, expect, it } from 'vitest';
import {
  FC_VIEW_TYPES,
  readCalendarPlace,
  viewFromFcType,
  writeCalendarPlace,
} from '../../../src/features/calendar/calendar-url';

describe('calendar place in the URL', () => {
  it('reads view and date', () => {
    expect(readCalendarPlace(new URLSearchParams('view=week&date=2025-10-30'))).toEqual({
      view: 'week',
      date: '2025-10-30',
    });
  });
  it('falls back to the month and no date for unknown or unreal values', () => {
    expect(readCalendarPlace(new URLSearchParams('view=decade&date=2025-02-30'))).toEqual({
      view: 'month',
      date: null,
    });
    expect(readCalendarPlace(new URLSearchParams(''))).toEqual({ view: 'month', date: null });
  });
  it('writes view and date, keeping other parameters', () => {
    expect(
      writeCalendarPlace(new URLSearchParams('x=1&view=list'), { view: 'year', date: '2026-05-14' }).toString(),
    ).toBe('x=1&view=year&date=2026-05-14');
  });
  it('maps each view to a FullCalendar view type and back', () => {
    for (const [view, type] of Object.entries(FC_VIEW_TYPES)) expect(viewFromFcType(type)).toBe(view);
    expect(viewFromFcType('timeGridDay')).toBeNull();
  });
});
