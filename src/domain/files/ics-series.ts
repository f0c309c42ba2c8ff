/**
 * One UID of a calendar file (its master VEVENT and the VEVENTs that change single occurrences)
 * → the occurrences to import, each with the VEVENT whose properties it takes. Every time is
 * turned into an instant through the file's zones (ics-zones), so EXDATE, RDATE and
 * RECURRENCE-ID match their occurrences whatever zone they are written in. A value that cannot
 * be read is dropped and reported (one bad EXDATE drops that date, not the series); a start that
 * cannot be read makes the whole event unreadable (Unreadable), and nothing of it is imported.
 */
import { all, first, type IcsComponent, type IcsProperty } from './ics-lines';
import { expandSeries, isSubDaily, parseRule, RuleError, type Occurrence } from './ics-expand';
import { parseDurationMs, parsePeriod, parseTimeValue, type TimeValue } from './ics-values';
import { wallToInstant, type OffsetFn, type Zone } from './ics-zones';

const DAY = 86_400_000;

/** An event that cannot be imported; the message says why in plain words. */
export class Unreadable extends Error {}

export interface SeriesContext {
  /** The zone of a TZID (Unreadable if unknown or impossible); `around`: the wall ms of a time that uses it. */
  zone(tzid: string, around: number): Zone;
  /** The zone of floating times. */
  floating(): Zone;
  /** A value or property dropped, in plain words naming the line. */
  report(what: string): void;
  from: number;
  to: number;
  maxOccurrences: number;
}

/** A read start or end: an all-day date (wall ms of its midnight) or an instant with its zone. */
export type Point = { allDay: true; wall: number } | { allDay: false; ms: number; zone?: Zone; floating?: boolean };

export interface ReadOccurrence {
  ev: IcsComponent;
  start: Point;
  end: Point;
  /** Record id suffix (`YYYYMMDD` or `YYYYMMDDTHHMMSS`, the occurrence's original local start), or undefined for a single event. */
  wall?: number;
  /** An RDATE's explicit time: not moved by a RANGE=THISANDFUTURE change. */
  rdate?: boolean;
}

export function resolvePoint(v: TimeValue, ctx: SeriesContext): Point {
  if (v.kind === 'date') return { allDay: true, wall: v.wall };
  if (v.kind === 'utc') return { allDay: false, ms: v.ms };
  const zone = v.tzid ? ctx.zone(v.tzid, v.wall) : ctx.floating();
  return { allDay: false, ms: wallToInstant(v.wall, zone.offset), zone, floating: !v.tzid };
}

function readPoint(p: IcsProperty | undefined, ctx: SeriesContext, what: string): Point | undefined {
  if (!p) return undefined;
  const v = parseTimeValue(p.value, p.params.TZID);
  if (!v) {
    const shaped = /^\d{8}(T\d{6}Z?)?$/i.test(p.value.trim());
    throw new Unreadable(
      `its ${what} "${p.value.slice(0, 40)}" (line ${p.line}) is not ${shaped ? 'a real date and time' : 'a date or time'}`,
    );
  }
  return resolvePoint(v, ctx);
}

/** Start and end of one VEVENT (DTEND, else DURATION, else 30 minutes or one day). */
export function readSpan(ev: IcsComponent, ctx: SeriesContext): { start: Point; end: Point; defaulted: boolean } {
  const start = readPoint(first(ev, 'DTSTART'), ctx, 'start (DTSTART)');
  if (!start) throw new Unreadable('it has no start (DTSTART)');
  let end: Point | undefined;
  try {
    end = readPoint(first(ev, 'DTEND'), ctx, 'end (DTEND)');
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
    ctx.report(`${err.message.replace(/^its /, 'the ')}; it was ignored`);
  }
  if (end && end.allDay !== start.allDay) {
    ctx.report(
      `the end (line ${first(ev, 'DTEND')!.line}) is ${end.allDay ? 'a date' : 'a time'} but the start is not; it was ignored`,
    );
    end = undefined;
  }
  let defaulted = false;
  if (!end) {
    const d = first(ev, 'DURATION');
    const ms = d ? parseDurationMs(d.value) : undefined;
    if (d && ms === undefined)
      ctx.report(`the duration "${d.value.slice(0, 20)}" (line ${d.line}) is not one; it was ignored`);
    if (ms !== undefined && ms > 0)
      end = start.allDay
        ? { allDay: true, wall: start.wall + Math.max(1, Math.round(ms / DAY)) * DAY }
        : { ...start, ms: start.ms + ms };
    else {
      defaulted = !d || ms === undefined;
      end = start.allDay ? { allDay: true, wall: start.wall + DAY } : { ...start, ms: start.ms + 30 * 60_000 };
    }
  }
  if (start.allDay && end.allDay) {
    if (end.wall < start.wall) throw new Unreadable(`it ends (${iso(end)}) before it starts (${iso(start)})`);
    if (end.wall === start.wall) end = { allDay: true, wall: start.wall + DAY };
  } else if (!start.allDay && !end.allDay) {
    if (end.ms < start.ms) throw new Unreadable(`it ends (${iso(end)}) before it starts (${iso(start)})`);
    if (end.ms === start.ms) {
      end = { ...end, ms: start.ms + 30 * 60_000 };
      defaulted = true;
    }
  }
  return { start, end, defaulted };
}

