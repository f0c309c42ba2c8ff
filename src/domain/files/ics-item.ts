/**
 * One read VEVENT occurrence → a candidate record (event, leg or window) to be validated by
 * restoreCalendar. Our own exports carry X-SUMMITRY-* properties that restore what the standard
 * has no place for: the item's zone, exact status, kind, place, participants, visit, sources,
 * notes (without the text the export generates), the window an event is tied to and its margin.
 */
import type { EventKind, Status } from '../model';
import { EVENT_KINDS, LEG_MODES, STATUSES, WINDOW_KINDS, isSafeUrl } from '../model';
import { isValidZone } from '../time';
import { all, first, splitTextList, textOf, unescapeText, type IcsComponent } from './ics-lines';
import { parseTimeValue } from './ics-values';
import { ICS_TO_STATUS, isOwnUid } from './ics-ids';

export type CalendarTable = 'events' | 'legs' | 'windows' | 'visits' | 'places' | 'participants';

export interface CalendarItem {
  table: CalendarTable;
  /** For messages: `Event "Weekly sherpa call" (20 Oct 2026)`. */
  label: string;
  uid: string;
  /** The candidate record, to be validated. */
  record: Record<string, unknown>;
  /** Fields the file defines: on an item already in the plan, only these change (all when absent). */
  fields?: readonly string[];
}

/** A read time: all-day (a local date) or timed (a UTC instant and, when known, its IANA zone). */
export type ItemTime = { date: string } | { instant: string; zone?: string };

export interface ItemInput {
  ev: IcsComponent;
  uid: string;
  id: string;
  start: ItemTime;
  end: ItemTime;
  label: string;
  /** Zone for items whose own zone is unknown: the calendar's X-WR-TIMEZONE or the display zone. */
  fallbackZone: string;
  now: string;
}

/** The day before an ISO date (plain calendar arithmetic). */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const TIME_FIELDS = ['startsAt', 'endsAt', 'allDay', 'startDate', 'endDate', 'timeZone'];

function readJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function updatedAtOf(ev: IcsComponent, now: string): string {
  const p = first(ev, 'LAST-MODIFIED') ?? first(ev, 'DTSTAMP');
  const v = p ? parseTimeValue(p.value) : undefined;
  return v && v.kind !== 'date' ? new Date(v.kind === 'utc' ? v.ms : v.wall).toISOString() : now;
}

