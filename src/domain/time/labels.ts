/**
 * Times as people read them: one zone label scheme (see `zoneAbbreviation`) and one 12/24-hour
 * clock setting, used by every formatter that shows a time of day.
 */
import type { DateTime } from 'luxon';
import { clockTimeOn } from './clock-entry';
import { inZone } from './time';
import { canonicalZone, zoneCity, zoneCountries } from './zones';

let hour12 = false;

/** Use the 12-hour clock ("9:00 AM") rather than the 24-hour one ("09:00") in every formatted time. */
export function setHour12(on: boolean): void {
  hour12 = on;
}

/** True while times are shown on the 12-hour clock. */
export function usesHour12(): boolean {
  return hour12;
}

/** "09:00" / "21:30", or "9:00 AM" / "9:30 PM" on the 12-hour clock. */
export function clockTime(hour: number, minute: number): string {
  return clockTimeOn(hour, minute, hour12);
}

const clockOf = (dt: DateTime) => clockTime(dt.hour, dt.minute);

/**
 * The label of a zone at an instant, one scheme everywhere times are shown: the usual
 * abbreviation where it names one zone (KST, JST, EDT, CEST, GMT); the abbreviation with its
 * country where several zones use it (China's "CST (China)" is never read as US Central's
 * "CST (US)"; "IST (India)", "IST (Israel)"); otherwise the UTC offset ("UTC+8", "UTC+5:30").
 */
export function zoneAbbreviation(instant: string, zone: string): string {
  return abbreviationOf(inZone(instant, zone), zone);
}

function abbreviationOf(dt: DateTime, zone: string): string {
  const known = KNOWN_ABBREVIATIONS[canonicalZone(zone)];
  const abbreviation = known
    ? known[0] === known[1] || !isInDst(dt)
      ? known[0]
      : known[1]
    : (dt.offsetNameShort ?? dt.toFormat('ZZ'));
  if (SHARED_ABBREVIATIONS.has(abbreviation)) return `${abbreviation} (${shortCountry(zone)})`;
  const offset = /^GMT([+-].*)$/.exec(abbreviation);
  return offset ? `UTC${offset[1]}` : abbreviation;
}

/** Abbreviations that mean different zones in different countries. */
const SHARED_ABBREVIATIONS = new Set(['CST', 'CDT', 'IST', 'IDT']);

function shortCountry(zone: string): string {
  const names = zoneCountries(zone);
  const name = names[0] ?? zoneCity(zone);
  return name === 'United States' ? 'US' : name;
}

/** Standard (smaller) and summer offsets of a zone in a year, in minutes; cached (Luxon's isInDST recomputes them each time). */
const yearOffsets = new Map<string, [number, number]>();

/** Luxon's rule for `isInDST` (the offset exceeds the smaller of 1 Jan's and 1 Jul's), with the two offsets cached. */
function isInDst(dt: DateTime): boolean {
  const key = `${dt.zoneName}|${dt.year}`;
  let offsets = yearOffsets.get(key);
  if (!offsets) {
    const jan = dt.set({ month: 1, day: 1 }).offset;
    const jul = dt.set({ month: 7, day: 1 }).offset;
    offsets = [Math.min(jan, jul), Math.max(jan, jul)];
    yearOffsets.set(key, offsets);
  }
  return offsets[0] !== offsets[1] && dt.offset > offsets[0];
}

/** Intl (en-US) gives "GMT+8" for Asia/Shanghai; planners say CST. */
const KNOWN_ABBREVIATIONS: Record<string, [standard: string, daylight: string]> = {
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Taipei': ['CST', 'CST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Kuala_Lumpur': ['MYT', 'MYT'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Europe/Dublin': ['GMT', 'IST'],
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
  const dt = inZone(instant, zone);
  return `${clockOf(dt)} ${abbreviationOf(dt, zone)}`;
}

/** "Thu 30 Oct 2025, 11:00 KST" */
export function formatLocalDateTime(instant: string, zone: string): string {
  const dt = inZone(instant, zone);
  return `${dt.toFormat('ccc d LLL yyyy')}, ${clockOf(dt)} ${abbreviationOf(dt, zone)}`;
}

/** "11:00–12:40 KST" — a timed interval at a zone (the end gets its own date when it falls on another day). */
export function formatLocalRange(start: string, end: string, zone: string): string {
  const s = inZone(start, zone);
  const e = inZone(end, zone);
  const sameDay = s.year === e.year && s.ordinal === e.ordinal;
  const startAbbr = abbreviationOf(s, zone);
  const endAbbr = abbreviationOf(e, zone);
  const endText = sameDay ? clockOf(e) : `${e.toFormat('ccc d LLL')}, ${clockOf(e)}`;
  return startAbbr === endAbbr
    ? `${clockOf(s)}–${endText} ${endAbbr}`
    : `${clockOf(s)} ${startAbbr}–${endText} ${endAbbr}`;
}
