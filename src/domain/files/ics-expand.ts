/**
 * The occurrences of a repeating event (RFC 5545 §3.8.5): DTSTART (always the first, even when
 * it does not fit the rule), every RRULE (several are merged), RDATE (dates, date-times or
 * periods), minus EXDATE, all compared as instants (or, for all-day series, as dates), within a
 * window of instants. ical.js walks each rule over wall-clock times; UNTIL is applied here as an
 * instant, and dates a rule cannot produce (30 February) are dropped rather than rolled over.
 */
import ICAL from 'ical.js';

const DAY = 86_400_000;

export class RuleError extends Error {}

export interface SeriesSpec {
  allDay: boolean;
  /** DTSTART as wall ms (all-day: midnight of the date). */
  startWall: number;
  /** Wall ms → instant in the series' zone (all-day: identity). */
  toInstant: (wall: number) => number;
  /** Instant → wall ms in the series' zone (all-day: identity). */
  toWall: (instant: number) => number;
  durationMs: number;
  rrules: string[];
  /** RDATE occurrences: start instant (all-day: wall), own duration when a PERIOD. */
  rdates: { start: number; durationMs?: number }[];
  /** EXDATE: instants (all-day series: walls), and dates `YYYY-MM-DD` excluding a whole local day. */
  exInstants: ReadonlySet<number>;
  exDates: ReadonlySet<string>;
  /** Instants: [from, to). All-day occurrences are compared by their date's wall ms. */
  from: number;
  to: number;
  maxOccurrences: number;
}

export interface Occurrence {
  /** Instant (all-day: wall ms of the date): matches RECURRENCE-ID. */
  key: number;
  /** The occurrence's wall-clock start in the series' zone (record id suffix). */
  wall: number;
  start: number;
  end: number;
  /** From an RDATE (an explicit time), not from DTSTART or a rule. */
  rdate?: boolean;
}

/** Whether the rule repeats more often than once a day (FREQ below DAILY once read by its effective frequency, or several BYHOUR/BYMINUTE/BYSECOND). */
export function isSubDaily(recur: InstanceType<typeof ICAL.Recur>): boolean {
  if (['SECONDLY', 'MINUTELY', 'HOURLY'].includes(String(recur.freq))) return true;
  const parts = recur.parts as Record<string, unknown[] | undefined>;
  return ['BYHOUR', 'BYMINUTE', 'BYSECOND'].some((p) => (parts[p]?.length ?? 0) > 1);
}

/** An RRULE value read (spaces after commas and semicolons forgiven); RuleError if it is not one. */
export function parseRule(value: string): InstanceType<typeof ICAL.Recur> {
  const clean = value.replace(/\s+/g, '');
  if (!/(^|;)FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/i.test(clean))
    throw new RuleError('it has no valid FREQ');
  let recur: InstanceType<typeof ICAL.Recur>;
  try {
    recur = ICAL.Recur.fromString(clean);
  } catch {
    throw new RuleError('it cannot be read');
  }
  const parts = recur.parts as Record<string, number[] | undefined>;
  for (const v of parts.BYMONTH ?? []) if (!(v >= 1 && v <= 12)) throw new RuleError(`BYMONTH=${v} is not a month`);
  for (const v of parts.BYMONTHDAY ?? [])
    if (!(Math.abs(v) >= 1 && Math.abs(v) <= 31)) throw new RuleError(`BYMONTHDAY=${v} is not a day`);
  if (recur.interval !== undefined && !(recur.interval >= 1)) throw new RuleError('its INTERVAL is not a number');
  return effectivelyDaily(recur);
}

/**
 * The effective frequency: a rule below DAILY whose BYHOUR (and, for MINUTELY, BYMINUTE; for
 * SECONDLY, BYSECOND too) allow one time a day, stepping by 1, gives exactly the times of the
 * same rule with FREQ=DAILY (FREQ=HOURLY;BYHOUR=9 is every day at 09:00), so it is read as that
 * (and walked a day, not an hour or a minute, at a time).
 */
