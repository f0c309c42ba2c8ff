/**
 * iCalendar (RFC 5545) out and in, through ical.js: this module builds and reads ical.js
 * components and never writes or splits the text format by hand.
 *
 * Out: one VEVENT per event, leg and window. Timed items are written in UTC (DTSTART/DTEND with
 * `Z`), all-day items as VALUE=DATE with an exclusive DTEND. UIDs are stable
 * (`<id>@summitry.local`, `leg/<id>@…`, `window/<id>@…`), SEQUENCE grows with the item's last
 * edit, and X-SUMMITRY-* properties carry what the standard has no place for (the item's zone,
 * exact status, kind, place and participants) so that a re-imported file updates the same items.
 *
 * Status mapping (both ways; the exact status also travels in X-SUMMITRY-STATUS):
 *   speculative, proposed, tentative → TENTATIVE   (TENTATIVE → tentative)
 *   confirmed, held                  → CONFIRMED   (CONFIRMED → confirmed)
 *   postponed, cancelled             → CANCELLED   (CANCELLED → cancelled)
 *   no STATUS on import              → confirmed
 *
 * In: the text is read into candidate records, one per event (or per occurrence of a repeating
 * event, within a bounded range); each is then validated by `restoreCalendar` in ../restore.ts.
 * An event that cannot be read becomes a `skipped` entry saying which and why.
 */
import ICAL from 'ical.js';
import type { EventKind, Leg, Place, Plan, PlanEvent, PlanWindow, Status } from '../model';
import { MODE_LABELS } from '../model';
import { EVENT_KINDS, LEG_MODES, STATUSES, WINDOW_KINDS, isSafeUrl } from '../model';
import {
  addDaysToDate,
  addToInstant,
  fixedOffsetZone,
  formatLocalTime,
  isValidZone,
  toMs,
  wallClockToDate,
  wallClockToInstant,
  type WallClock,
} from '../time';
import { windowsZoneToIana } from './windows-zones';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

export const UID_DOMAIN = 'summitry.local';

export const STATUS_TO_ICS: Readonly<Record<Status, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'>> = {
  speculative: 'TENTATIVE',
  proposed: 'TENTATIVE',
  tentative: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  held: 'CONFIRMED',
  postponed: 'CANCELLED',
  cancelled: 'CANCELLED',
};

const ICS_TO_STATUS: Readonly<Record<string, Status>> = {
  TENTATIVE: 'tentative',
  CONFIRMED: 'confirmed',
  CANCELLED: 'cancelled',
};

// ---------------------------------------------------------------------------------------------
// Selection

/** The "current filter" of the views: empty lists mean no filtering on that field. */
export interface ItemFilter {
  participantIds: readonly string[];
  kinds: readonly EventKind[];
  statuses: readonly Status[];
  includeOptional: boolean;
}

export type CalendarSelection =
  { kind: 'plan' } | { kind: 'visit'; visitId: string } | { kind: 'filter'; filter: ItemFilter };

export interface CalendarItems {
  events: PlanEvent[];
  legs: Leg[];
  windows: PlanWindow[];
}

/**
 * The items a calendar export holds. Whole plan: every event, leg and window. One visit: its
 * events and legs. Current filter: events that pass every set filter (participants: any shared;
 * kinds; statuses; optional items only if included); legs and windows pass the participant and
 * status filters (a window with no participants applies to everyone), and are left out when a
 * kind filter is set, since they have no event kind.
 */
