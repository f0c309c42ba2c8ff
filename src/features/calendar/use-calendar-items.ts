/** The calendar's rows near the visible range, turned into FullCalendar's input with their conflict markers. */
import { useMemo } from 'react';
import { useUiStore } from '../../store/ui-store';
import { toCalendarEvents, type CalendarEventInput } from './calendar-adapter';
import type { CalendarViewName } from './calendar-url';
import { useCalendarConflicts } from './use-calendar-conflicts';
import { meetsRange, useNearbyItems, useReferenceTables, widenRange, type Visible } from './use-calendar-data';

/**
 * How far beyond the visible range to read, by view. Conflicts need an item's neighbours (transit,
 * continuity): two weeks at least. A month or list reads the weeks of the months either side too,
 * so that Previous and Next draw their items at once, before the new range has been read.
 */
const READ_MARGIN_DAYS: Record<CalendarViewName, number> = { month: 35, list: 35, week: 14, year: 14 };
export function useCalendarItems(visible: Visible | null) {
  const displayZone = useUiStore((s) => s.displayZone);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const filters = useUiStore((s) => s.filters);
  // Read near the visible range (wider, for conflicts), hand only the visible part to the calendar.
  const readRange = useMemo(
    () => (visible ? widenRange(visible.range, READ_MARGIN_DAYS[visible.view]) : null),
    [visible],
  );
  const nearby = useNearbyItems(readRange);
  const tables = useReferenceTables();
  const conflicts = useCalendarConflicts(nearby);

  const calendarEvents = useMemo<CalendarEventInput[]>(() => {
    if (!nearby || !tables) return [];
    return toCalendarEvents(
      {
        events: nearby.events,
        legs: nearby.legs,
        windows: nearby.windows.filter((w) => meetsRange(w.startsAt, w.endsAt, nearby.range)),
        places: tables.places,
        participants: tables.participants,
      },
      { displayZone, includeOptional, filters, conflicts },
    );
  }, [nearby, tables, displayZone, includeOptional, filters, conflicts]);

  const windowsInView = useMemo(
    () =>
      nearby && visible
        ? nearby.windows
            .filter((w) => meetsRange(w.startsAt, w.endsAt, visible.range))
            .sort((a, b) => a.startDate.localeCompare(b.startDate))
        : [],
    [nearby, visible],
  );

  /** True once the rows for the current visible range have been read. */
  const rangeRead = !!nearby && nearby.range === readRange;
  return { tables, conflicts, calendarEvents, windowsInView, rangeRead };
}
