/**
 * Reading a calendar file (.ics) into candidate records, each then validated by restoreCalendar.
 *
 * A pure function of the text (no clock: `now` is passed in), linear in its length. One bad line
 * never refuses a file: it is skipped and reported by line number; an event that cannot be read
 * is left out whole and listed with the reason in plain words. Repeating events are expanded
 * within a window around the planning horizon (by default one year before `now` to two years
 * after it), never from the series' first date. Of two copies of one UID (or of one changed
 * occurrence) the one with the higher SEQUENCE is kept, the later one in the file on a tie.
 */
import { addDaysToDate, fixedOffsetZone, toMs } from '../time';
import { first, readTree, textOf, type IcsComponent, type LineProblem } from './ics-lines';
import { hashText, idFromUid } from './ics-ids';
import { recordItems, toItem, type CalendarItem, type ItemTime } from './ics-item';
import {
  pointMs,
  readSeries,
  readSpan,
  Unreadable,
  type Point,
  type ReadOccurrence,
  type SeriesContext,
} from './ics-series';
import { compactWall, formatWall, isoDateOfWall, parseTimeValue } from './ics-values';
import { ianaOffset, matchIana, vtimezoneOffset, ZoneError, zoneHints, type Zone } from './ics-zones';
import { ReadNotes } from './ics-notes';

export type { CalendarItem, CalendarTable } from './ics-item';

export interface CalendarReadOptions {
  /** Zone for floating times (and for UTC times with no other hint): the user's display zone. */
  displayZone: string;
  /** UTC ISO instant: the last-edit stamp of items whose file gives none, and the centre of the window. */
  now: string;
  /** Occurrences of one repeating event taken at most. */
  maxOccurrences?: number;
  /** Events (or occurrences) read at most; beyond it the file is refused. */
  maxItems?: number;
  /** Repeats are expanded for occurrences starting in [from, to) (UTC ISO instants); default: importWindow(now). */
  window?: { from: string; to: string };
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
export const WINDOW_DAYS_BEFORE = 365;
export const WINDOW_DAYS_AFTER = 730;

/** The default expansion window: one year before `now` to two years after it. */
export function importWindow(now: string): { from: string; to: string } {
  const day = now.slice(0, 10);
  return {
    from: `${addDaysToDate(day, -WINDOW_DAYS_BEFORE)}T00:00:00.000Z`,
    to: `${addDaysToDate(day, WINDOW_DAYS_AFTER)}T00:00:00.000Z`,
  };
}

class TooMany extends Error {}

/** Read iCalendar text (BOM, LF-only lines and broken lines accepted) into candidate records. Never throws. */
export function readCalendar(input: string, options: CalendarReadOptions): CalendarRead {
  const text = input.replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR/i.test(text))
    return { ok: false, error: 'This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.' };
  const tree = readTree(text);
  if (tree.calendars.length === 0) return { ok: false, error: 'The file holds no VCALENDAR.' };
  const reader = new Reader(options);
  try {
    for (const cal of tree.calendars) reader.readCalendar(cal);
  } catch (err) {
    if (err instanceof TooMany)
      return {
        ok: false,
        error: `The calendar holds more than ${reader.maxItems.toLocaleString('en')} events or occurrences, the most that can be imported at once.`,
      };
    return { ok: false, error: 'The calendar file could not be read.' };
  }
  reader.lineProblems(tree.problems);
  const cutShort = tree.problems.some((p) => p.what.startsWith('VCALENDAR was never closed'));
  if (cutShort && reader.items.length === 0)
    return {
      ok: false,
      error: `The calendar file could not be read: it ends before END:VCALENDAR and none of its events can be imported (${reader.skipped
        .slice(0, 3)
        .map((s) => `${s.label}: ${s.reason}`)
        .join('; ')}).`,
    };
  return {
    ok: true,
    items: reader.items,
    skipped: reader.skipped,
    notes: reader.notes.list(),
    calendarName: reader.calendarName,
  };
}

/** `"Summary" (starts 2026-05-14 10:00)`, or the event's position when it has no summary. */
export function labelOf(ev: IcsComponent, index: number): string {
  const summary = textOf(ev, 'SUMMARY')?.trim();
  const raw = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?/.exec(first(ev, 'DTSTART')?.value.trim() ?? '');
  const when = raw ? ` (starts ${raw[1]}-${raw[2]}-${raw[3]}${raw[4] ? ` ${raw[4]}:${raw[5]}` : ''})` : '';
  return `${summary ? `"${summary.slice(0, 80)}"` : `number ${index + 1} in the file`}${when}`;
}

function sequence(ev: IcsComponent): number {
  const n = Number((first(ev, 'SEQUENCE')?.value ?? '').trim());
  return Number.isFinite(n) ? n : 0;
}

/** Of several copies, the one with the highest SEQUENCE (the later one on a tie). */
function newest(copies: IcsComponent[]): IcsComponent {
  return copies.reduce((a, b) => (sequence(b) >= sequence(a) ? b : a));
}

