/**
 * The date finder: when could a visit happen? Given who takes part, how many days, a search range
 * of local days at the host, the local hours needed each day and constraints, it proposes ranked
 * candidate dates, each score broken down into reasons in plain words.
 *
 * Hard rules (a candidate breaking one is ruled out, and the item that ruled it out is counted):
 * - not during a named item (`avoidItemIds`): no overlap with the visit's whole span;
 * - no blackout that applies to a participant (windows of kind `blackout` and holiday events
 *   whose participants are empty or shared) overlaps a day's hours (when `avoidBlackouts`);
 * - no other commitment of a participant (events other than notes and holidays, and legs; not
 *   cancelled or postponed, nor in a cancelled or postponed visit) comes within `minGapDays` of
 *   the visit's hours, nor closer than the shortest plausible trip between its place and the
 *   host place (plus two hours); a leg leaving from another city needs two days after the visit
 *   (`LOCATION_HORIZON_MS`), since no leg away from the host is planned;
 * - the visit lies in or around the chosen window as asked.
 * Soft preferences lower the score from 100: a weekend day, a blackout or commitment within a
 * week on either side; being close to the window asked for raises it.
 *
 * Efficiency: busy intervals are sorted once (O(n log n)); each candidate day is then checked by
 * binary search over them with a running maximum of their ends, never by scanning every item.
 * Intervals are half-open, UTC ms.
 */
import { DateTime } from 'luxon';
import { DEFAULT_SETTINGS, findConflicts, RULE_LABELS, type Conflict, type Severity } from '../conflicts';
import { shortestTripMs } from '../geo';
import type { Leg, Place, Plan, PlanEvent, PlanWindow, Scenario, Visit } from '../model';
import { effectivePlan } from './scenarios';
import {
  formatLocalDateRange,
  isValidZone,
  localDateOf,
  localDaysToInstants,
  localToInstant,
  toInstant,
  toMs,
} from '../time';
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  isoWeekday,
  shiftVisitItems,
  visitHostDays,
  visitItems,
  type VisitItems,
} from './visit-shift';

const DAY_MS = 86_400_000;
/**
 * After a visit, a participant's leg from another city must leave more than this long after it:
 * until then the conflict engine takes them to be still at the host (its `locationHorizonHours`,
 * end included), with no leg planned away. A minute over the horizon.
 */
export const LOCATION_HORIZON_MS = DEFAULT_SETTINGS.locationHorizonHours * 3_600_000 + 60_000;
/** Slack added to a plausible trip before a commitment elsewhere counts as reachable, ms. */
export const TRAVEL_SLACK_MS = 2 * 3_600_000;
/** How near (calendar days) a blackout or commitment must be to cost points. */
export const NEAR_DAYS = 7;
/** How far (days) a landmark may be and still be named as "clear of". */
const FAR_DAYS = 60;
const MAX_RANGE_DAYS = 3 * 366;

export type WindowRelation = 'within' | 'before' | 'after';

export interface FinderRequest {
  participantIds: readonly string[];
  /** Days at the host (1–60). When moving a visit, its own length is used instead. */
  lengthDays: number;
  /** First and last local day (in `timeZone`) the visit may occupy, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** The host place's zone: days and hours are local there. */
  timeZone: string;
  hostPlaceId?: string;
  /** Local hours needed each day, `HH:mm`, start before end. Not used when moving a visit. */
  dayStart: string;
  dayEnd: string;
  avoidBlackouts: boolean;
  /** Whole days to keep clear between the visit and other commitments of its participants. */
  minGapDays: number;
  /** In or around a window or event: `within` (up to `days` outside it), or ending/starting at most `days` before/after it. */
  window?: { itemId: string; relation: WindowRelation; days: number };
  /** Events or windows the visit must not meet. */
  avoidItemIds: readonly string[];
  /** Move this visit (its events and legs) instead of creating a new one. */
  moveVisitId?: string;
  /** Weekend days cost points. */
  preferWeekdays: boolean;
  /** Which optional items are in, or a scenario (its optional items and alternative dates). */
  includeOptional: boolean | readonly string[];
  scenario?: Scenario | null;
  /** How many candidates to return (default 8). */
  limit?: number;
  /** Return only candidates that do not overlap a better one (default true). */
  distinct?: boolean;
  /** Check the best candidates with the conflict engine and score its findings (default true). */
  engineCheck?: boolean;
}

