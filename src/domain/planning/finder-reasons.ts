/** The reasons behind a candidate's score, in plain words, and the points each adds or costs. */
import { DateTime } from 'luxon';
import { findConflicts, RULE_LABELS, type Conflict, type Severity } from '../conflicts';
import { countOf, type Plan } from '../model';
import { formatLocalDateRange, localDateOf, toInstant, toMs } from '../time';
import { applyCandidateToPlan } from './finder-visit';
import {
  DAY_MS,
  FAR_DAYS,
  NEAR_DAYS,
  type Busy,
  type Candidate,
  type FinderRequest,
  type Reason,
} from './finder-types';
import type { IntervalIndex } from './interval-index';
import { dateOfDayNumber, daysBetween, isoWeekday } from './visit-shift';

const shortDates = new Map<string, string>();
/** "Wed 12 Aug" (memoised: few distinct dates appear in reasons). */
export function shortDate(date: string): string {
  let s = shortDates.get(date);
  if (s === undefined) {
    s = DateTime.fromISO(date, { zone: 'utc' }).toFormat('ccc d LLL');
    if (shortDates.size < 5000) shortDates.set(date, s);
  }
  return s;
}

/** "Wed 12 – Fri 14 Aug 2026", "Mon 31 Aug – Wed 2 Sep 2026", "Thu 31 Dec 2026 – Sat 2 Jan 2027". */
export const formatDayRange = formatLocalDateRange;

export const plural = (n: number, word: string) => countOf(n, word);

/** A window reason, `false` when the candidate breaks the window constraint. */
export function windowFit(
  w: Busy,
  c: NonNullable<FinderRequest['window']>,
  startDate: string,
  endDate: string,
  spanStart: number,
  spanEnd: number,
  allowed: { start: number; end: number } | undefined,
  windowZone: string,
): Reason | false {
  const { first, last } = w.days();
  const range = first === last ? shortDate(first) : `${shortDate(first)} – ${shortDate(last)}`;
  if (c.relation === 'within') {
    if (!allowed || spanStart < allowed.start || spanEnd > allowed.end) return false;
    const early = Math.max(0, daysBetween(localDateOf(toInstant(spanStart), windowZone), first));
    const late = Math.max(0, daysBetween(last, localDateOf(toInstant(spanEnd - 1), windowZone)));
    const outside = Math.max(early, late);
    if (outside > c.days) return false;
    if (outside === 0) return { kind: 'window', text: `Inside ${w.title} (${range})`, points: 5, itemId: w.id };
    return {
      kind: 'window',
      text: `${plural(outside, 'day')} ${early > 0 ? 'before' : 'after'} ${w.title} (${range}), within the ${c.days} allowed`,
      points: 0,
      itemId: w.id,
    };
  }
  if (c.relation === 'before') {
    if (spanEnd > w.rawStart) return false;
    const gap = daysBetween(endDate, first);
    if (gap > c.days) return false;
    return {
      kind: 'window',
      text:
        gap <= 0
          ? `Ends as ${w.title} begins (${range})`
          : `Ends ${plural(gap, 'day')} before ${w.title} (${range}), within ${c.days}`,
      points: Math.round(10 * (1 - Math.max(0, gap) / (c.days + 1))),
      itemId: w.id,
    };
  }
  if (spanStart < w.rawEnd) return false;
  const gap = daysBetween(last, startDate);
  if (gap > c.days) return false;
  return {
    kind: 'window',
    text:
      gap <= 0
        ? `Starts as ${w.title} ends (${range})`
        : `Starts ${plural(gap, 'day')} after ${w.title} (${range}), within ${c.days}`,
    points: Math.round(10 * (1 - Math.max(0, gap) / (c.days + 1))),
    itemId: w.id,
  };
}

const WEEKDAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function dayReason(first: number, last: number, preferWeekdays: boolean): Reason {
  const weekend: string[] = [];
  for (let n = first; n <= last; n++) {
    const d = dateOfDayNumber(n);
    if (isoWeekday(d) >= 6) weekend.push(shortDate(d));
  }
  if (weekend.length > 0) {
    return {
      kind: 'days',
      text: `Includes a weekend: ${weekend.join(', ')}`,
      points: preferWeekdays ? -6 * weekend.length : 0,
    };
  }
  const a = WEEKDAY[isoWeekday(dateOfDayNumber(first))];
  const b = WEEKDAY[isoWeekday(dateOfDayNumber(last))];
  return { kind: 'days', text: `All on weekdays (${first === last ? a : `${a}–${b}`})`, points: 0 };
}

/** Points for a landmark `days` calendar days away: nothing from a week on, up to −16 on the same day. */
export function nearPoints(days: number): number {
  return days >= NEAR_DAYS ? 0 : -2 * (NEAR_DAYS + 1 - Math.max(0, days));
}