class Reader {
  items: CalendarItem[] = [];
  skipped: SkippedItem[] = [];
  calendarName?: string;
  readonly notes: ReadNotes;
  readonly maxItems: number;
  private readonly from: number;
  private readonly to: number;
  private calendarZone?: string;
  private vtimezones = new Map<string, IcsComponent>();
  private zones = new Map<string, Zone | ZoneError>();
  private index = new Map<IcsComponent, number>();

  constructor(private readonly options: CalendarReadOptions) {
    const window = options.window ?? importWindow(options.now);
    this.from = toMs(window.from);
    this.to = toMs(window.to);
    this.maxItems = options.maxItems ?? 50_000;
    this.notes = new ReadNotes(window, options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES, () => this.fallbackZone());
  }

  private fallbackZone(): string {
    return this.calendarZone ?? this.options.displayZone;
  }

  lineProblems(problems: LineProblem[]) {
    for (const p of problems) {
      const inEvent =
        p.inside?.name === 'VEVENT' ? `in event ${labelOf(p.inside, this.index.get(p.inside) ?? 0)}: ` : '';
      this.notes.line(`${p.line ? `Line ${p.line}, ` : ''}${inEvent}${p.what}.`);
    }
  }

  readCalendar(cal: IcsComponent) {
    const name = textOf(cal, 'X-WR-CALNAME');
    if (name && !this.calendarName) this.calendarName = name;
    const wr = textOf(cal, 'X-WR-TIMEZONE')?.trim();
    if (wr && !this.calendarZone) this.calendarZone = zoneHints(wr)[0]?.zone;
    for (const vtz of cal.children.filter((c) => c.name === 'VTIMEZONE')) {
      const tzid = textOf(vtz, 'TZID')?.trim();
      if (tzid && !this.vtimezones.has(tzid)) this.vtimezones.set(tzid, vtz);
    }
    this.items.push(...recordItems(cal, (what) => this.notes.line(`${what}.`)));
    for (const other of ['VTODO', 'VJOURNAL', 'VFREEBUSY']) {
      const n = cal.children.filter((c) => c.name === other).length;
      if (n) this.notes.add('ignored', `${n} ${other}`);
    }
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    events.forEach((ev, i) => this.index.set(ev, i));
    const byUid = new Map<string, { masters: IcsComponent[]; overrides: IcsComponent[] }>();
    events.forEach((ev, i) => {
      let uid = textOf(ev, 'UID')?.trim();
      if (!uid) {
        uid = `nouid-${hashText(`${textOf(ev, 'SUMMARY') ?? ''}|${first(ev, 'DTSTART')?.value ?? i}`)}`;
        this.notes.add('no-uid', labelOf(ev, i));
      }
      const group = byUid.get(uid) ?? { masters: [], overrides: [] };
      (first(ev, 'RECURRENCE-ID') ? group.overrides : group.masters).push(ev);
      byUid.set(uid, group);
    });
    for (const [uid, group] of byUid) this.readUid(uid, group.masters, group.overrides);
  }

  private readUid(uid: string, copies: IcsComponent[], overrides: IcsComponent[]) {
    let masters = copies;
    if (masters.length > 1) this.notes.add('duplicate', labelOf(masters[0]!, this.index.get(masters[0]!)!));
    const byRid = new Map<string, IcsComponent[]>();
    for (const ov of overrides) {
      const rid = first(ov, 'RECURRENCE-ID')!;
      const key = `${rid.params.TZID ?? ''}|${rid.value.trim()}`;
      byRid.set(key, [...(byRid.get(key) ?? []), ov]);
    }
    let changes = [...byRid.values()].map(newest);
    // A changed occurrence that repeats by itself (khal writes a whole series so) is read as the series.
    const repeating = masters.length === 0 ? changes.find((c) => first(c, 'RRULE') || first(c, 'RDATE')) : undefined;
    if (repeating) {
      masters = [repeating];
      changes = changes.filter((c) => c !== repeating);
    }
    if (masters.length === 0) {
      for (const ov of changes) this.guard(ov, () => this.single(uid, ov, true));
      return;
    }
    const master = newest(masters);
    this.guard(master, () => this.series(uid, master, changes));
  }

  /** Runs `read` for one event; if it fails, nothing of the event is kept and it is listed. */
  private guard(ev: IcsComponent, read: () => CalendarItem[]) {
    const label = labelOf(ev, this.index.get(ev) ?? 0);
    let items: CalendarItem[];
    try {
      items = read();
    } catch (err) {
      if (err instanceof TooMany) throw err;
      this.skipped.push({ label, reason: err instanceof Unreadable ? err.message : 'it could not be read' });
      return;
    }
    if (this.items.length + items.length > this.maxItems) throw new TooMany();
    for (const item of items) this.items.push(item);
  }

  private context(ev: IcsComponent): SeriesContext {
    const label = labelOf(ev, this.index.get(ev) ?? 0);
    return {
      zone: (tzid, around) => this.zone(tzid, label, around),
      floating: () => {
        this.notes.add('floating', label);
        const zone = this.fallbackZone();
        return { iana: zone, offset: ianaOffset(zone) };
      },
      report: (what) => this.notes.line(`Event ${label}: ${what}.`),
      from: this.from,
      to: this.to,
      maxOccurrences: this.options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES,
    };
  }

