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
import { effectivePlan } from './scenarios';
import { localToInstant, toInstant, toMs } from '../time';
import type { Plan } from '../model';
import {
  allowedSpan,
  collectBusy,
  movingVisit,
  paddedCommitments,
  type BusyLists,
  type MovingVisit,
} from './finder-busy';
import { checkRequest } from './finder-check';
import { dayReason, engineReasons, formatDayRange, nearReasons, orderReasons, windowFit } from './finder-reasons';
import type { Blocker, Busy, Candidate, FinderRequest, FinderResult, Interval, Reason } from './finder-types';
import { IntervalIndex } from './interval-index';
import { dateOfDayNumber, dayNumber, daysBetween, shiftVisitItems } from './visit-shift';

export * from './finder-types';
export { IntervalIndex } from './interval-index';
export { checkRequest } from './finder-check';
export { ENGINE_POINTS, engineReasons, formatDayRange, nearPoints } from './finder-reasons';
export { applyCandidateToPlan, candidateToNewVisit, hostCityOf, type NewVisitDetails } from './finder-visit';

const noSearch = (problems: string[]): FinderResult => ({
  candidates: [],
  considered: 0,
  feasible: 0,
  blockers: [],
  problems,
});

/**
 * Ranked candidate dates for a visit (see the module note). Deterministic: ties go to the
 * earlier date. Unless `distinct` is false, candidates returned do not overlap one another.
 */
export function findDates(plan: Plan, request: FinderRequest): FinderResult {
  const problems = checkRequest(plan, request);
  if (problems.length > 0) return noSearch(problems);
  const eff = effectivePlan(plan, { includeOptional: request.includeOptional, scenario: request.scenario ?? null });
  const moving = movingVisit(eff, request);
  if (typeof moving === 'string') return noSearch([moving]);
  const { feasible, considered, blockers } = scanStarts(eff, request, collectBusy(eff, request), moving);
  const candidates = pickBest(eff, request, feasible);
  return { candidates, considered, feasible: feasible.length, blockers, problems: [] };
}

/** Counts what ruled start days out, by item and reason. */
function blockerTally() {
  const counts = new Map<string, Blocker>();
  const block = (b: Busy, why: string) => {
    const key = `${b.id}|${why}`;
    const existing = counts.get(key);
    if (existing) existing.startDays += 1;
    else counts.set(key, { itemId: b.id, title: b.title, why, startDays: 1 });
  };
  const list = () => [...counts.values()].sort((a, b) => b.startDays - a.startDays || a.title.localeCompare(b.title));
  return { block, list };
}

/** What a visit starting on day number `n` occupies: each day's hours at the host, or the moved visit's items. */
function footprints(eff: Plan, request: FinderRequest, moving: MovingVisit | undefined) {
  // Each day's hours at the host, computed once per day (not once per candidate).
  const hoursOf = new Map<string, Interval>();
  const dayHours = (d: string): Interval => {
    let h = hoursOf.get(d);
    if (!h) {
      h = {
        startsAt: localToInstant(`${d}T${request.dayStart}`, request.timeZone),
        endsAt: localToInstant(`${d}T${request.dayEnd}`, request.timeZone),
        type: 'event',
      };
      hoursOf.set(d, h);
    }
    return h;
  };
  return (n: number, length: number): { footprint: Interval[]; offsetDays?: number } => {
    if (!moving) {
      const footprint: Interval[] = [];
      for (let i = 0; i < length; i++) footprint.push(dayHours(dateOfDayNumber(n + i)));
      return { footprint };
    }
    const offsetDays = daysBetween(moving.startDate, dateOfDayNumber(n));
    const shifted = shiftVisitItems(moving.items, offsetDays, eff.places);
    const footprint = [
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
    return { footprint, offsetDays };
  };
}

/**
 * Every start day in the range checked against the hard rules; the ones that pass become
 * candidates with their reasons and score, the ones that fail are counted against what blocked them.
 */
function scanStarts(eff: Plan, request: FinderRequest, lists: BusyLists, moving: MovingVisit | undefined) {
  const commitmentsFrom = paddedCommitments(lists, request.minGapDays);
  const blackoutIndex = new IntervalIndex(request.avoidBlackouts ? lists.blackouts : []);
  const avoidIndex = new IntervalIndex(lists.avoid);
  // Landmarks for reasons, unpadded: commitments and named items; blackouts.
  const unpadded = (b: Busy) => ({ ...b, start: b.rawStart, end: b.rawEnd });
  const landmarks = [
    new IntervalIndex([...lists.commitments, ...lists.avoid].map(unpadded)),
    new IntervalIndex(lists.blackouts.map(unpadded)),
  ];
  const { windowItem, windowZone } = lists;
  const allowed = allowedSpan(lists, request);
  const length = moving?.length ?? request.lengthDays;
  const footprintAt = footprints(eff, request, moving);
  const { block, list } = blockerTally();
  /** What rules a footprint out: an item to avoid, a blackout, or a commitment too near. */
  const ruleOut = (footprint: readonly Interval[], spanStart: number, spanEnd: number): boolean => {
    const hitAvoid = avoidIndex.overlapping(spanStart, spanEnd);
    if (hitAvoid) return (block(hitAvoid, 'during'), true);
    for (const f of footprint) {
      const a = toMs(f.startsAt);
      const b = toMs(f.endsAt);
      const blackout = f.type === 'event' ? blackoutIndex.overlapping(a, b) : undefined;
      if (blackout) return (block(blackout, 'a blackout'), true);
      const busy =
        f.type === 'leg'
          ? (commitmentsFrom(f.placeId).overlapping(a, b) ?? commitmentsFrom(f.endPlaceId).overlapping(a, b))
          : commitmentsFrom(f.placeId ?? request.hostPlaceId).overlapping(a, b);
      if (busy) return (block(busy, busy.rawStart < b && a < busy.rawEnd ? 'during' : 'too close'), true);
    }
    return false;
  };

  const feasible: Candidate[] = [];
  let considered = 0;
  const lastStart = dayNumber(request.to) - (length - 1);
  for (let n = dayNumber(request.from); n <= lastStart; n++) {
    considered += 1;
    const day = dateOfDayNumber(n);
    const endDay = dateOfDayNumber(n + length - 1);
    const { footprint, offsetDays } = footprintAt(n, length);
    let spanStart = Infinity;
    let spanEnd = -Infinity;
    for (const f of footprint) {
      spanStart = Math.min(spanStart, toMs(f.startsAt));
      spanEnd = Math.max(spanEnd, toMs(f.endsAt));
    }
    if (ruleOut(footprint, spanStart, spanEnd)) continue;
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
    reasons.push(...nearReasons(landmarks, spanStart, spanEnd, day, endDay, lists.avoid, windowItem?.id));
    const ordered = orderReasons(reasons);
    feasible.push({
      startDate: day,
      endDate: endDay,
      label: '',
      startsAt: toInstant(spanStart),
      endsAt: toInstant(spanEnd),
      footprint,
      ...(offsetDays !== undefined ? { offsetDays } : {}),
      score: 100 + ordered.reduce((sum, r) => sum + r.points, 0),
      reasons: ordered,
    });
  }
  return { feasible, considered, blockers: list() };
}

/**
 * The best candidates, best first. Before a candidate is picked the conflict engine checks it
 * (on the plan near its dates) and its findings lower its score, so it may drop back in the queue.
 */
function pickBest(eff: Plan, request: FinderRequest, feasible: readonly Candidate[]): Candidate[] {
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
  return picked;
}
