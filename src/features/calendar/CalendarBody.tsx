import FullCalendar from '@fullcalendar/react';
import type { CalendarApi, CalendarRef, DatesSetInfo, EventDisplayInfo } from '@fullcalendar/react';
import classicTheme from '@fullcalendar/react/themes/classic';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import multiMonthPlugin from '@fullcalendar/react/multimonth';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './calendar.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { localDateOf, toInstant, toMs, toRangeInstant, zoneAbbreviation } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import {
  FC_VIEW_TYPES,
  readCalendarPlace,
  viewFromFcType,
  writeCalendarPlace,
  type CalendarViewName,
} from './calendar-url';
import { Agenda, useListEvents, useViewSwitch } from './Agenda';
import type { CalendarItem } from './calendar-adapter';
import { CalendarFilters } from './CalendarFilters';
import { CalendarItemDetails } from './CalendarItemDetails';
import { CalendarLegend } from './CalendarLegend';
import { CalendarToolbar } from './CalendarToolbar';
import { BandContent, EventContent } from './EventContent';
import type { Visible } from './use-calendar-data';
import { useCalendarItems } from './use-calendar-items';
import { useCalendarHandlers, type DetailsRef } from './use-calendar-handlers';
import { useWeekScroll } from './use-week-scroll';
import { WindowsInView } from './WindowsInView';

const PLUGINS = [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, multiMonthPlugin, interactionPlugin];
/** Times of day as the clock setting writes them: "14:30" or "2:30 PM". */
const TIME_FORMATS = {
  '24h': { hour: '2-digit', minute: '2-digit', hour12: false },
  '12h': { hour: 'numeric', minute: '2-digit', hour12: true },
} as const;
/** Year: taller months, so a day has room for a few thin bars before "+N more". */
const VIEW_OPTIONS = { multiMonthYear: { aspectRatio: 1.05 } };
const viewClass = (info: { view: { type: string } }) => `cal-view-${viewFromFcType(info.view.type) ?? 'other'}`;

export interface CalendarBodyProps {
  initialView: CalendarViewName;
  initialDate: string;
  place: ReturnType<typeof readCalendarPlace>;
  onSearchChange: (next: URLSearchParams) => void;
  now: () => Date;
  nextStart: string | null;
  planEmpty: boolean;
  /** The URL named no date: keep to the next item until the user navigates (the plan may still be loading). */
  followNext: boolean;
}

const renderEvent = (arg: EventDisplayInfo) => {
  const item = (arg.event.extendedProps as { item?: CalendarItem }).item;
  if (!item) return true;
  const view = viewFromFcType(arg.view.type);
  const size = view === 'year' ? 'bar' : view === 'month' ? 'compact' : view === 'list' ? 'row' : 'full';
  return <EventContent item={item} size={size} />;
};

const renderBand = (arg: EventDisplayInfo) => {
  const item = (arg.event.extendedProps as { item?: CalendarItem }).item;
  return item ? <BandContent item={item} /> : true;
};

/** The visible range, title and view, kept as one value that changes only when one of them does. */
function useVisible(displayZone: string, onSearchChange: (next: URLSearchParams) => void) {
  const [visible, setVisible] = useState<Visible | null>(null);
  const onDatesSet = useCallback(
    (info: DatesSetInfo) => {
      const view = viewFromFcType(info.view.type) ?? 'month';
      const range = { start: toRangeInstant(info.start.getTime()), end: toRangeInstant(info.end.getTime()) };
      setVisible((v) =>
        v &&
        v.range.start === range.start &&
        v.range.end === range.end &&
        v.title === info.view.title &&
        v.view === view
          ? v
          : { range, title: info.view.title, view },
      );
      const date = localDateOf(info.view.calendar.getDate().toISOString(), displayZone);
      const current = readCalendarPlace(new URLSearchParams(window.location.search));
      if (current.view !== view || current.date !== date)
        onSearchChange(writeCalendarPlace(new URLSearchParams(window.location.search), { view, date }));
    },
    [displayZone, onSearchChange],
  );
  return { visible, onDatesSet };
}

/** The display zone's abbreviations over the visible range ("GMT, then BST"). */
function zoneAbbreviations(visible: Visible | null, displayZone: string, now: () => Date): string {
  if (!visible) return zoneAbbreviation(now().toISOString(), displayZone);
  return [
    ...new Set([
      zoneAbbreviation(visible.range.start, displayZone),
      zoneAbbreviation(toInstant(toMs(visible.range.end) - 1), displayZone),
    ]),
  ].join(', then ');
}

