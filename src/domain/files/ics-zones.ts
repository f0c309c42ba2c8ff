/**
 * Time zones of an iCalendar file, as functions from an instant to a UTC offset, so every time
 * in a file (DTSTART, EXDATE, RDATE, RECURRENCE-ID, whatever its zone) becomes an instant and
 * exceptions are matched as instants.
 *
 * A TZID is read, in this order: the file's own VTIMEZONE (checked: an impossible offset such as
 * +9999 makes it unusable, never guessed around), stored as the IANA zone whose offsets match it
 * over the years it covers (hints first: the TZID, its /mozilla.org/ or Windows or
 * "(UTC-05:00) Eastern Time (US & Canada)" display-name reading, X-LIC-LOCATION), so the local
 * clock stays right across DST; else an IANA name, a Windows name or a display name without a
 * VTIMEZONE. Local times: one in the hour repeated when clocks go back is its first occurrence;
 * one in the skipped hour moves forward by the gap (RFC 5545 §3.3.5).
 */
import ICAL from 'ical.js';
import { isValidZone, zoneOffsetMinutes } from '../time';
import { DISPLAY_NAMES } from './windows-display-names';
import { WINDOWS_TO_IANA, windowsZoneToIana } from './windows-zones';
import { all, first, type IcsComponent } from './ics-lines';

/** UTC offset in seconds at an instant (epoch ms). */
export type OffsetFn = (ms: number) => number;

export interface Zone {
  /** The IANA zone stored with the items, when the zone is (or matches) one. */
  iana?: string;
  offset: OffsetFn;
  /** How the TZID was read, for the notes; undefined when it is plainly an IANA name. */
  how?: 'windows' | 'display' | 'vtimezone-iana' | 'vtimezone' | 'named-over-vtimezone';
}

const HOUR = 3_600_000;

/** `+0530`, `-0800`, `+013045` → seconds; undefined for anything else or beyond ±18 hours. */
export function parseUtcOffset(text: string): number | undefined {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 18 || mi > 59 || s > 59) return undefined;
  const total = h * 3600 + mi * 60 + s;
  return m[1] === '-' ? -total : total;
}

/** A local date-time as written, as epoch ms of the same reading in UTC ("wall ms"). */
export interface Wall {
  ms: number;
}

/**
 * The instant of a local wall-clock reading (wall ms) under `offset`: the first of two in a
 * repeated hour, moved forward by the gap in a skipped one.
 */
export function wallToInstant(wallMs: number, offset: OffsetFn): number {
  const before = offset(wallMs - 26 * HOUR) * 1000;
  const after = offset(wallMs + 26 * HOUR) * 1000;
  const a = wallMs - before;
  if (before === after) {
    const o = offset(a) * 1000;
    return o === before ? a : wallMs - o;
  }
  const b = wallMs - after;
  const aFits = a + offset(a) * 1000 === wallMs;
  const bFits = b + offset(b) * 1000 === wallMs;
  if (aFits && bFits) return Math.min(a, b);
  if (aFits) return a;
  if (bFits) return b;
  return a; // in the gap: read with the offset before it, which lands after the gap
}

const ianaOffsets = new Map<string, OffsetFn>();
export function ianaOffset(zone: string): OffsetFn {
  let fn = ianaOffsets.get(zone);
  if (!fn) {
    fn = (ms: number) => Math.round(zoneOffsetMinutes(ms, zone) * 60);
    ianaOffsets.set(zone, fn);
  }
  return fn;
}

export class ZoneError extends Error {}

interface Transition {
  at: number;
  to: number;
}

/**
 * A VTIMEZONE's offsets: every onset of its STANDARD and DAYLIGHT parts (DTSTART, RRULE up to
 * `untilYear`, RDATE) as instants with the offset from then on. Throws ZoneError for an
 * impossible or missing offset.
 */
