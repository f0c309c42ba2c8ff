/**
 * Time-zone arithmetic. Everything is done on instants with Luxon; never hand-rolled offsets.
 * Units: UTC ISO strings between layers, epoch milliseconds inside computations.
 */
import { DateTime, IANAZone } from 'luxon';
import { parseStoredInstant, plainDateDays } from './parse';

/** True if `zone` is an IANA zone name Luxon (and so Intl) knows. */
export function isValidZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length >= 100) return false;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    // Intl is slow to answer (a fraction of a millisecond); an import checks thousands of records.
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
}
const zoneValidity = new Map<string, boolean>();

/** A UTC ISO instant as a Luxon DateTime in `zone` (parsed natively: Luxon's ISO parser is slow on hot paths). */
export function inZone(instant: string, zone: string): DateTime {
  return DateTime.fromMillis(toMs(instant), { zone });
}

/** Epoch ms of a UTC ISO instant (fast path for the stored form `YYYY-MM-DDTHH:mm:ss.sssZ`). */
export function toMs(instant: string): number {
  const ms = parseStoredInstant(instant);
  return ms === ms ? ms : Date.parse(instant);
}

/** UTC ISO instant (with milliseconds) of epoch ms. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A reading in the hour repeated when clocks go back happens twice; Luxon picks the later one
 * (standard time). Planners and RFC 5545 (§3.3.5) mean the first: 01:30 on New York's fall-back
 * day is 01:30 EDT. A reading in the skipped hour (Luxon moves it forward by the gap) is kept.
 */
function firstReading(dt: DateTime): DateTime {
  const ms = dt.toMillis();
  const before = dt.minus({ hours: 3 });
  if (before.offset === dt.offset) return dt;
  const earlier = DateTime.fromMillis(ms - (before.offset - dt.offset) * 60_000, { zone: dt.zone });
  return earlier.toMillis() < ms && earlier.offset === before.offset ? earlier : dt;
}

/**
 * The instant at which a local wall-clock time happens in `zone`. `local` is `YYYY-MM-DDTHH:mm`.
 * In the repeated hour the first occurrence; in the skipped hour forward by the gap.
 */
export function localToInstant(local: string, zone: string): string {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new RangeError(`"${local}" is not a valid local date-time in ${zone}`);
  return firstReading(dt).toUTC().toISO()!;
}