  private single(uid: string, ev: IcsComponent, orphan: boolean): CalendarItem[] {
    const ctx = this.context(ev);
    const { start, end, defaulted } = readSpan(ev, ctx);
    const label = labelOf(ev, this.index.get(ev) ?? 0);
    if (defaulted) this.notes.add('no-end', label);
    let id = idFromUid(uid);
    if (orphan) {
      const rid = first(ev, 'RECURRENCE-ID')!;
      const v = parseTimeValue(rid.value);
      id = `${id}_${v ? compactWall(v.wall, v.kind === 'date') : hashText(rid.value)}`;
    }
    return [this.item(ev, uid, id, { ev, start, end }, label)];
  }

  private series(uid: string, master: IcsComponent, changes: IcsComponent[]): CalendarItem[] {
    const ctx = this.context(master);
    const label = labelOf(master, this.index.get(master) ?? 0);
    const read = readSeries(master, changes, ctx);
    if (!read.repeats && changes.length === 0) return this.single(uid, master, false);
    if (read.truncated) this.notes.add('truncated', `${label}: ${read.occurrences.length} imported`);
    this.notes.repeated();
    const base = idFromUid(uid);
    return read.occurrences.map((o) => {
      const isDate = o.start.allDay;
      const id = `${base}_${compactWall(o.wall ?? pointMs(o.start), isDate)}`;
      const occLabel = `${labelOf(o.ev, this.index.get(o.ev) ?? 0)} (occurrence ${formatWall(o.wall ?? pointMs(o.start), isDate)})`;
      return this.item(o.ev, uid, id, o, occLabel);
    });
  }

  private item(ev: IcsComponent, uid: string, id: string, o: ReadOccurrence, label: string): CalendarItem {
    const time = (p: Point): ItemTime => {
      if (p.allDay) return { date: isoDateOfWall(p.wall) };
      const zone = p.zone?.iana ?? (p.zone ? fixedOffsetZone(p.zone.offset(p.ms)) : undefined);
      return { instant: new Date(p.ms).toISOString(), ...(zone ? { zone } : {}) };
    };
    return toItem({
      ev,
      uid,
      id,
      start: time(o.start),
      end: time(o.end),
      label,
      fallbackZone: this.fallbackZone(),
      now: this.options.now,
    });
  }

  /** The zone of a TZID: its VTIMEZONE (as the IANA zone it matches, where one does), else its name. */
  private zone(tzid: string, label: string, around: number): Zone {
    const key = tzid.trim().replace(/^"|"$/g, '');
    let zone = this.zones.get(key);
    if (!zone) {
      zone = this.findZone(key, around);
      this.zones.set(key, zone);
    }
    if (zone instanceof ZoneError) throw new Unreadable(`its time zone "${key.slice(0, 80)}" ${zone.message}`);
    if (zone.how) this.notes.zone(zone.how, key, zone.iana, label);
    return zone;
  }

  private findZone(tzid: string, around: number): Zone | ZoneError {
    const hints = zoneHints(tzid);
    const vtz = this.vtimezones.get(tzid);
    if (vtz) {
      let read: ReturnType<typeof vtimezoneOffset>;
      try {
        read = vtimezoneOffset(vtz, new Date(this.to).getUTCFullYear() + 2);
      } catch (err) {
        return err instanceof ZoneError ? err : new ZoneError('cannot be read');
      }
      // Compared over the year either side of the first time that uses the zone (from the first change on).
      const year = 366 * 86_400_000;
      // A closed definition (no open-ended rule) whose last change is within the year before the time was
      // trimmed to the times the file uses: it says nothing after that time, so it is compared only up to it.
      const trimmed = !read.open && read.lastChange !== undefined && around - read.lastChange < year;
      const from = Math.max(around - year, read.firstChange ?? -Infinity);
      const to = trimmed ? Math.max(read.lastChange! + 30 * 86_400_000, around + 86_400_000) : around + year;
      const location = textOf(vtz, 'X-LIC-LOCATION')?.trim();
      const iana = matchIana(read.offset, from, to, [...hints.map((h) => h.zone), ...(location ? [location] : [])]);
      if (iana) return { iana, offset: ianaOffset(iana), ...(iana === tzid ? {} : { how: 'vtimezone-iana' as const }) };
      // A definition that matches no zone at all, under a name that is a known zone: the name is trusted.
      const named = hints[0];
      if (named) return { iana: named.zone, offset: ianaOffset(named.zone), how: 'named-over-vtimezone' };
      return { offset: read.offset, how: 'vtimezone' };
    }
    const hint = hints[0];
    if (!hint) return new ZoneError('is not known and the file does not define it (no VTIMEZONE)');
    return { iana: hint.zone, offset: ianaOffset(hint.zone), ...(hint.how ? { how: hint.how } : {}) };
  }
}
