import type { CalendarApi } from '@fullcalendar/react';
import { useEffect, useRef } from 'react';
import type { CalendarEventInput } from './calendar-adapter';
import type { Visible } from './use-calendar-data';

/**
 * In the week, scroll to the first timed item (items abroad often fall at night here), once per
 * week and display zone. `events` is null until the rows for the visible range have been read.
 */
export function useWeekScroll(
  api: () => CalendarApi | undefined,
  visible: Visible | null,
  events: CalendarEventInput[] | null,
  displayZone: string,
) {
  const scrolledFor = useRef('');
  useEffect(() => {
    const cal = api();
    if (!cal || !visible || visible.view !== 'week' || !events) return;
    const key = `${visible.range.start}|${displayZone}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    const { start, end } = visible.range;
    const times = events
      .filter((e) => !e.allDay && e.start < end && e.end > start)
      .map((e) => e.extendedProps.item.startTime);
    const first = times.length > 0 ? times.reduce((a, b) => (a < b ? a : b)) : '07:00';
    const hour = Math.max(0, Number(first.slice(0, 2)) - 1);
    cal.scrollToTime(`${String(hour).padStart(2, '0')}:00:00`);
  }, [api, visible, events, displayZone]);
}