export type ReasonKind = 'clear' | 'near' | 'window' | 'days' | 'engine';

export interface Reason {
  kind: ReasonKind;
  /** Plain words: "Clear of UNGA 81 general debate (ends Mon 28 Sep, 3 days before)". */
  text: string;
  /** Added to the score (0 for a reason that only informs). */
  points: number;
  itemId?: string;
  /** The conflict engine's explanation, for an `engine` reason. */
  detail?: string;
}

export interface Interval {
  startsAt: string;
  endsAt: string;
  /** A day's hours or a moved event (checked against blackouts), or a moved leg (travel: not). */
  type: 'event' | 'leg';
  /** Where it is (a leg: where it leaves from, and `endPlaceId` where it arrives). */
  placeId?: string;
  endPlaceId?: string;
}

export interface Candidate {
  /** First and last local day at the host (inclusive). */
  startDate: string;
  endDate: string;
  /** "Wed 12 – Fri 14 Aug 2026". */
  label: string;
  /** The whole span the visit occupies (UTC). */
  startsAt: string;
  endsAt: string;
  /** A new visit: its hours each day. A moved visit: its items' new times. */
  footprint: Interval[];
  /** Days the visit moves by (when moving one). */
  offsetDays?: number;
  score: number;
  reasons: Reason[];
}

export interface Blocker {
  itemId: string;
  title: string;
  /** "during", "a blackout", "too close", "outside the window". */
  why: string;
  /** How many start days it ruled out. */
  startDays: number;
}

export interface FinderResult {
  candidates: Candidate[];
  /** Start days tried and start days that passed every hard rule. */
  considered: number;
  feasible: number;
  /** What ruled days out, most first. */
  blockers: Blocker[];
  /** What is wrong with the request, in plain words; no search is made when not empty. */
  problems: string[];
}

interface Busy {
  start: number;
  end: number;
  /** The unpadded interval (for "during" vs "too close"). */
  rawStart: number;
  rawEnd: number;
  id: string;
  title: string;
  kind: 'commitment' | 'blackout' | 'avoid' | 'window';
  /** First and last local day of the item in its own zone (computed on first use). */
  days: () => { first: string; last: string };
  /** "a blackout for Xi Jinping", "Donald J. Trump", … */
  who: string;
}

/**
 * Intervals sorted by start with a running maximum of their ends: "does anything overlap
 * [a, b)?" is one binary search. Also nearest-before/after queries for reasons.
 */
export class IntervalIndex<T extends { start: number; end: number }> {
  private readonly byStart: T[];
  private readonly starts: number[];
  private readonly maxEndIdx: number[];
  private readonly byEnd: T[];
  private readonly ends: number[];

  constructor(items: readonly T[]) {
    this.byStart = [...items].sort((x, y) => x.start - y.start);
    this.starts = this.byStart.map((x) => x.start);
    this.maxEndIdx = [];
    let best = -1;
    for (let i = 0; i < this.byStart.length; i++) {
      if (best < 0 || this.byStart[i]!.end > this.byStart[best]!.end) best = i;
      this.maxEndIdx.push(best);
    }
    this.byEnd = [...items].sort((x, y) => x.end - y.end);
    this.ends = this.byEnd.map((x) => x.end);
  }

  get size(): number {
    return this.byStart.length;
  }

  /** An item overlapping [a, b) (the one reaching furthest), or undefined. */
  overlapping(a: number, b: number): T | undefined {
    const k = lowerBound(this.starts, b);
    if (k === 0) return undefined;
    const item = this.byStart[this.maxEndIdx[k - 1]!]!;
    return item.end > a ? item : undefined;
  }

  /** Up to `n` items ending at or before `t`, latest end first, ending after `since`. */
  endingBefore(t: number, n: number, since = -Infinity): T[] {
    const out: T[] = [];
    for (let i = upperBound(this.ends, t) - 1; i >= 0 && out.length < n && this.ends[i]! > since; i--)
      out.push(this.byEnd[i]!);
    return out;
  }

  /** Up to `n` items starting at or after `t`, earliest first, starting before `until`. */
  startingAfter(t: number, n: number, until = Infinity): T[] {
    const out: T[] = [];
    for (let i = lowerBound(this.starts, t); i < this.starts.length && out.length < n && this.starts[i]! < until; i++)
      out.push(this.byStart[i]!);
    return out;
  }
}

