import FullCalendar from '@fullcalendar/react';
import type {
  CalendarApi,
  CalendarRef,
  DateSelectInfo,
  DatesSetInfo,
  EventApi,
  EventClickInfo,
  EventDisplayInfo,
  EventDropInfo,
} from '@fullcalendar/react';
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
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import { describeWriteError, repos } from '../../db';
import { analyzeCompiled, compilePlan, type Conflict } from '../../domain/conflicts';
import { classifyConflicts } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import {
  formatDateRange,
  formatLocalDateTime,
  localDateOf,
  toInstant,
  toMs,
  zoneAbbreviation,
} from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { parseCalendarId, toCalendarEvents, type CalendarEventInput, type CalendarItem } from './calendar-adapter';
import {
  CALENDAR_VIEWS,
  FC_VIEW_TYPES,
  readCalendarPlace,
  VIEW_LABELS,
  viewFromFcType,
  writeCalendarPlace,
  type CalendarViewName,
} from './calendar-url';
import { CalendarFilters } from './CalendarFilters';
import { CalendarLegend } from './CalendarLegend';
import { BandContent, EventContent } from './EventContent';
import { CalendarItemDetails } from './CalendarItemDetails';
import { rescheduleItem, restoreItem, type Change } from './reschedule';
import {
  meetsRange,
  useAcceptances,
  useNearbyItems,
  useNextItem,
  useReferenceTables,
  widenRange,
  type InstantRange,
} from './use-calendar-data';

const PLUGINS = [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, multiMonthPlugin, interactionPlugin];
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
/**
 * How far beyond the visible range to read, by view. Conflicts need an item's neighbours (transit,
 * continuity): two weeks at least. A month or list reads the weeks of the months either side too,
 * so that Previous and Next draw their items at once, before the new range has been read.
 */
const READ_MARGIN_DAYS: Record<CalendarViewName, number> = { month: 35, list: 35, week: 14, year: 14 };
const NO_CONFLICTS: Conflict[] = [];

type FcProps = ComponentProps<typeof FullCalendar>;

export interface CalendarViewProps {
  /** The query string of the current URL. */
  search: URLSearchParams;
  /** Replace the query string (the app routes it). */
  onSearchChange: (next: URLSearchParams) => void;
  /** The clock: "now" for the next upcoming item and for today. */
  now?: () => Date;
}

const systemNow = () => new Date();
/** A message as a sentence: its own full stop added if it has none. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
/** Year: taller months, so a day has room for a few thin bars before "+N more". */
const VIEW_OPTIONS = { multiMonthYear: { aspectRatio: 1.05 } };
const viewClass = (info: { view: { type: string } }) => `cal-view-${viewFromFcType(info.view.type) ?? 'other'}`;