function effectivelyDaily(recur: InstanceType<typeof ICAL.Recur>): InstanceType<typeof ICAL.Recur> {
  const parts = recur.parts as Record<string, unknown[] | undefined>;
  const one = (p: string) => parts[p]?.length === 1;
  const pinned: Record<string, string[]> = {
    HOURLY: ['BYHOUR'],
    MINUTELY: ['BYHOUR', 'BYMINUTE'],
    SECONDLY: ['BYHOUR', 'BYMINUTE', 'BYSECOND'],
  };
  const need = pinned[String(recur.freq)];
  if (need && (recur.interval ?? 1) === 1 && need.every(one) && !parts.BYSETPOS) recur.freq = 'DAILY';
  return recur;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether a date ical.js produced fits BYMONTH and BYMONTHDAY (it rolls 30 February over). */
function fitsRule(t: { year: number; month: number; day: number }, parts: Record<string, number[] | undefined>) {
  if (parts.BYMONTH && !parts.BYMONTH.includes(t.month)) return false;
  const days = parts.BYMONTHDAY;
  if (!days) return true;
  const dim = daysInMonth(t.year, t.month);
  return days.some((v) => (v > 0 ? v === t.day : dim + 1 + v === t.day));
}

/** Wall times of one rule from DTSTART until `untilInstant`/the window's end (walls, in order). */
function ruleWalls(spec: SeriesSpec, recur: InstanceType<typeof ICAL.Recur>, endWall: number): number[] {
  const until = recur.until;
  let untilInstant = Infinity;
  if (until) {
    const w = Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second);
    if (until.isDate) untilInstant = spec.allDay ? w : spec.toInstant(w + DAY) - 1;
    // An all-day series with a UTC UNTIL (Outlook: the last day's local midnight in UTC): that date, rounded.
    else if (until.zone === ICAL.Timezone.utcTimezone)
      untilInstant = spec.allDay ? Math.floor((w + DAY / 2) / DAY) * DAY : w;
    else untilInstant = spec.allDay ? w : spec.toInstant(w);
    recur.until = null;
  }
  const d = new Date(spec.startWall);
  const start = ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    isDate: spec.allDay,
  });
  const parts = recur.parts as Record<string, number[] | undefined>;
  // COUNT is counted here too (ical.js stops one short for some BYMONTH lists).
  const count = recur.count;
  recur.count = null;
  const out: number[] = [];
  const it = recur.iterator(start);
  let guard = 0;
  for (let t = it.next(); t; t = it.next()) {
    if (++guard > 200_000) break;
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    if (wall > endWall) break;
    if (!fitsRule(t, parts)) continue;
    const instant = spec.allDay ? wall : spec.toInstant(wall);
    if (instant > untilInstant || (count && out.length >= count)) break;
    out.push(wall);
  }
  return out;
}

/**
 * The occurrences of the series that start in [from, to), sorted, at most `maxOccurrences`
 * (`truncated` says whether more were cut). RuleError for a rule that cannot be read.
 */
export function expandSeries(spec: SeriesSpec): { occurrences: Occurrence[]; truncated: boolean } {
  const endWall = spec.allDay ? spec.to : spec.toWall(spec.to) + DAY;
  const byKey = new Map<number, Occurrence>();
  const add = (wall: number, start: number, durationMs: number, rdate = false) => {
    if (byKey.has(start)) return;
    byKey.set(start, { key: start, wall, start, end: start + durationMs, ...(rdate ? { rdate } : {}) });
  };
  const first = spec.allDay ? spec.startWall : spec.toInstant(spec.startWall);
  add(spec.startWall, first, spec.durationMs);
  for (const rule of spec.rrules) {
    const recur = parseRule(rule);
    for (const wall of ruleWalls(spec, recur, endWall))
      add(wall, spec.allDay ? wall : spec.toInstant(wall), spec.durationMs);
  }
  for (const r of spec.rdates)
    add(spec.allDay ? r.start : spec.toWall(r.start), r.start, r.durationMs ?? spec.durationMs, true);
  const dateOf = (o: Occurrence) => new Date(o.wall).toISOString().slice(0, 10);
  const kept = [...byKey.values()]
    .filter((o) => !spec.exInstants.has(o.key) && !(spec.exDates.size && spec.exDates.has(dateOf(o))))
    .filter((o) => o.start >= spec.from && o.start < spec.to)
    .sort((a, b) => a.start - b.start);
  const truncated = kept.length > spec.maxOccurrences;
  return { occurrences: truncated ? kept.slice(0, spec.maxOccurrences) : kept, truncated };
}
