/** The calendar's place in the URL: `/calendar?view=month&date=2025-10-30`. */
import { localDateSchema } from '../../domain/model';

export const CALENDAR_VIEWS = ['month', 'week', 'list', 'year'] as const;
export type CalendarViewName = (typeof CALENDAR_VIEWS)[number];

export const VIEW_LABELS: Record<CalendarViewName, string> = {
  month: 'Month',
  week: 'Week',
  list: 'List',
  year: 'Year',
};

/** FullCalendar's view type for each of ours. */
export const FC_VIEW_TYPES: Record<CalendarViewName, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listMonth',
  year: 'multiMonthYear',
};

export function viewFromFcType(type: string): CalendarViewName | null {
  const found = CALENDAR_VIEWS.find((v) => FC_VIEW_TYPES[v] === type);
  return found ?? null;
}

export interface CalendarPlace {
  view: CalendarViewName;
  /** `YYYY-MM-DD`, or null when the URL names no (valid) date. */
  date: string | null;
}

const isRealDate = (s: string) => localDateSchema.safeParse(s).success;

/** View and date from the query string; unknown views fall back to the month, bad dates to none. */
export function readCalendarPlace(search: URLSearchParams): CalendarPlace {
  const v = search.get('view');
  const d = search.get('date');
  return {
    view: (CALENDAR_VIEWS as readonly string[]).includes(v ?? '') ? (v as CalendarViewName) : 'month',
    date: d && isRealDate(d) ? d : null,
  };
}

/** The query string with view and date set, other parameters kept. */
export function writeCalendarPlace(
  search: URLSearchParams,
  place: { view: CalendarViewName; date: string },
): URLSearchParams {
  const next = new URLSearchParams(search);
  next.set('view', place.view);
  next.set('date', place.date);
  return next;
}
