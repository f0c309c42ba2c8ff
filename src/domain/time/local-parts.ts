/**
 * The wall-clock parts of an instant in a zone, for long lists (itineraries, agendas): the zone's
 * offset comes from Luxon once per zone and day, the day's name from Luxon once per date, and
 * the rest is arithmetic on the offset Luxon gave. Same answers as formatting each instant with
 * Luxon, about twenty times faster.
 */
import { DateTime, Info, type Zone } from 'luxon';
import { clockTime, zoneAbbreviation } from './labels';
import { toMs } from './time';

export interface LocalParts {
  /** "09:00" (or "9:00 AM" on the 12-hour clock) */
  time: string;
  /** "KST", "EDT", "CST (China)"… as `zoneAbbreviation` gives. */
  abbreviation: string;
  /** "Tue 28 Oct" */
  day: string;
  /** `YYYY-MM-DD` */
  date: string;
}

const DAY = 86_400_000;
const CACHE_LIMIT = 50_000;

/** What is known of a zone: Luxon's zone, its offset (minutes) at the start of each UTC day
 * (days since 1970), and its abbreviation for each offset (they depend on nothing else). */
interface ZoneFacts {
  zone: Zone;
  dayOffsets: Map<number, number>;
  abbreviations: Map<number, string>;
}
/** By zone name (null: not a zone Luxon knows). */
const zones = new Map<string, ZoneFacts | null>();
/** "Tue 28 Oct" by `YYYY-MM-DD`. */
const dayNames = new Map<string, string>();
/** "Tue 28 Oct 2025" by `YYYY-MM-DD`. */
const dateLabels = new Map<string, string>();

function factsOf(name: string): ZoneFacts | null {
  let facts = zones.get(name);
  if (facts === undefined) {
    const zone = Info.normalizeZone(name);
    facts = zone.isValid ? { zone, dayOffsets: new Map(), abbreviations: new Map() } : null;
    if (zones.size < 1000) zones.set(name, facts);
  }
  return facts;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

function offsetAtDay(facts: ZoneFacts, day: number): number {
  return facts.dayOffsets.get(day) ?? remember(facts.dayOffsets, day, facts.zone.offset(day * DAY));
}

/** The zone's offset at `ms`, in minutes. No zone changes its offset twice within a day, so a
 * UTC day that starts and ends (the next day's start) at the same offset has it throughout. */
function offsetAt(facts: ZoneFacts, ms: number): number {
  const day = Math.floor(ms / DAY);
  const first = offsetAtDay(facts, day);
  return first === offsetAtDay(facts, day + 1) ? first : facts.zone.offset(ms);
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

function slowParts(instant: string, zone: string): LocalParts {
  const dt = DateTime.fromMillis(Date.parse(instant), { zone });
  return {
    time: dt.isValid ? clockTime(dt.hour, dt.minute) : dt.toFormat('HH:mm'),
    abbreviation: zoneAbbreviation(instant, zone),
    day: dt.toFormat('ccc d LLL'),
    date: dt.toISODate()!,
  };
}

/** The wall-clock parts of an instant in a zone. */
export function localParts(instant: string, zone: string): LocalParts {
  const ms = toMs(instant);
  const facts = factsOf(zone);
  if (!facts || ms !== ms) return slowParts(instant, zone);
  const offset = offsetAt(facts, ms);
  const local = new Date(ms + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1 || year > 9999) return slowParts(instant, zone);
  const date = `${String(year).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const day =
    dayNames.get(date) ??
    remember(dayNames, date, DateTime.fromMillis(Date.parse(date), { zone: 'utc' }).toFormat('ccc d LLL'));
  return {
    time: clockTime(local.getUTCHours(), local.getUTCMinutes()),
    abbreviation:
      facts.abbreviations.get(offset) ?? remember(facts.abbreviations, offset, zoneAbbreviation(instant, zone)),
    day,
    date,
  };
}

/** "Tue 28 Oct 2025" for a local date `YYYY-MM-DD` (what `formatLocalDate` gives for any instant on it). */
export function formatPlainDate(date: string): string {
  const known = dateLabels.get(date);
  if (known !== undefined) return known;
  const dt = DateTime.fromMillis(Date.parse(date), { zone: 'utc' });
  return remember(dateLabels, date, dt.isValid ? dt.toFormat('ccc d LLL yyyy') : date);
}