function iso(p: Point): string {
  return p.allDay ? new Date(p.wall).toISOString().slice(0, 10) : new Date(p.ms).toISOString();
}

function seriesClock(
  start: Point,
  ctx: SeriesContext,
): { toInstant: (w: number) => number; toWall: (ms: number) => number } {
  if (start.allDay) return { toInstant: (w) => w, toWall: (w) => w };
  const offset: OffsetFn | undefined = start.zone?.offset;
  if (!offset) return { toInstant: (w) => w, toWall: (ms) => ms };
  void ctx;
  return { toInstant: (w) => wallToInstant(w, offset), toWall: (ms) => ms + offset(ms) * 1000 };
}

/** The key an EXDATE/RDATE/RECURRENCE-ID value has in this series: an instant, or a date's wall. */
function keyOf(v: TimeValue, allDay: boolean, ctx: SeriesContext): number | string {
  if (allDay) return v.wall - (v.wall % DAY);
  if (v.kind === 'date') return new Date(v.wall).toISOString().slice(0, 10);
  const p = resolvePoint(v, ctx);
  return (p as { ms: number }).ms;
}

function values(p: IcsProperty, name: string, ctx: SeriesContext, each: (text: string) => boolean) {
  let bad = 0;
  let example = '';
  for (const text of p.value.split(',')) {
    if (!text.trim()) continue;
    if (!each(text)) {
      bad++;
      example ||= text.trim().slice(0, 30);
    }
  }
  if (bad)
    ctx.report(
      `${bad === 1 ? `the ${name} value "${example}"` : `${bad} ${name} values (such as "${example}")`} on line ${p.line} ${bad === 1 ? 'is not a date; it was' : 'are not dates; they were'} ignored`,
    );
}

/** The occurrences of one series (master plus its changed occurrences) within the context's window. */
export function readSeries(
  master: IcsComponent,
  overrides: IcsComponent[],
  ctx: SeriesContext,
): { occurrences: ReadOccurrence[]; truncated: boolean; repeats: boolean } {
  const { start, end } = readSpan(master, ctx);
  const rrules: string[] = [];
  for (const r of all(master, 'RRULE')) {
    try {
      const recur = parseRule(r.value);
      if (isSubDaily(recur)) {
        const freq = String(recur.freq);
        const how = ['SECONDLY', 'MINUTELY', 'HOURLY'].includes(freq)
          ? freq.toLowerCase()
          : 'several times a day (BYHOUR, BYMINUTE or BYSECOND)';
        throw new Unreadable(`it repeats ${how}; only daily or slower repeats can be imported`);
      }
      rrules.push(r.value);
    } catch (err) {
      if (!(err instanceof RuleError)) throw err;
      ctx.report(`its repeat rule (RRULE, line ${r.line}) ${err.message}; the rule was ignored`);
    }
  }
  const allDay = start.allDay;
  const clock = seriesClock(start, ctx);
  const exInstants = new Set<number>();
  const exDates = new Set<string>();
  for (const p of all(master, 'EXDATE'))
    values(p, 'EXDATE', ctx, (text) => {
      const v = parseTimeValue(text, p.params.TZID);
      if (!v) return false;
      const key = keyOf(v, allDay, ctx);
      if (typeof key === 'string') exDates.add(key);
      else exInstants.add(key);
      return true;
    });
  const rdates: { start: number; durationMs?: number }[] = [];
  for (const p of all(master, 'RDATE'))
    values(p, 'RDATE', ctx, (text) => {
      if (text.includes('/')) {
        const period = parsePeriod(text, p.params.TZID);
        if (!period) return false;
        const s = resolvePoint(period.start, ctx) as { ms: number };
        const e = period.end ? (resolvePoint(period.end, ctx) as { ms: number }).ms : s.ms + (period.durationMs ?? 0);
        if (allDay || e <= s.ms) return false;
        rdates.push({ start: s.ms, durationMs: e - s.ms });
        return true;
      }
      const v = parseTimeValue(text, p.params.TZID);
      if (!v || (v.kind === 'date') !== allDay) return false;
      rdates.push({ start: allDay ? v.wall : (resolvePoint(v, ctx) as { ms: number }).ms });
      return true;
    });
  const repeats = rrules.length > 0 || rdates.length > 0;
  const durationMs = allDay
    ? (end as { wall: number }).wall - start.wall
    : (end as { ms: number }).ms - (start as { ms: number }).ms;
  const spec = {
    allDay,
    startWall: allDay ? start.wall : clock.toWall(start.ms),
    ...clock,
    durationMs,
    rrules,
    rdates,
    exInstants,
    exDates,
    from: ctx.from - 366 * DAY,
    to: ctx.to + 366 * DAY,
    maxOccurrences: Number.MAX_SAFE_INTEGER,
  };
  let expanded: Occurrence[];
  try {
    expanded = expandSeries(spec).occurrences;
  } catch (err) {
    if (err instanceof RuleError) throw new Unreadable(`its repeat rule ${err.message}`);
    throw err;
  }
  const occurrences = applyOverrides(master, start, expanded, overrides, ctx);
  const inWindow = occurrences.filter((o) => pointMs(o.start) >= ctx.from && pointMs(o.start) < ctx.to);
  const truncated = inWindow.length > ctx.maxOccurrences;
  return { occurrences: truncated ? inWindow.slice(0, ctx.maxOccurrences) : inWindow, truncated, repeats };
}

