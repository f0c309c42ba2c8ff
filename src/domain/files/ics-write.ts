/**
 * Writing a calendar file (.ics) through ical.js: one VEVENT per event, leg and window.
 *
 * Timed items carry DTSTART/DTEND with the TZID of their place's zone (legs: the departure's
 * zone for both ends), and the file holds one VTIMEZONE per zone used, taken from a well-kept
 * library (`vtimezone`, e.g. timezones-ical-library, passed in so the domain stays pure and the
 * library is loaded only when a file is written). A zone's definition is checked against the
 * zone's real offsets at every time written; an item whose times it would misplace, or whose
 * zone the library lacks, or whose local time is in the hour repeated when clocks go back (so
 * names two instants), is written in UTC. `timeFormat: 'utc'` writes every timed item in
 * UTC. All-day items are VALUE=DATE with an exclusive DTEND. UIDs are stable, SEQUENCE grows
 * with each edit, and X-SUMMITRY-* properties carry what the standard has no place for (zone,
 * exact status, kind, place, participants, visit, sources, notes as typed, the window an event is
 * tied to and its margin; the visits themselves on the VCALENDAR) so a re-import loses nothing.
 * Lines end in CRLF and are folded at 75 octets.
 */
import ICAL from 'ical.js';
import type { Leg, Place, Plan, PlanEvent, PlanWindow, Status } from '../model';
import { MODE_LABELS, cleanPlanName, isSafeUrl } from '../model';
import { addDaysToDate, formatLocalTime, instantToWallClock, toMs } from '../time';
import { readTree } from './ics-lines';
import { STATUS_TO_ICS, sequenceOf, uidOf } from './ics-ids';
import { ianaOffset, vtimezoneOffset } from './ics-zones';
import { selectCalendarItems, type CalendarSelection } from './ics';

type IcalComponent = InstanceType<typeof ICAL.Component>;

export interface CalendarExportOptions {
  /** UTC ISO instant of the export: DTSTAMP. */
  now: string;
  appVersion: string;
  /** X-WR-CALNAME. */
  calendarName: string;
  /** `local` (default): timed items in their zone with a VTIMEZONE; `utc`: every timed item in UTC. */
  timeFormat?: 'local' | 'utc';
  /** The VTIMEZONE text for an IANA zone, or undefined if unknown. Without it, times are written in UTC. */
  vtimezone?: (zone: string) => string | undefined;
}

/** RFC 5545 wants lines of at most 75 octets. ical.js counts the first line's octets but not the
 * space that starts each continuation line, so a continuation could reach 76; folding at 74
 * keeps every physical line within 75, and ical.js never splits a UTF-8 character. */
const FOLD_OCTETS = 74;

const utc = (instant: string) => ICAL.Time.fromJSDate(new Date(instant), true);
const date = (isoDate: string) => ICAL.Time.fromDateString(isoDate);

/** "Flight CA817 (Air China): Beijing Capital → Washington Dulles" — mode, number and carrier. */
export function legSummary(l: Leg, from: Place | undefined, to: Place | undefined): string {
  const number = l.number ? ` ${l.number}` : '';
  const carrier = l.carrier ? ` (${l.carrier})` : '';
  return `${MODE_LABELS[l.mode]}${number}${carrier}: ${from?.name ?? l.fromPlaceId} → ${to?.name ?? l.toPlaceId}`;
}