/** The calendar once it knows where to open: FullCalendar, its toolbar and the side panel. */
export function CalendarBody(props: CalendarBodyProps) {
  const { initialView, initialDate, place, onSearchChange, now, nextStart, planEmpty, followNext } = props;
  const displayZone = useUiStore((s) => s.displayZone);
  const timeFormat = TIME_FORMATS[useUiStore((s) => s.clock)];
  const calRef = useRef<CalendarRef>(null);
  const api = useCallback((): CalendarApi | undefined => calRef.current?.getApi(), []);
  const { visible, onDatesSet } = useVisible(displayZone, onSearchChange);
  const [details, setDetails] = useState<DetailsRef | null>(null);
  const following = useRef(followNext && planEmpty);

  const { tables, conflicts, calendarEvents, windowsInView, rangeRead } = useCalendarItems(visible);

  // The plan was empty when we opened (first run, still seeding): go to the next item once it exists.
  useEffect(() => {
    if (following.current && !planEmpty && nextStart) {
      following.current = false;
      api()?.gotoDate(localDateOf(nextStart, displayZone));
    }
  }, [planEmpty, nextStart, displayZone, api]);

  // URL → calendar (back/forward, or a link to another date or view).
  useEffect(() => {
    const cal = api();
    if (!cal || !place.date) return;
    const type = FC_VIEW_TYPES[place.view];
    const current = localDateOf(cal.getDate().toISOString(), displayZone);
    if (cal.view.type !== type) cal.changeView(type, place.date);
    else if (current !== place.date) cal.gotoDate(place.date);
  }, [place.view, place.date, api, displayZone]);

  const go = useCallback(
    (action: (cal: CalendarApi) => void) => {
      following.current = false;
      const cal = api();
      if (cal) action(cal);
    },
    [api],
  );
  const handlers = useCalendarHandlers(displayZone, setDetails);
  const views = useViewSwitch(visible, (view) => go((cal) => cal.changeView(FC_VIEW_TYPES[view])));
  const { agenda, events: fcEvents } = useListEvents(views.shown, calendarEvents, displayZone);
  useWeekScroll(api, visible, rangeRead ? calendarEvents : null, displayZone);

  const setView = views.setView;
  const currentView = visible?.view ?? initialView;
  const abbreviations = zoneAbbreviations(visible, displayZone, now);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea')) return;
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      go((cal) => (e.key === 'PageUp' ? cal.prev() : cal.next()));
    }
  };

  return (
    <section className="calendar-view" aria-labelledby="calendar-title" onKeyDown={onKeyDown}>
      <CalendarToolbar title={visible?.title ?? null} currentView={currentView} go={go} setView={setView} />
      <p className="zone-note">
        Times in <strong>{displayZone.replace(/_/g, ' ')}</strong> ({abbreviations}); the local time at each place is
        given beside it. Select dates or times to add an item; drag to reschedule. Keyboard: Tab to an item and press
        Enter to open it; Page Up and Page Down change the dates.
      </p>
      <div className="cal-layout">
        <div className="cal-main">
          {agenda && visible && <Agenda rows={agenda} title={visible.title} onDetails={setDetails} />}
          <div className="cal-fc" hidden={!!agenda}>
            <FullCalendar
              ref={calRef}
              plugins={PLUGINS}
              initialView={FC_VIEW_TYPES[initialView]}
              initialDate={initialDate}
              timeZone={displayZone}
              now={now}
              headerToolbar={false}
              firstDay={1}
              height={currentView === 'month' || currentView === 'week' ? 760 : 'auto'}
              slotMinHeight={16}
              events={fcEvents}
              eventContent={renderEvent}
              backgroundEventContent={renderBand}
              eventDisplay="block"
              eventTimeFormat={timeFormat}
              slotHeaderFormat={timeFormat}
              dayMaxEvents={4}
              views={VIEW_OPTIONS}
              eventMaxStack={3}
              nextDayThreshold="09:00:00"
              viewClass={viewClass}
              navLinks={false}
              nowIndicator
              editable
              selectable
              selectMirror
              scrollTime="07:00:00"
              datesSet={onDatesSet}
              {...handlers}
            />
          </div>
        </div>
        <aside className="cal-side" aria-label="Filters and legend">
          <WindowsInView windows={windowsInView} onOpen={(id) => setDetails({ type: 'window', id })} />
          <CalendarFilters participants={tables?.participants ?? []} />
          <CalendarLegend />
        </aside>
      </div>
      {details && (
        <CalendarItemDetails
          type={details.type}
          id={details.id}
          conflicts={conflicts}
          onClose={() => setDetails(null)}
        />
      )}
    </section>
  );
}