export function pointMs(p: Point): number {
  return p.allDay ? p.wall : p.ms;
}

function toPoint(ms: number, like: Point): Point {
  return like.allDay ? { allDay: true, wall: ms } : { ...like, ms };
}

function applyOverrides(
  master: IcsComponent,
  start: Point,
  expanded: Occurrence[],
  overrides: IcsComponent[],
  ctx: SeriesContext,
): ReadOccurrence[] {
  const list: ReadOccurrence[] = expanded.map((o) => ({
    ev: master,
    start: toPoint(o.start, start),
    end: toPoint(o.end, start),
    wall: o.wall,
    ...(o.rdate ? { rdate: true } : {}),
  }));
  const keyed = new Map<number, ReadOccurrence>();
  expanded.forEach((o, i) => keyed.set(start.allDay ? o.key - (o.key % DAY) : o.key, list[i]!));
  const cancelled = new Set<ReadOccurrence>();
  const sorted = [...overrides].map((ov) => ({ ov, rid: first(ov, 'RECURRENCE-ID')! }));
  for (const { ov, rid } of sorted) {
    const v = parseTimeValue(rid.value, rid.params.TZID);
    if (!v) {
      ctx.report(
        `a changed occurrence's RECURRENCE-ID "${rid.value.slice(0, 30)}" (line ${rid.line}) is not a date; that change was ignored`,
      );
      continue;
    }
    let key = keyOf(v, start.allDay, ctx);
    // No instance at that instant: the instance on the same (local) date, if there is one.
    const day = typeof key === 'string' ? key : new Date(v.wall).toISOString().slice(0, 10);
    if (typeof key === 'string' || !keyed.has(key)) {
      const match = expanded.find((o) => new Date(o.wall).toISOString().slice(0, 10) === day);
      if (match) key = start.allDay ? match.key - (match.key % DAY) : match.key;
      else if (typeof key === 'string') continue;
    }
    const span = readSpan(ov, ctx);
    const isCancelled = (first(ov, 'STATUS')?.value ?? '').trim().toUpperCase() === 'CANCELLED';
    const target = keyed.get(key);
    if ((rid.params.RANGE ?? '').toUpperCase() === 'THISANDFUTURE' && target) {
      const shift = pointMs(span.start) - pointMs(target.start);
      const length = pointMs(span.end) - pointMs(span.start);
      for (const o of list)
        if (pointMs(o.start) >= pointMs(target.start) && o.ev === master && !o.rdate) {
          const s = pointMs(o.start) + shift;
          o.start = toPoint(s, span.start);
          o.end = toPoint(s + length, span.start);
          o.ev = ov;
          if (isCancelled) cancelled.add(o);
        }
      continue;
    }
    if (target) {
      target.ev = ov;
      target.start = span.start;
      target.end = span.end;
      if (isCancelled) cancelled.add(target);
    } else if (!isCancelled) {
      const wall = start.allDay ? key : seriesClock(start, ctx).toWall(key);
      list.push({ ev: ov, start: span.start, end: span.end, wall });
    }
  }
  return list.filter((o) => !cancelled.has(o)).sort((a, b) => pointMs(a.start) - pointMs(b.start));
}