export function selectCalendarItems(plan: Plan, selection: CalendarSelection): CalendarItems {
  if (selection.kind === 'plan') return { events: [...plan.events], legs: [...plan.legs], windows: [...plan.windows] };
  if (selection.kind === 'visit') {
    return {
      events: plan.events.filter((e) => e.visitId === selection.visitId),
      legs: plan.legs.filter((l) => l.visitId === selection.visitId),
      windows: [],
    };
  }
  const f = selection.filter;
  const who = (ids: readonly string[], emptyMeansAll = false) =>
    f.participantIds.length === 0 ||
    (emptyMeansAll && ids.length === 0) ||
    ids.some((id) => f.participantIds.includes(id));
  const status = (s: Status) => f.statuses.length === 0 || f.statuses.includes(s);
  const optional = (o: boolean) => f.includeOptional || !o;
  const noKindFilter = f.kinds.length === 0;
  return {
    events: plan.events.filter(
      (e) =>
        who(e.participantIds) && status(e.status) && optional(e.optional) && (noKindFilter || f.kinds.includes(e.kind)),
    ),
    legs: noKindFilter
      ? plan.legs.filter((l) => who(l.participantIds) && status(l.status) && optional(l.optional))
      : [],
    windows: noKindFilter ? plan.windows.filter((w) => who(w.participantIds, true) && status(w.status)) : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Export

export interface CalendarExportOptions {
  /** UTC ISO instant of the export: DTSTAMP. */
  now: string;
  appVersion: string;
  /** X-WR-CALNAME. */
  calendarName: string;
}

const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** SEQUENCE of an item: whole seconds from 2020-01-01 to its last edit, so every edit raises it. */
export function sequenceOf(updatedAt: string | undefined): number {
  if (!updatedAt) return 0;
  return Math.max(0, Math.floor((toMs(updatedAt) - SEQUENCE_EPOCH_MS) / 1000));
}

/** The UID of an item: `<id>@summitry.local` for events, `leg/<id>@…` and `window/<id>@…`. */
export function uidOf(type: 'event' | 'leg' | 'window', id: string): string {
  return `${type === 'event' ? '' : `${type}/`}${id}@${UID_DOMAIN}`;
}

const utc = (instant: string): IcalTime => ICAL.Time.fromJSDate(new Date(instant), true);
const date = (isoDate: string): IcalTime => ICAL.Time.fromDateString(isoDate);

/** RFC 5545 wants lines of at most 75 octets. ical.js counts the first line's octets but not the
 * space that starts each continuation line, so a continuation could reach 76; folding at 74
 * keeps every physical line within 75, and ical.js never splits a UTF-8 character. */
const FOLD_OCTETS = 74;

/** The calendar as iCalendar text: CRLF line ends, folded at 75 octets, UTF-8. */
export function exportCalendar(plan: Plan, selection: CalendarSelection, options: CalendarExportOptions): string {
  const items = selectCalendarItems(plan, selection);
  const places = new Map(plan.places.map((p) => [p.id as string, p]));
  const people = new Map(plan.participants.map((p) => [p.id as string, p.name]));
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', `-//Summitry//Summitry ${options.appVersion}//EN`);
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', options.calendarName);
  const stamp = utc(options.now);

  const common = (ev: IcalComponent, uid: string, updatedAt: string | undefined, status: Status) => {
    ev.addPropertyWithValue('uid', uid);
    ev.addPropertyWithValue('dtstamp', stamp);
    ev.addPropertyWithValue('sequence', sequenceOf(updatedAt));
    if (updatedAt) ev.addPropertyWithValue('last-modified', utc(updatedAt));
    ev.addPropertyWithValue('status', STATUS_TO_ICS[status]);
    ev.addPropertyWithValue('x-summitry-status', status);
  };
  const where = (ev: IcalComponent, place: Place | undefined) => {
    if (!place) return;
    const country = place.country && !place.name.includes(place.country) ? `, ${place.country}` : '';
    ev.addPropertyWithValue('location', `${place.name}${country}`);
    ev.addPropertyWithValue('geo', [place.lat, place.lon]);
    ev.addPropertyWithValue('x-summitry-place', place.id);
  };
  const categories = (ev: IcalComponent, values: string[]) => {
    const clean = values.filter((v) => v.trim().length > 0);
    if (clean.length === 0) return;
    const prop = ev.addPropertyWithValue('categories', clean[0]);
    prop.setValues(clean);
  };
  const sourcesText = (sources: readonly { title: string; url?: string; date?: string }[]) =>
    sources.length === 0
      ? []
      : ['Sources:', ...sources.map((s) => `- ${s.title}${s.url ? ` — ${s.url}` : ''}${s.date ? ` (${s.date})` : ''}`)];
  const description = (ev: IcalComponent, parts: (string | undefined)[]) => {
    const text = parts.filter((p): p is string => !!p && p.length > 0).join('\n');
    if (text) ev.addPropertyWithValue('description', text);
  };
  const firstUrl = (ev: IcalComponent, sources: readonly { url?: string }[]) => {
    const url = sources.find((s) => s.url && isSafeUrl(s.url))?.url;
    if (url) ev.addPropertyWithValue('url', url);
  };
  const withNames = (ids: readonly string[]) =>
    ids.length ? `With: ${ids.map((id) => people.get(id) ?? id).join(', ')}` : undefined;

  for (const e of sortByStart(items.events, (e) => e.startsAt)) {
    const ev = new ICAL.Component('vevent');
    common(ev, uidOf('event', e.id), e.updatedAt, e.status);
    ev.addPropertyWithValue('summary', e.title);
    if (e.allDay && e.startDate && e.endDate) {
      ev.addPropertyWithValue('dtstart', date(e.startDate));
      ev.addPropertyWithValue('dtend', date(addDaysToDate(e.endDate, 1)));
    } else {
      ev.addPropertyWithValue('dtstart', utc(e.startsAt));
      ev.addPropertyWithValue('dtend', utc(e.endsAt));
    }
    where(ev, e.placeId ? places.get(e.placeId) : undefined);
    description(ev, [
      e.notes,
      e.optional ? 'Optional item.' : undefined,
      withNames(e.participantIds),
      ...sourcesText(e.sources),
    ]);
    categories(ev, [e.kind, ...e.topics]);
    firstUrl(ev, e.sources);
    ev.addPropertyWithValue('x-summitry-type', 'event');
    ev.addPropertyWithValue('x-summitry-kind', e.kind);
    ev.addPropertyWithValue('x-summitry-timezone', e.timeZone);
    if (e.optional) ev.addPropertyWithValue('x-summitry-optional', 'TRUE');
    if (e.visitId) ev.addPropertyWithValue('x-summitry-visit', e.visitId);
    if (e.participantIds.length) ev.addPropertyWithValue('x-summitry-participants', e.participantIds.join(','));
    cal.addSubcomponent(ev);
  }

  for (const l of sortByStart(items.legs, (l) => l.departsAt)) {
    const ev = new ICAL.Component('vevent');
    const from = places.get(l.fromPlaceId);
    const to = places.get(l.toPlaceId);
    common(ev, uidOf('leg', l.id), l.updatedAt, l.status);
    ev.addPropertyWithValue('summary', legSummary(l, from, to));
    ev.addPropertyWithValue('dtstart', utc(l.departsAt));
    ev.addPropertyWithValue('dtend', utc(l.arrivesAt));
    where(ev, from);
    const departs = from ? `Departs ${from.name} at ${formatLocalTime(l.departsAt, from.timeZone)}` : undefined;
    const arrives = to
      ? `arrives ${to.name} at ${formatLocalTime(l.arrivesAt, to.timeZone)} (local times).`
      : undefined;
    description(ev, [
      [departs, arrives].filter(Boolean).join('; ') || undefined,
      l.notes,
      l.optional ? 'Optional leg.' : undefined,
      withNames(l.participantIds),
      ...sourcesText(l.sources),
    ]);
    categories(ev, ['leg', l.mode]);
    firstUrl(ev, l.sources);
    ev.addPropertyWithValue('x-summitry-type', 'leg');
    ev.addPropertyWithValue('x-summitry-mode', l.mode);
    ev.addPropertyWithValue('x-summitry-from', l.fromPlaceId);
    ev.addPropertyWithValue('x-summitry-to', l.toPlaceId);
    if (l.carrier) ev.addPropertyWithValue('x-summitry-carrier', l.carrier);
    if (l.number) ev.addPropertyWithValue('x-summitry-number', l.number);
    ev.addPropertyWithValue('x-summitry-timezone', from?.timeZone ?? 'UTC');
    if (l.optional) ev.addPropertyWithValue('x-summitry-optional', 'TRUE');
    if (l.visitId) ev.addPropertyWithValue('x-summitry-visit', l.visitId);
    if (l.participantIds.length) ev.addPropertyWithValue('x-summitry-participants', l.participantIds.join(','));
    cal.addSubcomponent(ev);
  }

  for (const w of sortByStart(items.windows, (w) => w.startsAt)) {
    const ev = new ICAL.Component('vevent');
    common(ev, uidOf('window', w.id), w.updatedAt, w.status);
    ev.addPropertyWithValue('summary', w.title);
    ev.addPropertyWithValue('dtstart', date(w.startDate));
    ev.addPropertyWithValue('dtend', date(addDaysToDate(w.endDate, 1)));
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
    where(ev, w.placeId ? places.get(w.placeId) : undefined);
    description(ev, [w.notes, withNames(w.participantIds), ...sourcesText(w.sources)]);
    categories(ev, [w.kind]);
    firstUrl(ev, w.sources);
    ev.addPropertyWithValue('x-summitry-type', 'window');
    ev.addPropertyWithValue('x-summitry-kind', w.kind);
    ev.addPropertyWithValue('x-summitry-timezone', w.timeZone);
    if (w.participantIds.length) ev.addPropertyWithValue('x-summitry-participants', w.participantIds.join(','));
    cal.addSubcomponent(ev);
  }

  const saved = ICAL.foldLength;
  ICAL.foldLength = FOLD_OCTETS;
  try {
    const text = cal.toString();
    // ical.js joins lines with CRLF but leaves the last line unterminated; RFC 5545 ends every line with CRLF.
    return text.endsWith('\r\n') ? text : `${text}\r\n`;
  } finally {
    ICAL.foldLength = saved;
  }
}

/** "Flight CA817 (Air China): Beijing Capital → Washington Dulles" — mode, number and carrier. */
export function legSummary(l: Leg, from: Place | undefined, to: Place | undefined): string {
  const number = l.number ? ` ${l.number}` : '';
  const carrier = l.carrier ? ` (${l.carrier})` : '';
  return `${MODE_LABELS[l.mode]}${number}${carrier}: ${from?.name ?? l.fromPlaceId} → ${to?.name ?? l.toPlaceId}`;
}

function sortByStart<T extends { id: string }>(items: readonly T[], start: (t: T) => string): T[] {
  return [...items].sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a.id < b.id ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Import

export interface CalendarReadOptions {
  /** Zone for floating times (and for UTC times with no other hint): the user's display zone. */
  displayZone: string;
  /** UTC ISO instant: the last-edit stamp of items whose file gives none. */
  now: string;
  /** Occurrences of one repeating event taken at most. */
  maxOccurrences?: number;
  /** Days after an event's first start within which its repeats are expanded. */
  horizonDays?: number;
  /** Events (or occurrences) read at most; beyond it the file is refused. */
  maxItems?: number;
}

export type CalendarTable = 'events' | 'legs' | 'windows';

export interface CalendarItem {
  table: CalendarTable;
  /** For messages: `"Weekly sherpa call" (20 Oct 2026)`. */
  label: string;
  uid: string;
  /** The candidate record, to be validated. */
  record: Record<string, unknown>;
  /** Fields the file defines: on an item already in the plan, only these change. */
  fields: readonly string[];
}

export interface SkippedItem {
  /** Which event: its summary and start as written, or its position in the file. */
  label: string;
  /** Why, in plain words. */
  reason: string;
}

export type CalendarRead =
  | { ok: true; items: CalendarItem[]; skipped: SkippedItem[]; notes: string[]; calendarName?: string }
  | { ok: false; error: string };

export const DEFAULT_MAX_OCCURRENCES = 500;
export const DEFAULT_HORIZON_DAYS = 730;

class Unreadable extends Error {}

/** Read iCalendar text (BOM and LF-only lines accepted) into candidate records. Never throws. */
export function readCalendar(input: string, options: CalendarReadOptions): CalendarRead {
  const text = input.replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR/i.test(text))
    return { ok: false, error: 'This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.' };
  let roots: IcalComponent[];
  try {
    const parsed = ICAL.parse(text) as unknown[];
    const list = Array.isArray(parsed[0]) ? (parsed as unknown[][]) : [parsed];
    roots = list.map((j) => new ICAL.Component(j as unknown[]));
  } catch (err) {
    return { ok: false, error: `The calendar file could not be read: ${messageOf(err)}.` };
  }
  const calendars = roots.filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) return { ok: false, error: 'The file holds no VCALENDAR.' };

  const ctx = new ReadContext(options);
  try {
    for (const cal of calendars) ctx.readCalendar(cal);
  } catch (err) {
    if (!(err instanceof TooMany))
      return { ok: false, error: `The calendar file could not be read: ${messageOf(err)}.` };
    return {
      ok: false,
      error: `The calendar holds more than ${ctx.maxItems.toLocaleString('en')} events or occurrences, the most that can be imported at once.`,
    };
  }
  return { ok: true, items: ctx.items, skipped: ctx.skipped, notes: ctx.notesList(), calendarName: ctx.calendarName };
}

interface ResolvedTime {
  /** All-day: the local date. */
  date?: string;
  /** Timed: the UTC instant. */
  instant?: string;
  /** The IANA zone the time was written in, when the file says. */
  zone?: string;
  how: 'date' | 'utc' | 'zone' | 'floating' | 'offset';
  /** For `offset`: the file's TZID, defined by its VTIMEZONE. */
  tzid?: string;
}

class TooMany extends Error {}

class ReadContext {
  items: CalendarItem[] = [];
  skipped: SkippedItem[] = [];
  calendarName?: string;
  readonly maxItems: number;
  private readonly maxOccurrences: number;
  private readonly horizonMs: number;
  private notes = new Map<string, Set<string>>();
  private calendarZone?: string;
  private vtimezones = new Map<string, IcalTimezone>();

  constructor(private readonly options: CalendarReadOptions) {
    this.maxOccurrences = options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
    this.horizonMs = (options.horizonDays ?? DEFAULT_HORIZON_DAYS) * 86_400_000;
    this.maxItems = options.maxItems ?? 50_000;
  }

  private note(kind: string, example: string) {
    const list = this.notes.get(kind) ?? new Set<string>();
    list.add(example);
    this.notes.set(kind, list);
  }

  notesList(): string[] {
    const out: string[] = [];
    const examples = (list: string[]) =>
      `${list.slice(0, 3).join('; ')}${list.length > 3 ? `; and ${list.length - 3} more` : ''}`;
    for (const [kind, set] of this.notes) {
      const list = [...set];
      const n = list.length;
      const events = `${n} event${n === 1 ? '' : 's'}`;
      switch (kind) {
        case 'floating':
          out.push(
            `${events} had times with no time zone ("floating"); they were read as ${this.floatingZone()} time: ${examples(list)}.`,
          );
          break;
        case 'windows-zone':
          out.push(`Windows time-zone names were read as IANA zones: ${examples(list)}.`);
          break;
        case 'offset-zone':
          out.push(
            `${events} used a time zone this app does not know by name; their times were taken from the file's VTIMEZONE at a fixed UTC offset: ${examples(list)}.`,
          );
          break;
        case 'no-end':
          out.push(
            `${events} had no end; a timed one was given 30 minutes and a dated one one day: ${examples(list)}.`,
          );
          break;
        case 'truncated':
          out.push(
            `Repeating events were expanded for at most ${this.maxOccurrences} occurrences within ${Math.round(this.horizonMs / 86_400_000 / 365)} years of their first date; later ones were not imported: ${examples(list)}.`,
          );
          break;
        case 'ignored':
          out.push(`Not imported (not events): ${examples(list)}.`);
          break;
        case 'no-uid':
          out.push(`${events} had no UID; importing the file again will add them again: ${examples(list)}.`);
          break;
        default:
          out.push(`${kind}: ${examples(list)}.`);
      }
    }
    return out;
  }

  private floatingZone(): string {
    return this.calendarZone ?? this.options.displayZone;
  }

  readCalendar(cal: IcalComponent) {
    const name = cal.getFirstPropertyValue('x-wr-calname');
    if (typeof name === 'string' && !this.calendarName) this.calendarName = name;
    const wrZone = cal.getFirstPropertyValue('x-wr-timezone');
    if (typeof wrZone === 'string' && !this.calendarZone) this.calendarZone = this.ianaZone(wrZone);
    for (const vtz of cal.getAllSubcomponents('vtimezone')) {
      const tzid = vtz.getFirstPropertyValue('tzid');
      if (typeof tzid !== 'string') continue;
      try {
        this.vtimezones.set(tzid, new ICAL.Timezone(vtz));
      } catch {
        /* an unreadable VTIMEZONE only matters if an event uses it; that event is then reported */
      }
    }
    for (const other of ['vtodo', 'vjournal', 'vfreebusy']) {
      const n = cal.getAllSubcomponents(other).length;
      if (n) this.note('ignored', `${n} ${other.toUpperCase()}`);
    }

    const events = cal.getAllSubcomponents('vevent');
    const masters: IcalComponent[] = [];
    const exceptions = new Map<string, IcalComponent[]>();
    for (const ev of events) {
      const uid = stringProp(ev, 'uid');
      if (ev.hasProperty('recurrence-id') && uid) {
        const list = exceptions.get(uid) ?? [];
        list.push(ev);
        exceptions.set(uid, list);
      } else masters.push(ev);
    }
    const masterUids = new Set(masters.map((m) => stringProp(m, 'uid')).filter(Boolean));
    events.forEach((ev, index) => {
      const uid = stringProp(ev, 'uid');
      const isException = ev.hasProperty('recurrence-id') && !!uid;
      if (isException && masterUids.has(uid!)) return; // read with its master
      try {
        this.readEvent(ev, index, isException ? [] : (exceptions.get(uid ?? '') ?? []), isException);
      } catch (err) {
        if (err instanceof TooMany) throw err;
        this.skipped.push({
          label: labelOf(ev, index),
          reason: err instanceof Unreadable ? err.message : `it could not be read (${messageOf(err)})`,
        });
      }
    });
  }

  /** An IANA zone for a TZID as files write it, or undefined. */
  private ianaZone(tzid: string): string | undefined {
    const name = tzid.trim().replace(/^"|"$/g, '');
    if (isValidZone(name)) return name;
    // "/mozilla.org/20050126_1/Europe/Paris", "/Europe/Paris": try the trailing Area/Location.
    const parts = name.split('/').filter(Boolean);
    for (let i = 1; i < parts.length - 1; i++) {
      const candidate = parts.slice(i).join('/');
      if (isValidZone(candidate)) return candidate;
    }
    const windows = windowsZoneToIana(name);
    if (windows) {
      this.note('windows-zone', `"${name}" → ${windows}`);
      return windows;
    }
    return undefined;
  }

  private resolve(prop: IcalProperty | null, label: string, what: string): ResolvedTime | undefined {
    if (!prop) return undefined;
    const value = prop.getFirstValue() as IcalTime | null;
    if (!value || typeof value !== 'object' || !('isDate' in value))
      throw new Unreadable(`its ${what} is not a date or time`);
    const wall = rawWallClock(prop) ?? {
      year: value.year,
      month: value.month,
      day: value.day,
      hour: value.hour,
      minute: value.minute,
      second: value.second,
    };
    try {
      if (value.isDate) return { date: wallClockToDate(wall), how: 'date' };
      const tzid = prop.getFirstParameter('tzid');
      if (value.zone === ICAL.Timezone.utcTimezone) return { instant: wallClockToInstant(wall, 'UTC'), how: 'utc' };
      if (tzid) {
        const zone = this.ianaZone(tzid);
        if (zone) return { instant: wallClockToInstant(wall, zone), zone, how: 'zone' };
        const vtz = this.vtimezones.get(tzid);
        if (!vtz)
          throw new Unreadable(`its time zone "${tzid.slice(0, 80)}" is not known and the file does not define it`);
        wallClockToDate(wall);
        const t = value.clone();
        t.zone = vtz;
        const instant = new Date(t.toUnixTime() * 1000).toISOString();
        this.note('offset-zone', `${label} ("${tzid.slice(0, 60)}")`);
        return { instant, zone: fixedOffsetZone(vtz.utcOffset(t)), how: 'offset', tzid };
      }
      const zone = this.floatingZone();
      this.note('floating', label);
      return { instant: wallClockToInstant(wall, zone), zone, how: 'floating' };
    } catch (err) {
      if (err instanceof Unreadable) throw err;
      throw new Unreadable(
        `its ${what} ${err instanceof RangeError ? err.message.replace(/^.*? is not/, 'is not') : `could not be read (${messageOf(err)})`}`,
      );
    }
  }

  private readEvent(ev: IcalComponent, index: number, exceptions: IcalComponent[], isOrphanException: boolean) {
    const label = labelOf(ev, index);
    const start = this.resolve(ev.getFirstProperty('dtstart'), label, 'start');
    if (!start) throw new Unreadable('it has no start (DTSTART)');
    const uid = stringProp(ev, 'uid');
    let baseUid = uid;
    if (!baseUid) {
      baseUid = `nouid-${hashText(`${stringProp(ev, 'summary') ?? ''}|${start.date ?? start.instant}`)}`;
      this.note('no-uid', label);
    }
    const { start: first, end } = this.span(ev, start, label);
    const rrule = ev.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur> | null;
    const repeats = !!rrule || ev.hasProperty('rdate');
    if (isOrphanException) {
      const recurrence = ev.getFirstProperty('recurrence-id')!.getFirstValue() as IcalTime;
      this.push(this.toItem(ev, baseUid, `${idFromUid(baseUid)}_${compactStamp(recurrence)}`, first, end, label));
      return;
    }
    if (!repeats) {
      this.push(this.toItem(ev, baseUid, idFromUid(baseUid), first, end, label));
      return;
    }
    if (rrule && ['SECONDLY', 'MINUTELY', 'HOURLY'].includes(String(rrule.freq)))
      throw new Unreadable(
        `it repeats ${String(rrule.freq).toLowerCase()}; only daily or slower repeats can be imported`,
      );

    const event = new ICAL.Event(ev, { exceptions });
    const durationMs = spanMs(first, end);
    const iterator = event.iterator();
    const firstMs = first.instant ? toMs(first.instant) : toMs(`${first.date}T00:00:00.000Z`);
    const limitMs = firstMs + this.horizonMs;
    let count = 0;
    let truncated = false;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (count >= this.maxOccurrences) {
        truncated = true;
        break;
      }
      const details = event.getOccurrenceDetails(next);
      const item = details.item.component;
      const occurrenceId = `${idFromUid(baseUid)}_${compactStamp(next)}`;
      const occLabel = `${labelOf(item, index)} (occurrence ${formatStamp(next)})`;
      let occStart: ResolvedTime;
      let occEnd: ResolvedTime;
      if (details.item !== event) {
        const s = this.resolve(item.getFirstProperty('dtstart'), occLabel, 'start')!;
        ({ start: occStart, end: occEnd } = this.span(item, s, occLabel));
      } else {
        occStart = this.atSameZone(next, first, occLabel);
        occEnd = shift(occStart, durationMs);
      }
      const occMs = occStart.instant ? toMs(occStart.instant) : toMs(`${occStart.date}T00:00:00.000Z`);
      if (occMs >= limitMs) {
        truncated = true;
        break;
      }
      if (item.getFirstPropertyValue('status') === 'CANCELLED' && details.item !== event) {
        count += 1;
        continue;
      }
      this.push(this.toItem(item, baseUid, occurrenceId, occStart, occEnd, occLabel));
      count += 1;
    }
    if (truncated) this.note('truncated', `${label}: ${count} imported`);
  }

  /** An occurrence's wall-clock time in the same zone (or kind) as the first start. */
  private atSameZone(t: IcalTime, first: ResolvedTime, label: string): ResolvedTime {
    const wall: WallClock = {
      year: t.year,
      month: t.month,
      day: t.day,
      hour: t.hour,
      minute: t.minute,
      second: t.second,
    };
    try {
      if (first.how === 'date') return { date: wallClockToDate(wall), how: 'date' };
      if (first.how === 'utc') return { instant: wallClockToInstant(wall, 'UTC'), how: 'utc' };
      const vtz = first.how === 'offset' && first.tzid ? this.vtimezones.get(first.tzid) : undefined;
      if (vtz) {
        wallClockToDate(wall);
        const local = t.clone();
        local.zone = vtz;
        return {
          instant: new Date(local.toUnixTime() * 1000).toISOString(),
          zone: first.zone,
          how: 'offset',
          tzid: first.tzid,
        };
      }
      return { instant: wallClockToInstant(wall, first.zone ?? this.floatingZone()), zone: first.zone, how: first.how };
    } catch (err) {
      throw new Unreadable(`${label}: ${messageOf(err)}`);
    }
  }

  private span(ev: IcalComponent, start: ResolvedTime, label: string): { start: ResolvedTime; end: ResolvedTime } {
    const endProp = ev.getFirstProperty('dtend');
    let end = this.resolve(endProp, label, 'end');
    if (!end) {
      const duration = ev.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration> | null;
      if (duration && typeof duration === 'object' && 'toSeconds' in duration) {
        const seconds = duration.toSeconds();
        if (start.how === 'date')
          end = { date: addDaysToDate(start.date!, Math.max(1, Math.round(seconds / 86_400))), how: 'date' };
        else end = shift(start, seconds * 1000);
      } else {
        this.note('no-end', label);
        end = start.how === 'date' ? { date: addDaysToDate(start.date!, 1), how: 'date' } : shift(start, 30 * 60_000);
      }
    }
    if ((start.how === 'date') !== (end.how === 'date'))
      throw new Unreadable('its start is a date but its end has a time of day (or the other way round)');
    if (start.how === 'date') {
      if (end.date! < start.date!) throw new Unreadable(`it ends (${end.date}) before it starts (${start.date})`);
      if (end.date === start.date) end = { date: addDaysToDate(start.date!, 1), how: 'date' };
    } else if (toMs(end.instant!) < toMs(start.instant!)) {
      throw new Unreadable(`it ends (${end.instant}) before it starts (${start.instant})`);
    } else if (end.instant === start.instant) {
      this.note('no-end', label);
      end = shift(start, 30 * 60_000);
    }
    return { start, end };
  }

  private push(item: CalendarItem) {
    if (this.items.length >= this.maxItems) throw new TooMany();
    this.items.push(item);
  }

  private toItem(
    ev: IcalComponent,
    uid: string,
    id: string,
    start: ResolvedTime,
    end: ResolvedTime,
    label: string,
  ): CalendarItem {
    const own = isOwnUid(uid);
    const type = own ? (stringProp(ev, 'x-summitry-type') ?? 'event') : 'event';
    const x = (name: string) => stringProp(ev, `x-summitry-${name}`);
    const savedZone = x('timezone');
    const zone =
      (savedZone && isValidZone(savedZone) ? savedZone : undefined) ??
      start.zone ??
      this.calendarZone ??
      this.options.displayZone;
    const statusX = x('status');
    const icsStatus = stringProp(ev, 'status')?.toUpperCase();
    const status: Status =
      statusX && (STATUSES as readonly string[]).includes(statusX)
        ? (statusX as Status)
        : (icsStatus && ICS_TO_STATUS[icsStatus]) || 'confirmed';
    const lastModified = ev.getFirstPropertyValue('last-modified') ?? ev.getFirstPropertyValue('dtstamp');
    const updatedAt = isTime(lastModified)
      ? new Date(lastModified.toUnixTime() * 1000).toISOString()
      : this.options.now;
    const participants = (x('participants') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const optional = x('optional')?.toUpperCase() === 'TRUE';
    const visitId = x('visit');
    const categories = ev
      .getAllProperties('categories')
      .flatMap((p) => p.getValues().map((v) => String(v).trim()))
      .filter(Boolean);
    const description = stringProp(ev, 'description');
    const location = stringProp(ev, 'location');
    const url = stringProp(ev, 'url');
    const placeId = x('place');
    const summary = stringProp(ev, 'summary')?.trim() || '(no title)';
    const timeFields = ['startsAt', 'endsAt', 'allDay', 'startDate', 'endDate', 'timeZone'];

    if (
      type === 'leg' &&
      x('from') &&
      x('to') &&
      (LEG_MODES as readonly string[]).includes(x('mode') ?? '') &&
      start.instant &&
      end.instant
    ) {
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
          sources: [],
          updatedAt,
        },
        fields: ['departsAt', 'arrivesAt', 'status', 'updatedAt'],
      };
    }
    if (type === 'window' && start.date && end.date) {
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
          endDate: addDaysToDate(end.date, -1),
          timeZone: zone,
          ...(placeId ? { placeId } : {}),
          participantIds: participants,
          status,
          ...(description ? { notes: description } : {}),
          sources: [],
          updatedAt,
        },
        fields: ['title', 'startDate', 'endDate', 'timeZone', 'status', 'updatedAt'],
      };
    }

    const savedKind = x('kind');
    const kind: EventKind =
      savedKind && (EVENT_KINDS as readonly string[]).includes(savedKind)
        ? (savedKind as EventKind)
        : ((categories.find((c) => (EVENT_KINDS as readonly string[]).includes(c.toLowerCase()))?.toLowerCase() as
            EventKind | undefined) ?? 'meeting');
    const topics = categories.filter((c) => c.toLowerCase() !== kind);
    const notes = [description, !placeId && location ? `Location: ${location}` : undefined]
      .filter(Boolean)
      .join('\n\n');
    const record: Record<string, unknown> = {
      id,
      title: summary,
      kind,
      status,
      allDay: start.how === 'date',
      ...(start.how === 'date'
        ? { startDate: start.date, endDate: addDaysToDate(end.date!, -1) }
        : { startsAt: start.instant, endsAt: end.instant }),
      timeZone: zone,
      ...(placeId ? { placeId } : {}),
      participantIds: participants,
      ...(visitId ? { visitId } : {}),
      optional,
      ...(notes ? { notes } : {}),
      sources: url && isSafeUrl(url) ? [{ title: 'Link from the calendar file', url }] : [],
      topics: [...new Set(topics)],
      updatedAt,
    };
    return {
      table: 'events',
      uid,
      label: `Event ${label}`,
      record,
      fields: own
        ? ['title', 'status', ...timeFields, 'updatedAt']
        : ['title', 'status', ...timeFields, 'notes', 'topics', 'updatedAt'],
    };
  }
}

