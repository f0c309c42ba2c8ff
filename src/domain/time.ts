/**
 * Time-zone arithmetic. Everything is done on instants with Luxon; never hand-rolled offsets.
 * Units: UTC ISO strings between layers, epoch milliseconds inside computations.
 */
import { DateTime, IANAZone } from 'luxon';

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

/** Epoch ms of a UTC ISO instant. */
export function toMs(instant: string): number {
  return Date.parse(instant);
}

/** UTC ISO instant (with milliseconds) of epoch ms. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The instant at which a local wall-clock time happens in `zone`. `local` is `YYYY-MM-DDTHH:mm`. */
export function localToInstant(local: string, zone: string): string {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new RangeError(`"${local}" is not a valid local date-time in ${zone}`);
  return dt.toUTC().toISO()!;
}

/** The wall-clock time `YYYY-MM-DDTHH:mm` of an instant in `zone`. */
export function instantToLocal(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Start of a local day in `zone`, as a UTC instant. */
export function startOfLocalDay(date: string, zone: string): string {
  const dt = DateTime.fromISO(date, { zone }).startOf('day');
  if (!dt.isValid) throw new RangeError(`"${date}" is not a valid date in ${zone}`);
  return dt.toUTC().toISO()!;
}

/** Half-open instants [start of first day, start of the day after the last) of an inclusive local date range. */
export function localDaysToInstants(startDate: string, endDate: string, zone: string): { startsAt: string; endsAt: string } {
  const start = DateTime.fromISO(startDate, { zone }).startOf('day');
  const end = DateTime.fromISO(endDate, { zone }).startOf('day').plus({ days: 1 });
  if (!start.isValid || !end.isValid) throw new RangeError(`"${startDate}"–"${endDate}" is not a valid date range in ${zone}`);
  return { startsAt: start.toUTC().toISO()!, endsAt: end.toUTC().toISO()! };
}

/** Zone abbreviation at an instant: CST, KST, EDT, CEST… (falls back to GMT+9 style where none exists). */
export function zoneAbbreviation(instant: string, zone: string): string {
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  const known = KNOWN_ABBREVIATIONS[zone];
  if (known) return dt.isInDST ? known[1] : known[0];
  return dt.offsetNameShort ?? dt.toFormat('ZZ');
}

/** Intl gives "GMT+8" for Asia/Shanghai in en-US; planners say CST. */
const KNOWN_ABBREVIATIONS: Record<string, [standard: string, daylight: string]> = {
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Kuala_Lumpur': ['MYT', 'MYT'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Istanbul': ['TRT', 'TRT'],
  'Europe/Moscow': ['MSK', 'MSK'],
  'America/New_York': ['EST', 'EDT'],
  'America/Chicago': ['CST', 'CDT'],
  'America/Denver': ['MST', 'MDT'],
  'America/Los_Angeles': ['PST', 'PDT'],
  UTC: ['UTC', 'UTC'],
  'Etc/UTC': ['UTC', 'UTC'],
};

/** "13:18 CST" — local time of an instant at a zone, with its abbreviation. */
export function formatLocalTime(instant: string, zone: string): string {
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  return `${dt.toFormat('HH:mm')} ${zoneAbbreviation(instant, zone)}`;
}

/** "Thu 30 Oct 2025, 11:00 KST" */
export function formatLocalDateTime(instant: string, zone: string): string {
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  return `${dt.toFormat('ccc d LLL yyyy, HH:mm')} ${zoneAbbreviation(instant, zone)}`;
}

/** "Thu 30 Oct 2025" — the local date of an instant in a zone. */
export function formatLocalDate(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat('ccc d LLL yyyy');
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISODate()!;
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

/** The calendar date `days` after `date` (`YYYY-MM-DD`; negative goes back). */
export function addDaysToDate(date: string, days: number): string {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`"${date}" is not a valid date`);
  return dt.plus({ days }).toISODate()!;
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
  return dt.toUTC().toISO()!;
}

/** `YYYY-MM-DD` of wall-clock fields; throws a RangeError for an impossible date. */
export function wallClockToDate(wall: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  const dt = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day }, { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`${formatWallClock({ ...wall, hour: 0, minute: 0, second: 0 }).slice(0, 10)} is not a real date`);
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
  return Math.round(DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days);
}

export interface LocalParts {
  /** "09:00" */
  time: string;
  /** "CST", "EDT"… as `zoneAbbreviation` gives. */
  abbreviation: string;
  /** "Tue 28 Oct" */
  day: string;
  /** `YYYY-MM-DD` */
  date: string;
}

/** Abbreviations by zone and UTC offset (minutes): they depend on nothing else, and Intl is slow. */
const abbreviationCache = new Map<string, string>();

/** The wall-clock parts of an instant in a zone, computed once (for long lists such as itineraries). */
export function localParts(instant: string, zone: string): LocalParts {
  const dt = DateTime.fromMillis(Date.parse(instant), { zone });
  const key = `${zone}|${dt.offset}`;
  let abbreviation = abbreviationCache.get(key);
  if (abbreviation === undefined) {
    abbreviation = zoneAbbreviation(instant, zone);
    abbreviationCache.set(key, abbreviation);
  }
  return { time: dt.toFormat('HH:mm'), abbreviation, day: dt.toFormat('ccc d LLL'), date: dt.toISODate()! };
}