/** The plan in FullCalendar: month, week, list and year, in the display zone, editable. */
export function CalendarView({ search, onSearchChange, now = systemNow }: CalendarViewProps) {
  const displayZone = useUiStore((s) => s.displayZone);
  const [nowIso] = useState(() => now().toISOString());
  const place = readCalendarPlace(search);
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

interface BodyProps {
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

function CalendarBody({
  initialView,
  initialDate,
  place,
  onSearchChange,
  now,
  nextStart,
  planEmpty,
  followNext,
}: BodyProps) {
  const displayZone = useUiStore((s) => s.displayZone);
  const includeOptional = useUiStore((s) => s.includeOptional);
  const filters = useUiStore((s) => s.filters);
  const openEditor = useUiStore((s) => s.openEditor);
  const calRef = useRef<CalendarRef>(null);
  const api = useCallback((): CalendarApi | undefined => calRef.current?.getApi(), []);
  const [visible, setVisible] = useState<{ range: InstantRange; title: string; view: CalendarViewName } | null>(null);
  const [details, setDetails] = useState<{ type: 'leg' | 'window'; id: string } | null>(null);
  const [jumpDate, setJumpDate] = useState('');
  const following = useRef(followNext && planEmpty);

  // Read near the visible range (wider, for conflicts), hand only the visible part to the calendar.
  const readRange = useMemo(
    () => (visible ? widenRange(visible.range, READ_MARGIN_DAYS[visible.view]) : null),
    [visible],
  );
  const nearby = useNearbyItems(readRange);
  const tables = useReferenceTables();
  const acceptances = useAcceptances();

  const deferredNearby = useDeferredValue(nearby);
  // The items near the visible range, compiled once for the engine: switching optional items
  // on and off only runs the rules again.
  const nearbyPlan = useMemo(() => {
    if (!deferredNearby || !tables) return null;
    const plan: Plan = {
      places: tables.places,
      participants: tables.participants,
      visits: tables.visits,
      scenarios: tables.scenarios,
      events: deferredNearby.events,
      legs: deferredNearby.legs,
      windows: deferredNearby.windows,
    };
    return { plan, compiled: compilePlan(plan) };
  }, [deferredNearby, tables]);
  const conflicts = useMemo(() => {
    if (!nearbyPlan) return NO_CONFLICTS;
    const { plan, compiled } = nearbyPlan;
    const found = analyzeCompiled(compiled, { includeOptional }).conflicts;
    const open = acceptances?.length
      ? classifyConflicts(found, acceptances, plan)
          .filter((e) => e.state !== 'accepted')
          .map((e) => e.conflict)
      : found;
    // The same empty list each time, so that no conflicts does not rebuild the calendar's input.
    return open.length === 0 ? NO_CONFLICTS : open;
  }, [nearbyPlan, includeOptional, acceptances]);

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

  const onDatesSet = useCallback(
    (info: DatesSetInfo) => {
      const view = viewFromFcType(info.view.type) ?? 'month';
      const range = { start: info.start.toISOString(), end: info.end.toISOString() };
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

  const go = (action: (cal: CalendarApi) => void) => {
    following.current = false;
    const cal = api();
    if (cal) action(cal);
  };

  const notify = useUndoStore((s) => s.notify);
  const offer = useUndoStore((s) => s.offer);

  const save = useCallback(
    (event: EventApi, change: Change, revert: () => void, verb: string) => {
      const ref = parseCalendarId(event.id);
      if (!ref || ref.type === 'window') {
        revert();
        return;
      }
      rescheduleItem(repos, ref.type, ref.id, change).then(
        ({ before, after }) => {
          const [start, zone] =
            ref.type === 'event'
              ? [(after as { startsAt: string }).startsAt, (after as { timeZone: string }).timeZone]
              : [(after as { departsAt: string }).departsAt, displayZone];
          offer(`${verb} "${event.title}": now ${formatLocalDateTime(start, zone)}.`, async () => {
            try {
              await restoreItem(repos, ref.type as 'event' | 'leg', before);
              notify(`"${event.title}" is back where it was.`);
            } catch (err) {
              notify(`Could not undo: ${describeWriteError(err)}`);
            }
          });
        },
        (err: unknown) => {
          revert();
          notify(
            `Could not reschedule "${event.title}": ${sentence(describeWriteError(err))} It is back where it was.`,
          );
        },
      );
    },
    [displayZone, notify, offer],
  );

  const handlers = useMemo<Partial<FcProps>>(
    () => ({
      select: (info: DateSelectInfo) => {
        openEditor({
          mode: 'new',
          startsAt: info.start.toISOString(),
          endsAt: info.end.toISOString(),
          allDay: info.allDay,
        });
        info.view.calendar.unselect();
      },
      eventClick: (info: EventClickInfo) => {
        info.jsEvent.preventDefault();
        const ref = parseCalendarId(info.event.id);
        if (!ref) return;
        if (ref.type === 'event') openEditor({ mode: 'edit', type: 'event', id: ref.id });
        else setDetails(ref as { type: 'leg' | 'window'; id: string });
      },
      eventDrop: (info: EventDropInfo) => {
        const { delta } = info;
        save(
          info.event,
          {
            kind: 'move',
            shift: {
              days: delta.days + delta.months * 30 + delta.years * 365,
              ms: delta.milliseconds,
              newStart: info.event.start?.toISOString(),
            },
          },
          info.revert,
          'Moved',
        );
      },
      eventResize: (info) => {
        save(
          info.event,
          { kind: 'resize', resize: { days: info.endDelta.days, newEnd: info.event.end?.toISOString() } },
          info.revert,
          'Resized',
        );
      },
      eventAllow: (span, moving) => !moving || span.allDay === moving.allDay,
    }),
    [openEditor, save],
  );

  const renderEvent = useCallback((arg: EventDisplayInfo) => {
    const item = (arg.event.extendedProps as { item?: CalendarItem }).item;
    if (!item) return true;
    const view = viewFromFcType(arg.view.type);
    const size = view === 'year' ? 'bar' : view === 'month' ? 'compact' : view === 'list' ? 'row' : 'full';
    return <EventContent item={item} size={size} />;
  }, []);

  // In the week, scroll to the first timed item (items abroad often fall at night here).
  const scrolledFor = useRef('');
  useEffect(() => {
    const cal = api();
    if (!cal || !visible || visible.view !== 'week' || !nearby || nearby.range !== readRange) return;
    const key = `${visible.range.start}|${displayZone}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    const { start, end } = visible.range;
    const times = calendarEvents
      .filter((e) => !e.allDay && e.start < end && e.end > start)
      .map((e) => e.extendedProps.item.startTime);
    const first = times.length > 0 ? times.reduce((a, b) => (a < b ? a : b)) : '07:00';
    const hour = Math.max(0, Number(first.slice(0, 2)) - 1);
    cal.scrollToTime(`${String(hour).padStart(2, '0')}:00:00`);
  }, [api, visible, nearby, readRange, calendarEvents, displayZone]);

  const renderBand = useCallback((arg: EventDisplayInfo) => {
    const item = (arg.event.extendedProps as { item?: CalendarItem }).item;
    return item ? <BandContent item={item} /> : true;
  }, []);

  const setView = (view: CalendarViewName) => go((cal) => cal.changeView(FC_VIEW_TYPES[view]));
  const currentView = visible?.view ?? initialView;
  const abbreviations = visible
    ? [
        ...new Set([
          zoneAbbreviation(visible.range.start, displayZone),
          zoneAbbreviation(toInstant(toMs(visible.range.end) - 1), displayZone),
        ]),
      ].join(', then ')
    : zoneAbbreviation(now().toISOString(), displayZone);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea')) return;
    if (e.key === 'PageUp') {
      e.preventDefault();
      go((cal) => cal.prev());
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      go((cal) => cal.next());
    }
  };

  return (
    <section className="calendar-view" aria-labelledby="calendar-title" onKeyDown={onKeyDown}>
      <div className="cal-toolbar" role="toolbar" aria-label="Calendar navigation">
        <div className="cal-nav">
          <button type="button" onClick={() => go((cal) => cal.prev())} aria-keyshortcuts="PageUp">
            <span aria-hidden="true">‹ </span>Previous
          </button>
          <button type="button" onClick={() => go((cal) => cal.today())}>
            Today
          </button>
          <button type="button" onClick={() => go((cal) => cal.next())} aria-keyshortcuts="PageDown">
            Next<span aria-hidden="true"> ›</span>
          </button>
        </div>
        <h2 id="calendar-title" aria-live="polite">
          {visible?.title ?? ' '}
        </h2>
        <form
          className="cal-jump"
          onSubmit={(e) => {
            e.preventDefault();
            if (jumpDate) go((cal) => cal.gotoDate(jumpDate));
          }}
        >
          <label htmlFor="cal-jump-date">Go to date</label>
          <input id="cal-jump-date" type="date" value={jumpDate} onChange={(e) => setJumpDate(e.target.value)} />
          <button type="submit">Go</button>
        </form>
        <div className="cal-views" role="group" aria-label="View">
          {CALENDAR_VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={currentView === v} onClick={() => setView(v)}>
              {VIEW_LABELS[v]}
            </button>
          ))}
        </div>
      </div>
      <p className="zone-note">
        Times in <strong>{displayZone.replace(/_/g, ' ')}</strong> ({abbreviations}); the local time at each place is
        given beside it. Select dates or times to add an item; drag to reschedule. Keyboard: Tab to an item and press
        Enter to open it; Page Up and Page Down change the dates.
      </p>
      <div className="cal-layout">
        <div className="cal-main">
          <FullCalendar
            ref={calRef}
            plugins={PLUGINS}
            initialView={FC_VIEW_TYPES[initialView]}
            initialDate={initialDate}
            timeZone={displayZone}
            now={now}
            headerToolbar={false}
            firstDay={1}
            height={currentView === 'month' ? 760 : 'auto'}
            slotMinHeight={16}
            events={calendarEvents}
            eventContent={renderEvent}
            backgroundEventContent={renderBand}
            eventDisplay="block"
            eventTimeFormat={TIME_FORMAT}
            slotHeaderFormat={TIME_FORMAT}
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
        <aside className="cal-side" aria-label="Filters and legend">
          <section className="cal-panel cal-windows" aria-labelledby="cal-windows-title">
            <h3 id="cal-windows-title">Windows and blackouts in view</h3>
            {windowsInView.length === 0 ? (
              <p className="cal-hint">None.</p>
            ) : (
              <ul>
                {windowsInView.map((w) => (
                  <li key={w.id}>
                    <span className={`cal-swatch cal-band-${w.kind}`} aria-hidden="true" />
                    <span>
                      <button type="button" className="link" onClick={() => setDetails({ type: 'window', id: w.id })}>
                        {w.title}
                      </button>{' '}
                      <span className="cal-hint">
                        {w.kind === 'blackout' ? 'blackout' : 'window'}, {formatDateRange(w.startDate, w.endDate)}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
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