/** The candidate record for one occurrence (or single event). */
export function toItem(input: ItemInput): CalendarItem {
  const { ev, uid, id, start, end, label } = input;
  const own = isOwnUid(uid);
  const x = (name: string) => textOf(ev, `X-SUMMITRY-${name.toUpperCase()}`);
  const type = own ? (x('type') ?? 'event') : 'event';
  const savedZone = x('timezone');
  const zone =
    (savedZone && isValidZone(savedZone) ? savedZone : undefined) ??
    ('zone' in start ? start.zone : undefined) ??
    input.fallbackZone;
  const statusX = x('status');
  const icsStatus = textOf(ev, 'STATUS')?.trim().toUpperCase();
  const status: Status =
    statusX && (STATUSES as readonly string[]).includes(statusX)
      ? (statusX as Status)
      : (icsStatus && ICS_TO_STATUS[icsStatus]) || 'confirmed';
  const updatedAt = updatedAtOf(ev, input.now);
  const participants = (x('participants') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const optional = x('optional')?.toUpperCase() === 'TRUE';
  const visitId = x('visit');
  const sources = readJson(x('sources'));
  const ownNotes = x('notes');
  const placeId = x('place');
  const summary = textOf(ev, 'SUMMARY')?.trim() || '(no title)';
  const timed = 'instant' in start && 'instant' in end;

  if (type === 'leg' && x('from') && x('to') && (LEG_MODES as readonly string[]).includes(x('mode') ?? '') && timed) {
    return {
      table: 'legs',
      uid,
      label: `Leg ${label}`,
      record: {
        id,
        ...(visitId ? { visitId } : {}),
        fromPlaceId: x('from'),
        toPlaceId: x('to'),
        mode: x('mode'),
        departsAt: start.instant,
        arrivesAt: end.instant,
        ...(x('carrier') ? { carrier: x('carrier') } : {}),
        ...(x('number') ? { number: x('number') } : {}),
        participantIds: participants,
        status,
        optional,
        ...(ownNotes ? { notes: ownNotes } : {}),
        sources: Array.isArray(sources) ? sources : [],
        updatedAt,
      },
      fields: ['departsAt', 'arrivesAt', 'status', 'updatedAt', ...(own ? ['visitId', 'notes', 'sources'] : [])],
    };
  }
  if (type === 'window' && 'date' in start && 'date' in end) {
    const kind = (WINDOW_KINDS as readonly string[]).includes(x('kind') ?? '') ? x('kind') : 'window';
    return {
      table: 'windows',
      uid,
      label: `Window ${label}`,
      record: {
        id,
        title: summary,
        kind,
        startDate: start.date,
        endDate: dayBefore(end.date),
        timeZone: zone,
        ...(placeId ? { placeId } : {}),
        participantIds: participants,
        status,
        ...(ownNotes ? { notes: ownNotes } : {}),
        sources: Array.isArray(sources) ? sources : [],
        updatedAt,
      },
      fields: ['title', 'startDate', 'endDate', 'timeZone', 'status', 'updatedAt', 'notes', 'sources'],
    };
  }
  return eventItem(input, { zone, status, updatedAt, participants, optional, visitId, sources, ownNotes, summary });
}

interface Common {
  zone: string;
  status: Status;
  updatedAt: string;
  participants: string[];
  optional: boolean;
  visitId?: string;
  sources: unknown;
  ownNotes?: string;
  summary: string;
}

function eventItem(input: ItemInput, c: Common): CalendarItem {
  const { ev, uid, id, start, end, label } = input;
  const own = isOwnUid(uid);
  const x = (name: string) => textOf(ev, `X-SUMMITRY-${name.toUpperCase()}`);
  const categories = ev.props.filter((p) => p.name === 'CATEGORIES').flatMap((p) => splitTextList(p.value));
  const savedKind = x('kind');
  const kind: EventKind =
    savedKind && (EVENT_KINDS as readonly string[]).includes(savedKind)
      ? (savedKind as EventKind)
      : ((categories.find((k) => (EVENT_KINDS as readonly string[]).includes(k.toLowerCase()))?.toLowerCase() as
          EventKind | undefined) ?? 'meeting');
  const savedTopics = readJson(x('topics'));
  const topics = Array.isArray(savedTopics) ? savedTopics : categories.filter((k) => k.toLowerCase() !== kind);
  const placeId = x('place');
  const description = textOf(ev, 'DESCRIPTION');
  const location = textOf(ev, 'LOCATION');
  const url = textOf(ev, 'URL')?.trim();
  const notes = own
    ? c.ownNotes
    : [description, !placeId && location ? `Location: ${location}` : undefined].filter(Boolean).join('\n\n');
  const windowId = x('window');
  const margin = Number(x('window-margin'));
  const sources = own
    ? Array.isArray(c.sources)
      ? c.sources
      : []
    : url && isSafeUrl(url)
      ? [{ title: 'Link from the calendar file', url }]
      : [];
  const record: Record<string, unknown> = {
    id,
    title: c.summary,
    kind,
    status: c.status,
    allDay: 'date' in start,
    ...('date' in start && 'date' in end
      ? { startDate: start.date, endDate: dayBefore(end.date) }
      : { startsAt: (start as { instant: string }).instant, endsAt: (end as { instant: string }).instant }),
    timeZone: c.zone,
    ...(placeId ? { placeId } : {}),
    participantIds: c.participants,
    ...(c.visitId ? { visitId: c.visitId } : {}),
    optional: c.optional,
    ...(notes ? { notes } : {}),
    sources,
    topics: [...new Set(topics as string[])],
    ...(own && windowId ? { windowId } : {}),
    ...(own && windowId && Number.isInteger(margin) ? { windowMarginDays: margin } : {}),
    updatedAt: c.updatedAt,
  };
  return {
    table: 'events',
    uid,
    label: `Event ${label}`,
    record,
    fields: own
      ? [
          'title',
          'status',
          ...TIME_FIELDS,
          'updatedAt',
          'visitId',
          'notes',
          'sources',
          'topics',
          'windowId',
          'windowMarginDays',
        ]
      : ['title', 'status', ...TIME_FIELDS, 'notes', 'topics', 'updatedAt'],
  };
}

const RECORDS = [
  ['X-SUMMITRY-VISIT-RECORD', 'visits', 'Visit', 'title'],
  ['X-SUMMITRY-PLACE-RECORD', 'places', 'Place', 'name'],
  ['X-SUMMITRY-PARTICIPANT-RECORD', 'participants', 'Participant', 'name'],
] as const;

/**
 * The visits, places and participants our own export writes whole on the VCALENDAR (one JSON
 * record per property), as candidate records; `bad` is told of each one that is not a record.
 */
export function recordItems(cal: IcsComponent, bad: (what: string) => void): CalendarItem[] {
  const out: CalendarItem[] = [];
  for (const [property, table, what, name] of RECORDS)
    for (const p of all(cal, property)) {
      const record = readJson(unescapeText(p.value));
      if (
        !record ||
        typeof record !== 'object' ||
        Array.isArray(record) ||
        typeof (record as { id?: unknown }).id !== 'string'
      ) {
        bad(`${property} is not a ${what.toLowerCase()} record, so it was left out`);
        continue;
      }
      const r = record as Record<string, unknown>;
      const label = typeof r[name] === 'string' ? `"${r[name] as string}"` : (r.id as string);
      out.push({ table, uid: `${table}:${r.id as string}`, label: `${what} ${label}`, record: r });
    }
  return out;
}