/** First index with a[i] >= x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[i] > x. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a request, in plain words (empty when it can be searched). */
export function checkRequest(plan: Plan, r: FinderRequest): string[] {
  const problems: string[] = [];
  if (r.participantIds.length === 0) problems.push('Choose at least one participant.');
  if (!isValidZone(r.timeZone)) problems.push('Choose the host place or a time zone.');
  const validDate = (d: string) => DATE.test(d) && DateTime.fromISO(d, { zone: 'utc' }).isValid;
  if (!validDate(r.from)) problems.push('The search range needs a first day.');
  if (!validDate(r.to)) problems.push('The search range needs a last day.');
  if (validDate(r.from) && validDate(r.to)) {
    if (r.to < r.from) problems.push('The last day of the search range is before the first.');
    else if (daysBetween(r.from, r.to) > MAX_RANGE_DAYS) problems.push('Search at most three years at a time.');
  }
  if (!r.moveVisitId) {
    if (!Number.isInteger(r.lengthDays) || r.lengthDays < 1 || r.lengthDays > 60)
      problems.push('The visit lasts 1 to 60 days.');
    if (!TIME.test(r.dayStart) || !TIME.test(r.dayEnd)) problems.push('Give the daily hours as HH:MM.');
    else if (r.dayEnd <= r.dayStart) problems.push('The daily hours must end after they start.');
  } else if (!plan.visits.some((v) => v.id === r.moveVisitId)) {
    problems.push('The visit to move is not in the plan.');
  }
  if (!Number.isInteger(r.minGapDays) || r.minGapDays < 0 || r.minGapDays > 60)
    problems.push('Days to keep clear: a whole number from 0 to 60.');
  if (r.window) {
    if (!plan.windows.some((w) => w.id === r.window!.itemId) && !plan.events.some((e) => e.id === r.window!.itemId))
      problems.push('The window to plan against is not in the plan.');
    if (!Number.isInteger(r.window.days) || r.window.days < 0 || r.window.days > 365)
      problems.push('Days around the window: a whole number from 0 to 365.');
  }
  return problems;
}

const NOT_HAPPENING = new Set(['cancelled', 'postponed']);

/** First and last local day of an item in its zone, computed once on first use. */
function lazyDays(startsAt: string, endsAt: string, zone: string, startDate?: string, endDate?: string) {
  let memo: { first: string; last: string } | undefined;
  return () =>
    (memo ??= {
      first: startDate ?? localDateOf(startsAt, zone),
      last: endDate ?? localDateOf(toInstant(Math.max(toMs(startsAt), toMs(endsAt) - 1)), zone),
    });
}

const shortDates = new Map<string, string>();
/** "Wed 12 Aug" (memoised: few distinct dates appear in reasons). */
function shortDate(date: string): string {
  let s = shortDates.get(date);
  if (s === undefined) {
    s = DateTime.fromISO(date, { zone: 'utc' }).toFormat('ccc d LLL');
    if (shortDates.size < 5000) shortDates.set(date, s);
  }
  return s;
}

/** "Wed 12 – Fri 14 Aug 2026", "Mon 31 Aug – Wed 2 Sep 2026", "Thu 31 Dec 2026 – Sat 2 Jan 2027". */
export const formatDayRange = formatLocalDateRange;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Ranked candidate dates for a visit (see the module note). Deterministic: ties go to the
 * earlier date. Unless `distinct` is false, candidates returned do not overlap one another.
 */