function shift(t: ResolvedTime, ms: number): ResolvedTime {
  if (t.how === 'date') return { date: addDaysToDate(t.date!, Math.max(1, Math.round(ms / 86_400_000))), how: 'date' };
  return { ...t, instant: addToInstant(t.instant!, ms) };
}

function spanMs(start: ResolvedTime, end: ResolvedTime): number {
  if (start.how === 'date') return toMs(`${end.date}T00:00:00.000Z`) - toMs(`${start.date}T00:00:00.000Z`);
  return toMs(end.instant!) - toMs(start.instant!);
}

/** The date-time as written (ical.js rolls 30 February over into March; this keeps it impossible). */
function rawWallClock(prop: IcalProperty): WallClock | undefined {
  const raw = (prop.toJSON() as unknown[])[3];
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(raw);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return { year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5), second: n(6) };
}

function isTime(value: unknown): value is IcalTime {
  return !!value && typeof value === 'object' && 'toUnixTime' in value;
}

function stringProp(comp: IcalComponent, name: string): string | undefined {
  const v = comp.getFirstPropertyValue(name);
  return typeof v === 'string' ? v : undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function compactStamp(t: IcalTime): string {
  const d = `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}`;
  return t.isDate ? d : `${d}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}
function formatStamp(t: IcalTime): string {
  const d = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  return t.isDate ? d : `${d} ${pad(t.hour)}:${pad(t.minute)}`;
}

/** `"Summary" (starts 2026-05-14 10:00)`, or the event's position when it has no summary. */
function labelOf(ev: IcalComponent, index: number): string {
  const summary = stringProp(ev, 'summary')?.trim();
  let when = '';
  try {
    const prop = ev.getFirstProperty('dtstart');
    const raw = prop ? (prop.toJSON() as unknown[])[3] : undefined;
    if (typeof raw === 'string') when = ` (starts ${raw.replace('T', ' ').slice(0, 16)})`;
  } catch {
    /* the label is only for messages */
  }
  return `${summary ? `"${summary.slice(0, 80)}"` : `number ${index + 1} in the file`}${when}`;
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\.$/, '').slice(0, 300);
}

function isOwnUid(uid: string): boolean {
  return uid.endsWith(`@${UID_DOMAIN}`);
}

const ID_PATTERN = /^[A-Za-z0-9._:@-]+$/;

/**
 * The record id for a UID: our own UIDs give back the item's id; other UIDs become `ics:<uid>`
 * (or `ics:h<hash>` when the UID is long or has other characters), so a file imported again
 * updates the same items.
 */
export function idFromUid(uid: string): string {
  if (isOwnUid(uid)) {
    const local = uid.slice(0, -(UID_DOMAIN.length + 1)).replace(/^(leg|window)\//, '');
    if (ID_PATTERN.test(local) && local.length <= 100) return local;
  }
  if (ID_PATTERN.test(uid) && uid.length <= 96) return `ics:${uid}`;
  return `ics:h${hashText(uid)}`;
}

/** A 53-bit hash (cyrb53) as base-36 text: stable ids for long UIDs. */
function hashText(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