export function vtimezoneOffset(vtz: IcsComponent, untilYear: number): { offset: OffsetFn; firstChange?: number } {
  const transitions: Transition[] = [];
  let earliest: { at: number; from: number } | undefined;
  const parts = vtz.children.filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT');
  if (parts.length === 0) throw new ZoneError('it has neither STANDARD nor DAYLIGHT part');
  for (const part of parts) {
    const fromText = first(part, 'TZOFFSETFROM')?.value ?? '';
    const toText = first(part, 'TZOFFSETTO')?.value ?? '';
    const from = parseUtcOffset(fromText);
    const to = parseUtcOffset(toText);
    if (to === undefined) throw new ZoneError(`it has an impossible UTC offset (TZOFFSETTO:${toText.slice(0, 12)})`);
    if (from === undefined)
      throw new ZoneError(`it has an impossible UTC offset (TZOFFSETFROM:${fromText.slice(0, 12)})`);
    const start = parseBasicDateTime(first(part, 'DTSTART')?.value ?? '');
    if (start === undefined) throw new ZoneError('one of its parts has no readable DTSTART');
    const onsets: number[] = [start];
    const rrule = first(part, 'RRULE')?.value;
    if (rrule) {
      let recur: InstanceType<typeof ICAL.Recur>;
      try {
        recur = ICAL.Recur.fromString(rrule.replace(/\s+/g, ''));
      } catch {
        throw new ZoneError('one of its RRULEs cannot be read');
      }
      // UNTIL is an instant (UTC) or a local reading; compare it here, not as ical.js would against a floating time.
      const u = recur.until;
      const untilMs = u
        ? Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second) + (u.isDate ? 86_400_000 - 1 : 0)
        : Infinity;
      const untilIsUtc = !!u && u.zone === ICAL.Timezone.utcTimezone;
      recur.until = null;
      // Rules from 1601 (Outlook) are walked from 1900: the same date and time, whole years later.
      const fields = wallFields(start);
      const anchor = ICAL.Time.fromData({ ...fields, year: Math.max(fields.year, 1900) });
      const it = recur.iterator(anchor);
      for (let t = it.next(), k = 0; t && t.year <= untilYear && k < 5000; t = it.next(), k++) {
        const w = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
        if ((untilIsUtc ? w - from * 1000 : w) > untilMs) break;
        onsets.push(w);
      }
    }
    for (const r of all(part, 'RDATE'))
      for (const v of r.value.split(',')) {
        const w = parseBasicDateTime(v);
        if (w !== undefined) onsets.push(w);
      }
    for (const w of onsets) {
      const at = w - from * 1000;
      transitions.push({ at, to });
      if (!earliest || at < earliest.at) earliest = { at, from };
    }
  }
  transitions.sort((x, y) => x.at - y.at);
  const firstFrom = earliest?.from ?? transitions[0]!.to;
  const ats = transitions.map((t) => t.at);
  const offset: OffsetFn = (ms) => {
    let lo = 0;
    let hi = ats.length - 1;
    if (ms < ats[0]!) return firstFrom;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ats[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return transitions[lo]!.to;
  };
  const change = transitions.find(
    (t, i) => t.at >= Date.UTC(1900, 0, 1) && t.to !== (i ? transitions[i - 1]!.to : firstFrom),
  );
  return { offset, ...(change ? { firstChange: change.at } : {}) };
}

function wallFields(ms: number) {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** `YYYYMMDDTHHMMSS` (no zone) as wall ms, or undefined. */
function parseBasicDateTime(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
}

/** IANA names a TZID suggests: itself, its trailing Area/Location, its Windows or display name. */
export function zoneHints(tzid: string): { zone: string; how?: Zone['how'] }[] {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const out: { zone: string; how?: Zone['how'] }[] = [];
  if (isValidZone(name)) out.push({ zone: name });
  const parts = name.split('/').filter(Boolean);
  for (let i = 1; i < parts.length - 1; i++) {
    const candidate = parts.slice(i).join('/');
    if (isValidZone(candidate)) out.push({ zone: candidate });
  }
  const windows = windowsZoneToIana(name);
  if (windows) out.push({ zone: windows, how: 'windows' });
  const display = /^\(?(?:UTC|GMT)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?\)?\s*(.+)$/i.exec(name);
  if (display) {
    const key = (display[1] ?? '').trim().toLowerCase();
    const zone = DISPLAY_NAMES[key];
    if (zone) out.push({ zone, how: 'display' });
  }
  return out;
}

/** Zones tried before the rest: those Windows and Outlook's display names stand for (the big cities of each offset). */
const PREFERRED = [...new Set([...Object.values(WINDOWS_TO_IANA), ...Object.values(DISPLAY_NAMES)])];

let allZones: string[] | undefined;
function ianaCandidates(): string[] {
  if (!allZones) {
    const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
    allZones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  }
  return allZones;
}

/**
 * The IANA zone whose offsets equal `offset` at every sample instant between `from` and `to`
 * (each month, and on each side of every change): hints first, then every zone Intl knows.
 */
export function matchIana(offset: OffsetFn, from: number, to: number, hints: string[]): string | undefined {
  const samples: number[] = [];
  const step = 15 * 24 * HOUR;
  let previous = offset(from);
  for (let t = from; t <= to && samples.length < 2000; t += step) {
    const o = offset(t);
    if (o !== previous) {
      // find the change (to the minute) and sample both sides of it
      let lo = t - step;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offset(mid) === previous) lo = mid;
        else hi = mid;
      }
      samples.push(lo, hi + 60_000);
      previous = o;
    }
    samples.push(t);
  }
  const fits = (zone: string) => {
    const z = ianaOffset(zone);
    return samples.every((t) => z(t) === offset(t));
  };
  for (const h of hints) if (isValidZone(h) && fits(h)) return h;
  return PREFERRED.find(fits) ?? ianaCandidates().find(fits);
}
