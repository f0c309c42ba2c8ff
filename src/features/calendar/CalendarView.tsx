import { useState } from 'react';
import { localDateOf } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { CalendarBody } from './CalendarBody';
import { readCalendarPlace } from './calendar-url';
import { useNextItem } from './use-calendar-data';

export interface CalendarViewProps {
  /** The query string of the current URL. */
  search: URLSearchParams;
  /** Replace the query string (the app routes it). */
  onSearchChange: (next: URLSearchParams) => void;
  /** The clock: "now" for the next upcoming item and for today. */
  now?: () => Date;
}

const systemNow = () => new Date();

/** A phone-sized screen: the month grid is too cramped there, so the calendar opens as the agenda (list). */
const isNarrow = () => typeof window !== 'undefined' && !!window.matchMedia?.('(max-width: 640px)').matches;

/** The plan in FullCalendar: month, week, list and year, in the display zone, editable. */
export function CalendarView({ search, onSearchChange, now = systemNow }: CalendarViewProps) {
  const displayZone = useUiStore((s) => s.displayZone);
  const [nowIso] = useState(() => now().toISOString());
  const read = readCalendarPlace(search);
  const [narrow] = useState(isNarrow);
  const place = narrow && !search.get('view') ? { ...read, view: 'list' as const } : read;
  const next = useNextItem(nowIso);

  // Where to open: the URL's date, else the next upcoming item, else today.
  let initialDate: string | null = place.date;
  if (!initialDate && next) initialDate = localDateOf(next.start ?? nowIso, displayZone);

  if (!initialDate) return <p aria-busy="true">Loading the calendar…</p>;
  return (
    <CalendarBody
      initialView={place.view}
      initialDate={initialDate}
      place={place}
      onSearchChange={onSearchChange}
      now={now}
      nextStart={next?.start ?? null}
      planEmpty={next?.empty ?? true}
      followNext={!place.date}
    />
  );
}