export function nearReasons(
  landmarks: readonly IntervalIndex<Busy>[],
  spanStart: number,
  spanEnd: number,
  startDate: string,
  endDate: string,
  avoid: readonly Busy[],
  windowId: string | undefined,
): Reason[] {
  const reasons: Reason[] = [];
  const seen = new Set<string>(windowId ? [windowId] : []);
  const describe = (b: Busy, side: 'before' | 'after'): Reason => {
    const { first, last } = b.days();
    const days = side === 'before' ? daysBetween(last, startDate) : daysBetween(endDate, first);
    const points = nearPoints(days);
    const what = b.kind === 'blackout' ? `${b.title}, a blackout for ${b.who}` : b.title;
    const when = side === 'before' ? `ends ${shortDate(last)}` : `starts ${shortDate(first)}`;
    if (points < 0) {
      const rel =
        days <= 0
          ? `Right ${side === 'before' ? 'after' : 'before'}`
          : `Only ${plural(days, 'day')} ${side === 'before' ? 'after' : 'before'}`;
      return { kind: 'near', text: `${rel} ${what} (${when})`, points, itemId: b.id };
    }
    return {
      kind: 'clear',
      text: `Clear of ${what} (${when}, ${plural(days, 'day')} ${side})`,
      points: 0,
      itemId: b.id,
    };
  };
  const add = (b: Busy, side: 'before' | 'after') => {
    // One reason per item, and one per title and dates (a blackout and a holiday of the same day).
    const { first, last } = b.days();
    const key = `${b.title}|${first}|${last}`;
    if (seen.has(b.id) || seen.has(key)) return;
    seen.add(b.id);
    seen.add(key);
    reasons.push(describe(b, side));
  };
  // Of commitments and of blackouts: everything within a week on each side, else the nearest
  // one on that side within two months.
  for (const index of landmarks) {
    const before = index.endingBefore(spanStart, 4, spanStart - (NEAR_DAYS + 1) * DAY_MS);
    const after = index.startingAfter(spanEnd, 4, spanEnd + (NEAR_DAYS + 1) * DAY_MS);
    for (const b of before.length > 0 ? before : index.endingBefore(spanStart, 1, spanStart - FAR_DAYS * DAY_MS))
      add(b, 'before');
    for (const b of after.length > 0 ? after : index.startingAfter(spanEnd, 1, spanEnd + FAR_DAYS * DAY_MS))
      add(b, 'after');
  }
  // Every named item to avoid, wherever it is.
  for (const b of avoid) add(b, b.rawEnd <= spanStart ? 'before' : 'after');
  return reasons.sort((x, y) => x.points - y.points);
}

/** Reasons in reading order: what adds points, then what costs them (most first), then the rest. */
export function orderReasons(reasons: Reason[]): Reason[] {
  const group = (r: Reason) => (r.points > 0 ? 0 : r.points < 0 ? 1 : 2);
  return reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => group(a.r) - group(b.r) || (group(a.r) === 1 ? a.r.points - b.r.points : 0) || a.i - b.i)
    .map((x) => x.r);
}

/** Points for a conflict the engine finds with a candidate, by severity. */
export const ENGINE_POINTS: Record<Severity, number> = { error: -30, warning: -10, info: 0 };
/** Days around a candidate the engine looks at: more than its location horizon. */
const ENGINE_MARGIN_MS = 4 * DAY_MS;

/**
 * The conflict engine's findings on a candidate, as reasons: the candidate applied to the plan
 * (a new tentative visit, or the visit moved) and the engine run on the items within four days
 * of it (so a check stays cheap on a large plan). Overlaps for information are not counted.
 */
export function engineReasons(plan: Plan, request: FinderRequest, candidate: Candidate): Reason[] {
  const visitId = request.moveVisitId ?? '__finder-candidate__';
  const applied = applyCandidateToPlan(plan, request, candidate, {
    visitId,
    title: 'Proposed visit',
    guestId: request.participantIds[0] ?? '',
    hostCountry: '',
    eventId: (i) => `${visitId}-day-${i + 1}`,
  });
  const from = toMs(candidate.startsAt) - ENGINE_MARGIN_MS;
  const to = toMs(candidate.endsAt) + ENGINE_MARGIN_MS;
  const near = (s: string, e: string) => toMs(s) < to && from < toMs(e);
  const local: Plan = {
    ...applied,
    events: applied.events.filter((e) => e.visitId === visitId || near(e.startsAt, e.endsAt)),
    legs: applied.legs.filter((l) => l.visitId === visitId || near(l.departsAt, l.arrivesAt)),
  };
  const mine = new Set<string>([
    visitId,
    ...local.events.filter((e) => e.visitId === visitId).map((e) => e.id as string),
    ...local.legs.filter((l) => l.visitId === visitId).map((l) => l.id as string),
  ]);
  // One reason per rule and severity: "at night locally, 3 times".
  const groups = new Map<string, { first: Conflict; count: number }>();
  for (const c of findConflicts(local, { includeOptional: true })) {
    if (c.severity === 'info' || !c.items.some((i) => mine.has(i.id))) continue;
    const key = `${c.rule}|${c.severity}`;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { first: c, count: 1 });
  }
  const reasons: Reason[] = [...groups.values()].map(({ first, count }) => ({
    kind: 'engine',
    text: `Conflict check: ${RULE_LABELS[first.rule].toLowerCase()}${count > 1 ? `, ${count} times` : ''} (${first.severity === 'error' ? 'error' : 'warning'}; ${first.margin})`,
    points: ENGINE_POINTS[first.severity] * count,
    detail: count > 1 ? `${first.explanation} And ${count - 1} more like it.` : first.explanation,
  }));
  if (reasons.length === 0)
    reasons.push({ kind: 'engine', text: 'The conflict check finds nothing against it', points: 0 });
  return reasons;
}