export function findDates(plan: Plan, request: FinderRequest): FinderResult {
  const problems = checkRequest(plan, request);
  if (problems.length > 0) return { candidates: [], considered: 0, feasible: 0, blockers: [], problems };

  const eff = effectivePlan(plan, { includeOptional: request.includeOptional, scenario: request.scenario ?? null });
  const zone = request.timeZone;
  const who = new Set(request.participantIds);
  const nameOf = new Map(eff.participants.map((p) => [p.id as string, p.name]));
  const placeById = new Map(eff.places.map((p) => [p.id as string, p]));
  const gapMs = request.minGapDays * DAY_MS;
  const shares = (ids: readonly string[]) => ids.some((id) => who.has(id));
  const applies = (ids: readonly string[]) => ids.length === 0 || shares(ids);
  const whoText = (ids: readonly string[]) =>
    ids.length === 0
      ? 'everyone'
      : ids
          .filter((id) => who.has(id))
          .map((id) => nameOf.get(id) ?? id)
          .join(' and ');
  const cityOf = (placeId: string | undefined) => {
    const p = placeId ? placeById.get(placeId) : undefined;
    return p ? (p.cityId ?? p.id) : undefined;
  };

  /** Commitments unpadded, with the places at their start and end (for travel). */
  const commitments: (Busy & { startPlace?: string; endPlace?: string; isLeg: boolean })[] = [];
  const blackouts: Busy[] = [];
  const avoid: Busy[] = [];
  const avoidIds = new Set(request.avoidItemIds);

  const eventBusy = (e: PlanEvent, kind: Busy['kind'], lead: number, tail: number, whoLabel: string): Busy => ({
    start: toMs(e.startsAt) - lead,
    end: toMs(e.endsAt) + tail,
    rawStart: toMs(e.startsAt),
    rawEnd: toMs(e.endsAt),
    id: e.id,
    title: e.title,
    kind,
    days: lazyDays(e.startsAt, e.endsAt, e.timeZone, e.startDate, e.endDate),
    who: whoLabel,
  });
  const windowBusy = (w: PlanWindow, kind: Busy['kind'], whoLabel: string): Busy => ({
    start: toMs(w.startsAt),
    end: toMs(w.endsAt),
    rawStart: toMs(w.startsAt),
    rawEnd: toMs(w.endsAt),
    id: w.id,
    title: w.title,
    kind,
    days: () => ({ first: w.startDate, last: w.endDate }),
    who: whoLabel,
  });
  const legBusy = (l: Leg): Busy & { startPlace?: string; endPlace?: string; isLeg: boolean } => {
    const fromZone = placeById.get(l.fromPlaceId)?.timeZone ?? 'UTC';
    const toZone = placeById.get(l.toPlaceId)?.timeZone ?? 'UTC';
    const from = placeById.get(l.fromPlaceId)?.name ?? l.fromPlaceId;
    const to = placeById.get(l.toPlaceId)?.name ?? l.toPlaceId;
    let memo: { first: string; last: string } | undefined;
    return {
      start: toMs(l.departsAt),
      end: toMs(l.arrivesAt),
      startPlace: l.fromPlaceId,
      endPlace: l.toPlaceId,
      isLeg: true,
      rawStart: toMs(l.departsAt),
      rawEnd: toMs(l.arrivesAt),
      id: l.id,
      title: `${from} → ${to}${l.number ? ` (${l.number})` : ''}`,
      kind: 'commitment',
      days: () => (memo ??= { first: localDateOf(l.departsAt, fromZone), last: localDateOf(l.arrivesAt, toZone) }),
      who: whoText(l.participantIds),
    };
  };

  const offVisits = new Set(eff.visits.filter((v) => NOT_HAPPENING.has(v.status)).map((v) => v.id as string));
  for (const e of eff.events) {
    if (request.moveVisitId && e.visitId === request.moveVisitId) continue;
    if (avoidIds.has(e.id)) avoid.push(eventBusy(e, 'avoid', 0, 0, whoText(e.participantIds)));
    if (NOT_HAPPENING.has(e.status) || e.kind === 'note' || (e.visitId && offVisits.has(e.visitId))) continue;
    if (e.kind === 'holiday') {
      if (applies(e.participantIds)) blackouts.push(eventBusy(e, 'blackout', 0, 0, whoText(e.participantIds)));
      continue;
    }
    if (!shares(e.participantIds)) continue;
    commitments.push({
      ...eventBusy(e, 'commitment', 0, 0, whoText(e.participantIds)),
      startPlace: e.placeId,
      endPlace: e.placeId,
      isLeg: false,
    });
  }
  for (const l of eff.legs) {
    if (request.moveVisitId && l.visitId === request.moveVisitId) continue;
    if (NOT_HAPPENING.has(l.status) || !shares(l.participantIds) || (l.visitId && offVisits.has(l.visitId))) continue;
    commitments.push(legBusy(l));
  }
  for (const w of eff.windows) {
    if (avoidIds.has(w.id)) avoid.push(windowBusy(w, 'avoid', whoText(w.participantIds)));
    if (w.kind === 'blackout' && !NOT_HAPPENING.has(w.status) && applies(w.participantIds))
      blackouts.push(windowBusy(w, 'blackout', whoText(w.participantIds)));
  }

  /**
   * Commitments padded as seen from a place the visit is at: by the days to keep clear, the
   * shortest plausible trip to or from that place, and the location horizon for a leg leaving
   * from another city. One index per place, built on first use.
   */
  const indexes = new Map<string, IntervalIndex<Busy>>();
  const commitmentsFrom = (refPlaceId: string | undefined): IntervalIndex<Busy> => {
    const key = refPlaceId ?? '';
    let index = indexes.get(key);
    if (!index) {
      const ref = refPlaceId ? placeById.get(refPlaceId) : undefined;
      const refCity = cityOf(refPlaceId);
      const trips = new Map<string, number>();
      const trip = (placeId: string | undefined) => {
        const p = placeId ? placeById.get(placeId) : undefined;
        if (!p || !ref) return 0;
        let t = trips.get(p.id);
        if (t === undefined) {
          const ms = shortestTripMs(p, ref).ms;
          t = ms > 0 ? ms + TRAVEL_SLACK_MS : 0;
          trips.set(p.id, t);
        }
        return t;
      };
      index = new IntervalIndex(
        commitments.map((c) => {
          const fromElsewhere = c.isLeg && cityOf(c.startPlace) !== undefined && cityOf(c.startPlace) !== refCity;
          const lead = Math.max(gapMs, trip(c.startPlace), fromElsewhere ? LOCATION_HORIZON_MS : 0);
          const tail = Math.max(gapMs, trip(c.endPlace));
          return { ...c, start: c.rawStart - lead, end: c.rawEnd + tail };
        }),
      );
      indexes.set(key, index);
    }
    return index;
  };
  const blackoutIndex = new IntervalIndex(request.avoidBlackouts ? blackouts : []);
  const avoidIndex = new IntervalIndex(avoid);
  // Landmarks for reasons, unpadded: commitments and named items; blackouts.
  const unpadded = (b: Busy) => ({ ...b, start: b.rawStart, end: b.rawEnd });
  const landmarks = [
    new IntervalIndex([...commitments, ...avoid].map(unpadded)),
    new IntervalIndex(blackouts.map(unpadded)),
  ];

  let windowItem: Busy | undefined;
  let windowZone = zone;
  if (request.window) {
    const w = eff.windows.find((x) => x.id === request.window!.itemId);
    const e = eff.events.find((x) => x.id === request.window!.itemId);
    windowItem = w ? windowBusy(w, 'window', '') : e ? eventBusy(e, 'window', 0, 0, '') : undefined;
    windowZone = w?.timeZone ?? e?.timeZone ?? zone;
  }
  // `within`: the visit's whole span (legs too) inside the window's local days, give or take the margin.
  let allowed: { start: number; end: number } | undefined;
  if (windowItem && request.window?.relation === 'within') {
    const { first, last } = windowItem.days();
    const m = request.window.days;
    const bounds = localDaysToInstants(addDays(first, -m), addDays(last, m), windowZone);
    allowed = { start: toMs(bounds.startsAt), end: toMs(bounds.endsAt) };
  }

  // The visit to move: its items, and the local days it now spends at the host.
  let moving: { items: VisitItems; startDate: string; length: number } | undefined;
  if (request.moveVisitId) {
    const items = visitItems(eff, request.moveVisitId);
    const days = visitHostDays(items, zone);
    if (!days) {
      return {
        candidates: [],
        considered: 0,
        feasible: 0,
        blockers: [],
        problems: ['The visit to move has no events or legs yet.'],
      };
    }
    moving = { items, startDate: days.startDate, length: daysBetween(days.startDate, days.endDate) + 1 };
  }
  const length = moving?.length ?? request.lengthDays;

  const blockerCounts = new Map<string, Blocker>();
  const block = (b: Busy, why: string) => {
    const key = `${b.id}|${why}`;
    const existing = blockerCounts.get(key);
    if (existing) existing.startDays += 1;
    else blockerCounts.set(key, { itemId: b.id, title: b.title, why, startDays: 1 });
  };

  // Each day's hours at the host, computed once per day (not once per candidate).
  const hoursOf = new Map<string, Interval>();
  const dayHours = (d: string): Interval => {
    let h = hoursOf.get(d);
    if (!h) {
      h = {
        startsAt: localToInstant(`${d}T${request.dayStart}`, zone),
        endsAt: localToInstant(`${d}T${request.dayEnd}`, zone),
        type: 'event',
      };
      hoursOf.set(d, h);
    }
    return h;
  };

  const feasible: Candidate[] = [];
  let considered = 0;
  const firstStart = dayNumber(request.from);
  const lastStart = dayNumber(request.to) - (length - 1);
  for (let n = firstStart; n <= lastStart; n++) {
    considered += 1;
    const day = dateOfDayNumber(n);
    const endDay = dateOfDayNumber(n + length - 1);
    let footprint: Interval[];
    let offsetDays: number | undefined;
    if (moving) {
      offsetDays = daysBetween(moving.startDate, day);
      const shifted = shiftVisitItems(moving.items, offsetDays, eff.places);
      footprint = [
        ...shifted.events.map((e): Interval => ({
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          type: 'event',
          ...(e.placeId ? { placeId: e.placeId } : {}),
        })),
        ...shifted.legs.map((l): Interval => ({
          startsAt: l.departsAt,
          endsAt: l.arrivesAt,
          type: 'leg',
          placeId: l.fromPlaceId,
          endPlaceId: l.toPlaceId,
        })),
      ].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
    } else {
      footprint = [];
      for (let i = 0; i < length; i++) footprint.push(dayHours(dateOfDayNumber(n + i)));
    }
    let spanStart = Infinity;
    let spanEnd = -Infinity;
    for (const f of footprint) {
      spanStart = Math.min(spanStart, toMs(f.startsAt));
      spanEnd = Math.max(spanEnd, toMs(f.endsAt));
    }

    const hitAvoid = avoidIndex.overlapping(spanStart, spanEnd);
    if (hitAvoid) {
      block(hitAvoid, 'during');
      continue;
    }
    let ruledOut = false;
    for (const f of footprint) {
      const a = toMs(f.startsAt);
      const b = toMs(f.endsAt);
      const blackout = f.type === 'event' ? blackoutIndex.overlapping(a, b) : undefined;
      if (blackout) {
        block(blackout, 'a blackout');
        ruledOut = true;
        break;
      }
      const busy =
        f.type === 'leg'
          ? (commitmentsFrom(f.placeId).overlapping(a, b) ?? commitmentsFrom(f.endPlaceId).overlapping(a, b))
          : commitmentsFrom(f.placeId ?? request.hostPlaceId).overlapping(a, b);
      if (busy) {
        block(busy, busy.rawStart < b && a < busy.rawEnd ? 'during' : 'too close');
        ruledOut = true;
        break;
      }
    }
    if (ruledOut) continue;
    const windowReason =
      windowItem && request.window
        ? windowFit(windowItem, request.window, day, endDay, spanStart, spanEnd, allowed, windowZone)
        : null;
    if (windowReason === false) {
      block(windowItem!, 'outside the window');
      continue;
    }

    const reasons: Reason[] = [];
    if (windowReason) reasons.push(windowReason);
    reasons.push(dayReason(n, n + length - 1, request.preferWeekdays));
    reasons.push(...nearReasons(landmarks, spanStart, spanEnd, day, endDay, avoid, windowItem?.id));
    reasons.splice(0, reasons.length, ...orderReasons(reasons));
    const score = 100 + reasons.reduce((sum, r) => sum + r.points, 0);
    feasible.push({
      startDate: day,
      endDate: endDay,
      label: '',
      startsAt: toInstant(spanStart),
      endsAt: toInstant(spanEnd),
      footprint,
      ...(offsetDays !== undefined ? { offsetDays } : {}),
      score,
      reasons,
    });
  }

  // Pick the best, best first; before a candidate is picked the conflict engine checks it (on
  // the plan near its dates) and its findings lower its score, so it may drop back in the queue.
  const limit = request.limit ?? 8;
  const maxChecks = request.engineCheck === false ? 0 : limit * 4;
  const byRank = (a: Candidate, b: Candidate) => b.score - a.score || a.startDate.localeCompare(b.startDate);
  const queue = [...feasible].sort(byRank);
  const checked = new Set<Candidate>();
  const picked: Candidate[] = [];
  while (queue.length > 0 && picked.length < limit) {
    const c = queue.shift()!;
    if (request.distinct !== false && picked.some((p) => p.startDate <= c.endDate && c.startDate <= p.endDate))
      continue;
    if (!checked.has(c) && checked.size < maxChecks) {
      const reasons = engineReasons(eff, request, c);
      const next: Candidate = {
        ...c,
        reasons: orderReasons([...c.reasons, ...reasons]),
        score: c.score + reasons.reduce((sum, r) => sum + r.points, 0),
      };
      checked.add(next);
      const at = queue.findIndex((q) => byRank(next, q) <= 0);
      queue.splice(at < 0 ? queue.length : at, 0, next);
      continue;
    }
    picked.push({ ...c, label: formatDayRange(c.startDate, c.endDate) });
  }
  const blockers = [...blockerCounts.values()].sort(
    (a, b) => b.startDays - a.startDays || a.title.localeCompare(b.title),
  );
  return { candidates: picked, considered, feasible: feasible.length, blockers, problems: [] };
}

