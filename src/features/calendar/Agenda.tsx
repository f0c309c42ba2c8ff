/**
 * The list view for a busy range: FullCalendar's list draws every item of the range at once (a
 * thousand rows take most of a second, ten thousand many seconds), so past `AGENDA_THRESHOLD`
 * items the calendar shows this agenda instead: the same rows (kind colour, status style,
 * markers, local time at the place), grouped by day in the display zone, drawn a page at a time
 * (components/ShowMore) with each row's place in the whole list for screen readers. A row is a
 * button: Enter or a click opens the item, as in FullCalendar's list.
 */
import { useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ShowMore, useFocusRow, useShowMore } from '../../components/ShowMore';
import { formatPlainDate, localParts, toInstant, toMs } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { parseCalendarId, type CalendarEventInput } from './calendar-adapter';
import type { CalendarViewName } from './calendar-url';
import type { InstantRange } from './use-calendar-data';
import { EventContent } from './EventContent';

/** More items than this in the visible range: the agenda, not FullCalendar's list. */
export const AGENDA_THRESHOLD = 200;

interface Row {
  input: CalendarEventInput;
  /** Local date (display zone) the row is listed under: its first day in the range. */
  date: string;
  /** Sort key within the day: all-day items first, then by start instant. */
  key: string;
}

/** The items of `events` that meet `range`, each under its first day in the range, in order. */
export function agendaRows(events: readonly CalendarEventInput[], range: InstantRange, zone: string): Row[] {
  const firstDate = localParts(range.start, zone).date;
  const lastDate = localParts(toInstant(toMs(range.end) - 1), zone).date;
  const rows: Row[] = [];
  for (const input of events) {
    if (input.display === 'background') continue;
    if (input.allDay) {
      // Local dates, end exclusive.
      if (input.start > lastDate || input.end <= firstDate) continue;
      const date = input.start < firstDate ? firstDate : input.start;
      rows.push({ input, date, key: `0${date}` });
    } else {
      if (input.start >= range.end || input.end <= range.start) continue;
      const date = input.start < range.start ? firstDate : localParts(input.start, zone).date;
      rows.push({ input, date, key: `1${input.start}` });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const NO_EVENTS: CalendarEventInput[] = [];

interface ViewShown {
  range: InstantRange;
  view: string;
}

/**
 * A view switch that first hands FullCalendar the events of the view it is going to: going to the
 * list from a month of 1,000 items, FullCalendar would otherwise list all of them once before it
 * reports its new range. `change` is FullCalendar's changeView; `shown` is what to compute the
 * events for until FullCalendar reports the new view.
 */
export function useViewSwitch<V extends ViewShown>(visible: V | null, change: (view: CalendarViewName) => void) {
  const [pending, setPending] = useState<{ view: CalendarViewName; from: string } | null>(null);
  const shown = visible && pending && pending.from === visible.view ? { ...visible, view: pending.view } : visible;
  const setView = (view: CalendarViewName) => {
    if (visible) flushSync(() => setPending({ view, from: visible.view }));
    change(view);
  };
  return { shown, setView };
}

/**
 * What the list view shows: past `AGENDA_THRESHOLD` items in the range, the agenda's rows (and
 * nothing for FullCalendar); otherwise FullCalendar gets only the items in the range (it would
 * otherwise sort through all those read around it). Other views get every item read.
 */
export function useListEvents(
  visible: { range: InstantRange; view: string } | null,
  events: CalendarEventInput[],
  zone: string,
): { agenda: Row[] | null; events: CalendarEventInput[] } {
  return useMemo(() => {
    if (visible?.view !== 'list') return { agenda: null, events };
    const rows = agendaRows(events, visible.range, zone);
    if (rows.length > AGENDA_THRESHOLD) return { agenda: rows, events: NO_EVENTS };
    return { agenda: null, events: rows.map((r) => r.input) };
  }, [visible, events, zone]);
}

export interface AgendaProps {
  rows: Row[];
  title: string;
  /** Show a leg's or window's details (events open in the editor). */
  onDetails: (ref: { type: 'leg' | 'window'; id: string }) => void;
}

/** The busy range's items, day by day, drawn a page at a time. */
export function Agenda({ rows, title, onDetails }: AgendaProps) {
  const onOpen = (calendarId: string) => {
    const ref = parseCalendarId(calendarId);
    if (ref?.type === 'event') useUiStore.getState().openEditor({ mode: 'edit', type: 'event', id: ref.id });
    else if (ref) onDetails({ type: ref.type, id: ref.id });
  };
  const state = useShowMore(rows.length, { first: 80, step: 300 });
  const container = useRef<HTMLDivElement>(null);
  useFocusRow(container, state.focusIndex);
  const days = useMemo(() => {
    const out: { date: string; rows: { row: Row; index: number }[] }[] = [];
    rows.slice(0, state.shown).forEach((row, index) => {
      const last = out[out.length - 1];
      if (last && last.date === row.date) last.rows.push({ row, index });
      else out.push({ date: row.date, rows: [{ row, index }] });
    });
    return out;
  }, [rows, state.shown]);

  return (
    <div className="cal-agenda cal-view-list" ref={container} role="region" aria-label={`Agenda, ${title}`}>
      <p className="cal-agenda-note">
        {rows.length.toLocaleString('en-GB')} items in {title}, day by day. Filters narrow the list.
      </p>
      {days.map((day) => (
        <section key={day.date} className="cal-agenda-day" aria-label={formatPlainDate(day.date)}>
          <h3>{formatPlainDate(day.date)}</h3>
          <ul>
            {day.rows.map(({ row, index }) => (
              <li key={row.input.id} data-row={index} aria-posinset={index + 1} aria-setsize={rows.length}>
                <button type="button" className={row.input.className} onClick={() => onOpen(row.input.id)}>
                  <EventContent item={row.input.extendedProps.item} size="row" />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <ShowMore state={state} total={rows.length} noun="items" step={300} />
    </div>
  );
}