function sortByStart<T extends { id: string }>(items: readonly T[], start: (t: T) => string): T[] {
  return [...items].sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Whether the local reading of `ms` happens only once: a time in the hour repeated when clocks go
 * back (01:30 on New York's fall-back day) names two instants, and readers differ on which one it
 * means (RFC 5545 says the first, pytz-based readers take the second); such an item is written in UTC.
 */
function unambiguous(ms: number, offset: (ms: number) => number): boolean {
  const wall = ms + offset(ms) * 1000;
  const offsets = new Set([offset(ms - 26 * 3_600_000), offset(ms), offset(ms + 26 * 3_600_000)]);
  return [...offsets].every((o) => wall - o * 1000 === ms || offset(wall - o * 1000) !== o);
}

/** Zones written with TZID: each checked once against the library's VTIMEZONE. */
class Zones {
  private blocks = new Map<string, { text: string; offset: (ms: number) => number } | null>();
  readonly used = new Set<string>();
  constructor(private readonly options: CalendarExportOptions) {}

  /** Whether `instants` can be written in `zone` (the VTIMEZONE gives the zone's offsets at each). */
  fits(zone: string, instants: string[]): boolean {
    if (this.options.timeFormat === 'utc' || !this.options.vtimezone || zone === 'UTC') return false;
    let block = this.blocks.get(zone);
    if (block === undefined) {
      block = null;
      const text = this.options.vtimezone(zone);
      const vtz = text ? readTree(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`).calendars[0]?.children[0] : undefined;
      if (text && vtz?.name === 'VTIMEZONE') {
        try {
          block = { text, offset: vtimezoneOffset(vtz, 2100).offset };
        } catch {
          block = null;
        }
      }
      this.blocks.set(zone, block);
    }
    if (!block) return false;
    const real = ianaOffset(zone);
    const ok = instants.every((i) => block.offset(toMs(i)) === real(toMs(i)) && unambiguous(toMs(i), block.offset));
    if (ok) this.used.add(zone);
    return ok;
  }

  components(): IcalComponent[] {
    return [...this.used].sort().map((z) => new ICAL.Component(ICAL.parse(this.blocks.get(z)!.text) as unknown[]));
  }
}

/** An X- property written as TEXT, so newlines, commas and semicolons are escaped. */
function xText(ev: IcalComponent, name: string, value: string) {
  const prop = new ICAL.Property(name);
  prop.resetType('text');
  prop.setValue(value);
  ev.addProperty(prop);
}

function timeProp(ev: IcalComponent, name: 'dtstart' | 'dtend', instant: string, zone: string | undefined) {
  if (!zone) {
    ev.addPropertyWithValue(name, utc(instant));
    return;
  }
  const w = instantToWallClock(instant, zone);
  const prop = new ICAL.Property(name);
  prop.setParameter('tzid', zone);
  prop.setValue(ICAL.Time.fromData({ ...w, isDate: false }));
  ev.addProperty(prop);
}

interface Ctx {
  plan: Plan;
  options: CalendarExportOptions;
  zones: Zones;
  stamp: ReturnType<typeof utc>;
  places: Map<string, Place>;
  people: Map<string, string>;
}

function common(ev: IcalComponent, ctx: Ctx, uid: string, updatedAt: string | undefined, status: Status) {
  ev.addPropertyWithValue('uid', uid);
  ev.addPropertyWithValue('dtstamp', ctx.stamp);
  ev.addPropertyWithValue('sequence', sequenceOf(updatedAt));
  if (updatedAt) ev.addPropertyWithValue('last-modified', utc(updatedAt));
  ev.addPropertyWithValue('status', STATUS_TO_ICS[status]);
  ev.addPropertyWithValue('x-summitry-status', status);
}

function where(ev: IcalComponent, place: Place | undefined) {
  if (!place) return;
  const country = place.country && !place.name.includes(place.country) ? `, ${place.country}` : '';
  ev.addPropertyWithValue('location', `${place.name}${country}`);
  ev.addPropertyWithValue('geo', [place.lat, place.lon]);
  ev.addPropertyWithValue('x-summitry-place', place.id);
}

function categories(ev: IcalComponent, values: string[]) {
  const clean = values.filter((v) => v.trim().length > 0);
  if (clean.length === 0) return;
  ev.addPropertyWithValue('categories', clean[0]).setValues(clean);
}

type Sources = readonly { title: string; url?: string; date?: string }[];

/** DESCRIPTION for people (generated text included); the exact notes and sources travel in X- properties. */
function describe(
  ev: IcalComponent,
  ctx: Ctx,
  parts: (string | undefined)[],
  who: readonly string[],
  sources: Sources,
  notes?: string,
) {
  const names = who.length ? `With: ${who.map((id) => ctx.people.get(id) ?? id).join(', ')}` : undefined;
  const list = sources.map((s) => `- ${s.title}${s.url ? ` — ${s.url}` : ''}${s.date ? ` (${s.date})` : ''}`);
  const text = [...parts, names, ...(list.length ? ['Sources:', ...list] : [])]
    .filter((p): p is string => !!p)
    .join('\n');
  if (text) ev.addPropertyWithValue('description', text);
  const url = sources.find((s) => s.url && isSafeUrl(s.url))?.url;
  if (url) ev.addPropertyWithValue('url', url);
  if (notes) xText(ev, 'x-summitry-notes', notes);
  if (sources.length) xText(ev, 'x-summitry-sources', JSON.stringify(sources));
  if (who.length) ev.addPropertyWithValue('x-summitry-participants', who.join(','));
}

function writeEvent(e: PlanEvent, ctx: Ctx): IcalComponent {
  const ev = new ICAL.Component('vevent');
  common(ev, ctx, uidOf('event', e.id), e.updatedAt, e.status);
  ev.addPropertyWithValue('summary', e.title);
  if (e.allDay && e.startDate && e.endDate) {
    ev.addPropertyWithValue('dtstart', date(e.startDate));
    ev.addPropertyWithValue('dtend', date(addDaysToDate(e.endDate, 1)));
  } else {
    const zone = ctx.zones.fits(e.timeZone, [e.startsAt, e.endsAt]) ? e.timeZone : undefined;
    timeProp(ev, 'dtstart', e.startsAt, zone);
    timeProp(ev, 'dtend', e.endsAt, zone);
  }
  where(ev, e.placeId ? ctx.places.get(e.placeId) : undefined);
  describe(ev, ctx, [e.notes, e.optional ? 'Optional item.' : undefined], e.participantIds, e.sources, e.notes);
  categories(ev, [e.kind, ...e.topics]);
  ev.addPropertyWithValue('x-summitry-type', 'event');
  ev.addPropertyWithValue('x-summitry-kind', e.kind);
  ev.addPropertyWithValue('x-summitry-timezone', e.timeZone);
  xText(ev, 'x-summitry-topics', JSON.stringify(e.topics));
  if (e.optional) ev.addPropertyWithValue('x-summitry-optional', 'TRUE');
  if (e.visitId) ev.addPropertyWithValue('x-summitry-visit', e.visitId);
  if (e.windowId) ev.addPropertyWithValue('x-summitry-window', e.windowId);
  if (e.windowId && e.windowMarginDays !== undefined)
    ev.addPropertyWithValue('x-summitry-window-margin', String(e.windowMarginDays));
  return ev;
}

function writeLeg(l: Leg, ctx: Ctx): IcalComponent {
  const ev = new ICAL.Component('vevent');
  const from = ctx.places.get(l.fromPlaceId);
  const to = ctx.places.get(l.toPlaceId);
  common(ev, ctx, uidOf('leg', l.id), l.updatedAt, l.status);
  ev.addPropertyWithValue('summary', legSummary(l, from, to));
  const zone = from && ctx.zones.fits(from.timeZone, [l.departsAt, l.arrivesAt]) ? from.timeZone : undefined;
  timeProp(ev, 'dtstart', l.departsAt, zone);
  timeProp(ev, 'dtend', l.arrivesAt, zone);
  where(ev, from);
  const departs = from ? `Departs ${from.name} at ${formatLocalTime(l.departsAt, from.timeZone)}` : undefined;
  const arrives = to ? `arrives ${to.name} at ${formatLocalTime(l.arrivesAt, to.timeZone)} (local times).` : undefined;
  const times = [departs, arrives].filter(Boolean).join('; ') || undefined;
  describe(ev, ctx, [times, l.notes, l.optional ? 'Optional leg.' : undefined], l.participantIds, l.sources, l.notes);
  categories(ev, ['leg', l.mode]);
  ev.addPropertyWithValue('x-summitry-type', 'leg');
  ev.addPropertyWithValue('x-summitry-mode', l.mode);
  ev.addPropertyWithValue('x-summitry-from', l.fromPlaceId);
  ev.addPropertyWithValue('x-summitry-to', l.toPlaceId);
  if (l.carrier) xText(ev, 'x-summitry-carrier', l.carrier);
  if (l.number) xText(ev, 'x-summitry-number', l.number);
  ev.addPropertyWithValue('x-summitry-timezone', from?.timeZone ?? 'UTC');
  if (l.optional) ev.addPropertyWithValue('x-summitry-optional', 'TRUE');
  if (l.visitId) ev.addPropertyWithValue('x-summitry-visit', l.visitId);
  return ev;
}

function writeWindow(w: PlanWindow, ctx: Ctx): IcalComponent {
  const ev = new ICAL.Component('vevent');
  common(ev, ctx, uidOf('window', w.id), w.updatedAt, w.status);
  ev.addPropertyWithValue('summary', w.title);
  ev.addPropertyWithValue('dtstart', date(w.startDate));
  ev.addPropertyWithValue('dtend', date(addDaysToDate(w.endDate, 1)));
  ev.addPropertyWithValue('transp', 'TRANSPARENT');
  where(ev, w.placeId ? ctx.places.get(w.placeId) : undefined);
  describe(ev, ctx, [w.notes], w.participantIds, w.sources, w.notes);
  categories(ev, [w.kind]);
  ev.addPropertyWithValue('x-summitry-type', 'window');
  ev.addPropertyWithValue('x-summitry-kind', w.kind);
  ev.addPropertyWithValue('x-summitry-timezone', w.timeZone);
  return ev;
}

const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The visits, places and participants (all of them for the whole plan, else those the items refer to),
 * whole, as X- properties of the VCALENDAR: a re-import into an empty plan then has everything. */
function writeRecords(cal: IcalComponent, plan: Plan, items: ReturnType<typeof selectCalendarItems>, whole: boolean) {
  const all = [...items.events, ...items.legs, ...items.windows];
  const visitIds = new Set(all.map((i) => ('visitId' in i ? i.visitId : undefined)).filter(Boolean));
  const visits = whole ? plan.visits : plan.visits.filter((v) => visitIds.has(v.id));
  const placeIds = new Set<string>();
  for (const i of all) {
    if ('placeId' in i && i.placeId) placeIds.add(i.placeId);
    if ('fromPlaceId' in i) placeIds.add(i.fromPlaceId).add(i.toPlaceId);
  }
  for (const p of plan.places) if (placeIds.has(p.id) && p.cityId) placeIds.add(p.cityId);
  const people = new Set<string>([...all, ...visits].flatMap((i) => i.participantIds));
  for (const v of visits) people.add(v.guestId);
  const write = (name: string, records: readonly { id: string }[]) => {
    for (const r of byId(records)) {
      const { rev: _rev, ...record } = r as typeof r & { rev?: number };
      xText(cal, name, JSON.stringify(record));
    }
  };
  write('x-summitry-visit-record', visits);
  write('x-summitry-place-record', whole ? plan.places : plan.places.filter((p) => placeIds.has(p.id)));
  write('x-summitry-participant-record', whole ? plan.participants : plan.participants.filter((p) => people.has(p.id)));
}

/** The calendar as iCalendar text: CRLF line ends, folded at 75 octets, UTF-8. */
export function exportCalendar(plan: Plan, selection: CalendarSelection, options: CalendarExportOptions): string {
  const items = selectCalendarItems(plan, selection);
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', `-//Summitry//Summitry ${options.appVersion}//EN`);
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  // As TEXT, so a line break or ; , \\ in the name is escaped (an X- property is otherwise written raw).
  xText(cal, 'x-wr-calname', cleanPlanName(options.calendarName, 'Summitry'));
  const ctx: Ctx = {
    plan,
    options,
    zones: new Zones(options),
    stamp: utc(options.now),
    places: new Map(plan.places.map((p) => [p.id as string, p])),
    people: new Map(plan.participants.map((p) => [p.id as string, p.name])),
  };
  writeRecords(cal, plan, items, selection.kind === 'plan');
  const events = [
    ...sortByStart(items.events, (e) => e.startsAt).map((e) => writeEvent(e, ctx)),
    ...sortByStart(items.legs, (l) => l.departsAt).map((l) => writeLeg(l, ctx)),
    ...sortByStart(items.windows, (w) => w.startsAt).map((w) => writeWindow(w, ctx)),
  ];
  for (const vtz of ctx.zones.components()) cal.addSubcomponent(vtz);
  for (const ev of events) cal.addSubcomponent(ev);
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