/** The wall-clock time `YYYY-MM-DDTHH:mm` of an instant in `zone`. */
export function instantToLocal(instant: string, zone: string): string {
  return inZone(instant, zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Start of a local day in `zone`, as a UTC instant. */
export function startOfLocalDay(date: string, zone: string): string {
  const dt = DateTime.fromISO(date, { zone }).startOf('day');
  if (!dt.isValid) throw new RangeError(`"${date}" is not a valid date in ${zone}`);
  return dt.toUTC().toISO()!;
}

/** Half-open instants [start of first day, start of the day after the last) of an inclusive local date range. */
export function localDaysToInstants(
  startDate: string,
  endDate: string,
  zone: string,
): { startsAt: string; endsAt: string } {
  const start = DateTime.fromISO(startDate, { zone }).startOf('day');
  const end = DateTime.fromISO(endDate, { zone }).startOf('day').plus({ days: 1 });
  if (!start.isValid || !end.isValid)
    throw new RangeError(`"${startDate}"–"${endDate}" is not a valid date range in ${zone}`);
  return { startsAt: start.toUTC().toISO()!, endsAt: end.toUTC().toISO()! };
}

/** "Thu 30 Oct 2025" — the local date of an instant in a zone. */
export function formatLocalDate(instant: string, zone: string): string {
  return inZone(instant, zone).toFormat('ccc d LLL yyyy');
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(instant: string, zone: string): string {
  return inZone(instant, zone).toISODate()!;
}

/** "2 h 10 min", "45 min", "3 d 4 h" for a non-negative duration in ms. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** True if half-open intervals [aStart, aEnd) and [bStart, bEnd) share any instant. */
export function intervalsOverlap(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

const DAY_MS = 86_400_000;

/** An offset change within one UTC day: `before` until the instant `at`, `after` from it. */
interface OffsetChange {
  at: number;
  before: number;
  after: number;
}

/** Per zone: UTC day → offset in minutes, or the change that happens during that day. */
const offsetCache = new Map<string, Map<number, number | OffsetChange>>();

/**
 * The UTC offset of `zone` at epoch ms `ms`, in minutes, from Luxon's IANA data, memoised per
 * zone and UTC day. A day whose first and last millisecond have the same offset is taken to
 * have it throughout (no zone changes its offset twice within a day); for a day with a change,
 * the instant of the change is found once (binary search) and kept with the offsets around it.
 */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  let byDay = offsetCache.get(zone);
  if (!byDay) {
    byDay = new Map();
    offsetCache.set(zone, byDay);
  }
  const day = Math.floor(ms / DAY_MS);
  let offset = byDay.get(day);
  if (offset === undefined) {
    offset = dayOffset(zone, day);
    if (byDay.size > 100_000) byDay.clear();
    byDay.set(day, offset);
  }
  if (typeof offset === 'number') return offset;
  return ms < offset.at ? offset.before : offset.after;
}

function dayOffset(zone: string, day: number): number | OffsetChange {
  const offset = offsetReader(zone);
  let lo = day * DAY_MS;
  let hi = (day + 1) * DAY_MS - 1;
  const before = offset(lo);
  const after = offset(hi);
  if (before === after) return before;
  // The first millisecond with the new offset lies in (lo, hi].
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return { at: hi, before, after };
}

const readers = new Map<string, (ms: number) => number>();
const LONG_OFFSET = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

/**
 * A function giving `zone`'s UTC offset in minutes at an instant: Intl's "GMT+08:00" reading
 * (`timeZoneName: 'longOffset'`, about three times quicker than reading the wall clock's parts),
 * or Luxon's where that is not supported. Both read the same ICU zone data.
 */
function offsetReader(zone: string): (ms: number) => number {
  let read = readers.get(zone);
  if (read) return read;
  const z = IANAZone.create(zone);
  read = (ms: number) => z.offset(ms);
  try {
    const dtf = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    const probe = LONG_OFFSET.exec(dtf.format(0));
    if (probe) {
      read = (ms: number) => {
        const m = LONG_OFFSET.exec(dtf.format(ms));
        if (!m) return z.offset(ms);
        if (!m[1]) return 0;
        const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 60;
        return m[1] === '-' ? -minutes : minutes;
      };
    }
  } catch {
    // Luxon's reading stays.
  }
  readers.set(zone, read);
  return read;
}

/**
 * The local wall-clock reading of epoch ms `ms` in `zone`, expressed as epoch ms of the same
 * reading in UTC (so `new Date(wall).getUTCHours()` is the local hour). For comparisons of
 * local times of day only; never convert it back by hand.
 */
export function localWallMs(ms: number, zone: string): number {
  return ms + zoneOffsetMinutes(ms, zone) * 60_000;
}

/** The instant of the start of the local day `days` after (or before, if negative) `date` in `zone`. */
export function startOfLocalDayPlus(date: string, days: number, zone: string): string {
  const dt = DateTime.fromISO(date, { zone }).startOf('day').plus({ days });
  if (!dt.isValid) throw new RangeError(`"${date}" is not a valid date in ${zone}`);
  return dt.toUTC().toISO()!;
}

/** "Tue 22 Sep 2026" or "Tue 22 – Mon 28 Sep 2026" for an inclusive range of local dates. */
export function formatLocalDateRange(startDate: string, endDate: string): string {
  const a = DateTime.fromISO(startDate, { zone: 'utc' });
  const b = DateTime.fromISO(endDate, { zone: 'utc' });
  if (startDate === endDate) return a.toFormat('ccc d LLL yyyy');
  if (a.year !== b.year) return `${a.toFormat('ccc d LLL yyyy')} – ${b.toFormat('ccc d LLL yyyy')}`;
  if (a.month !== b.month) return `${a.toFormat('ccc d LLL')} – ${b.toFormat('ccc d LLL yyyy')}`;
  return `${a.toFormat('ccc d')} – ${b.toFormat('ccc d LLL yyyy')}`;
}

/** The calendar date `days` after `date` (`YYYY-MM-DD` only; negative goes back). */
export function addDaysToDate(date: string, days: number): string {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  if (!dt.isValid || date.length !== 10) throw new RangeError(`"${date}" is not a valid date`);
  return dt.plus({ days }).toISODate()!;
}

/**
 * Wall-clock arithmetic on a zoneless local value: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, moved by
 * whole days and minutes, in the same format. (Which instant it names depends on its zone.)
 */
export function addToLocal(local: string, days: number, minutes = 0): string {
  if (local.length === 10) return addDaysToDate(local, days + Math.trunc(minutes / 1440));
  const dt = DateTime.fromISO(local, { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`"${local}" is not a valid local date-time`);
  return dt.plus({ days, minutes }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * The instant `days` local days after `instant` in `zone`, keeping the wall-clock time there
 * (so 09:00 in Seoul stays 09:00 in Seoul across any DST change elsewhere).
 */
export function shiftLocalDays(instant: string, zone: string, days: number): string {
  return inZone(instant, zone).plus({ days }).toUTC().toISO()!;
}

/** "31 Oct – 1 Nov 2025", "29 Oct 2025" — an inclusive range of local dates. */
export function formatDateRange(startDate: string, endDate: string): string {
  const s = DateTime.fromISO(startDate, { zone: 'utc' });
  const e = DateTime.fromISO(endDate, { zone: 'utc' });
  if (startDate === endDate) return s.toFormat('d LLL yyyy');
  if (s.year !== e.year) return `${s.toFormat('d LLL yyyy')} – ${e.toFormat('d LLL yyyy')}`;
  return `${s.toFormat(s.month === e.month ? 'd' : 'd LLL')} – ${e.toFormat('d LLL yyyy')}`;
}

/** Wall-clock fields (month 1–12) of a local date-time. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The UTC instant of a wall-clock time in `zone`; throws a RangeError for an impossible date or time. */
export function wallClockToInstant(wall: WallClock, zone: string): string {
  const dt = DateTime.fromObject(wall, { zone });
  if (!dt.isValid) throw new RangeError(`${formatWallClock(wall)} is not a real date and time`);
  return firstReading(dt).toUTC().toISO()!;
}

/** `YYYY-MM-DD` of wall-clock fields; throws a RangeError for an impossible date. */
export function wallClockToDate(wall: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  const dt = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day }, { zone: 'utc' });
  if (!dt.isValid)
    throw new RangeError(
      `${formatWallClock({ ...wall, hour: 0, minute: 0, second: 0 }).slice(0, 10)} is not a real date`,
    );
  return dt.toISODate()!;
}

/** Wall-clock fields of an instant in `zone`. */
export function instantToWallClock(instant: string, zone: string): WallClock {
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  return { year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute, second: dt.second };
}

/** An IANA name for a fixed UTC offset in whole hours (`Etc/GMT-8` is UTC+8), else undefined. */
export function fixedOffsetZone(offsetSeconds: number): string | undefined {
  if (offsetSeconds === 0) return 'UTC';
  if (offsetSeconds % 3600 !== 0 || Math.abs(offsetSeconds) > 14 * 3600) return undefined;
  const hours = offsetSeconds / 3600;
  const zone = `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  return isValidZone(zone) ? zone : undefined;
}

/** The instant `ms` milliseconds after `instant`. */
export function addToInstant(instant: string, ms: number): string {
  return toInstant(toMs(instant) + ms);
}

const pad = (n: number, width = 2) => String(Math.trunc(n)).padStart(width, '0');
function formatWallClock(w: WallClock): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "Tue 28 Oct" — the local day of an instant in a zone, without the year. */
export function formatLocalDay(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat('ccc d LLL');
}

/** Whole calendar days from local date `a` to local date `b` (`YYYY-MM-DD`); negative if `b` is earlier. */
export function calendarDaysBetween(a: string, b: string): number {
  const da = plainDateDays(a);
  const db = plainDateDays(b);
  if (da === da && db === db) return db - da;
  const ma = Date.parse(a);
  const mb = Date.parse(b);
  if (isPlainDate(a, ma) && isPlainDate(b, mb)) return Math.round((mb - ma) / 86_400_000);
  return Math.round(DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days);
}

/** `YYYY-MM-DD` that names a real day (Date.parse rolls 30 February over; this does not). */
function isPlainDate(date: string, ms: number): boolean {
  return date.length === 10 && ms === ms && new Date(ms).toISOString().startsWith(date);
}