/** A window reason, `false` when the candidate breaks the window constraint. */
function windowFit(
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

function dayReason(first: number, last: number, preferWeekdays: boolean): Reason {
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

function nearReasons(
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
function orderReasons(reasons: Reason[]): Reason[] {
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

export interface NewVisitDetails {
  visitId: string;
  title: string;
  guestId: string;
  hostCountry: string;
  /** Id for the event of day `i` (0-based). */
  eventId: (i: number) => string;
}

/**
 * A tentative visit for a candidate: the Visit and one visit-day event per day over the day's
 * hours, at the host place, in the host zone. Records as they would be stored (unvalidated).
 */
export function candidateToNewVisit(
  request: FinderRequest,
  candidate: Candidate,
  details: NewVisitDetails,
): { visit: Visit; events: PlanEvent[] } {
  const notes = `Proposed by the date finder. ${candidate.reasons.map((r) => r.text).join('. ')}.`;
  const withinWindow = request.window?.relation === 'within' ? request.window : undefined;
  const visit = {
    id: details.visitId,
    title: details.title,
    guestId: details.guestId,
    hostCountry: details.hostCountry,
    participantIds: [...request.participantIds],
    status: 'tentative',
    notes,
    sources: [],
    topics: [],
    ...(withinWindow ? { windowId: withinWindow.itemId, windowMarginDays: withinWindow.days } : {}),
  } as unknown as Visit;
  const events = candidate.footprint.map(
    (f, i) =>
      ({
        id: details.eventId(i),
        title: `${details.title}: day ${i + 1}`,
        kind: 'visit-day',
        status: 'tentative',
        allDay: false,
        startsAt: f.startsAt,
        endsAt: f.endsAt,
        timeZone: request.timeZone,
        ...(request.hostPlaceId ? { placeId: request.hostPlaceId } : {}),
        participantIds: [...request.participantIds],
        visitId: details.visitId,
        optional: false,
        sources: [],
        topics: [],
      }) as unknown as PlanEvent,
  );
  return { visit, events };
}

/** The plan with a candidate applied: a new tentative visit added, or the moved visit's items shifted. */
export function applyCandidateToPlan(
  plan: Plan,
  request: FinderRequest,
  candidate: Candidate,
  details: NewVisitDetails,
): Plan {
  if (request.moveVisitId && candidate.offsetDays !== undefined) {
    const shifted = shiftVisitItems(visitItems(plan, request.moveVisitId), candidate.offsetDays, plan.places);
    const ev = new Map(shifted.events.map((e) => [e.id as string, e]));
    const lg = new Map(shifted.legs.map((l) => [l.id as string, l]));
    return {
      ...plan,
      events: plan.events.map((e) => ev.get(e.id) ?? e),
      legs: plan.legs.map((l) => lg.get(l.id) ?? l),
    };
  }
  const { visit, events } = candidateToNewVisit(request, candidate, details);
  return { ...plan, visits: [...plan.visits, visit], events: [...plan.events, ...events] };
}

/** The city a place belongs to (itself if it is one). */
export function hostCityOf(places: readonly Place[], placeId: string | undefined): Place | undefined {
  if (!placeId) return undefined;
  const p = places.find((x) => x.id === placeId);
  if (!p) return undefined;
  return p.cityId ? (places.find((x) => x.id === p.cityId) ?? p) : p;
}
