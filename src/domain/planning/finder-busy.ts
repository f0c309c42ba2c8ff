/**
 * What the date finder searches around: the participants' commitments (padded by the days to
 * keep clear and the trip to the place a visit is at), the blackouts that apply to them, the
 * items to avoid, the window to plan against and, when moving a draft, its items.
 */
import { shortestTripMs } from '../geo';
import type { Leg, Place, Plan, PlanEvent, PlanWindow } from '../model';
import { localDateOf, localDaysToInstants, toInstant, toMs } from '../time';
import {
  DAY_MS,
  LOCATION_HORIZON_MS,
  NOT_HAPPENING,
  TRAVEL_SLACK_MS,
  type Busy,
  type FinderRequest,
} from './finder-types';
import { IntervalIndex } from './interval-index';
import { addDays, daysBetween, visitHostDays, visitItems, type VisitItems } from './visit-shift';

/** A commitment, with the places at its start and end (for travel). */
export type Commitment = Busy & { startPlace?: string; endPlace?: string; isLeg: boolean };

/** First and last local day of an item in its zone, computed once on first use. */
function lazyDays(startsAt: string, endsAt: string, zone: string, startDate?: string, endDate?: string) {
  let memo: { first: string; last: string } | undefined;
  return () =>
    (memo ??= {
      first: startDate ?? localDateOf(startsAt, zone),
      last: endDate ?? localDateOf(toInstant(Math.max(toMs(startsAt), toMs(endsAt) - 1)), zone),
    });
}

/** Busy intervals of events, windows and legs, with "who" in words. */
function busyMakers(eff: Plan, request: FinderRequest) {
  const who = new Set(request.participantIds);
  const nameOf = new Map(eff.participants.map((p) => [p.id as string, p.name]));
  const placeById = new Map(eff.places.map((p) => [p.id as string, p]));
  const whoText = (ids: readonly string[]) =>
    ids.length === 0
      ? 'everyone'
      : ids
          .filter((id) => who.has(id))
          .map((id) => nameOf.get(id) ?? id)
          .join(' and ');
  const eventBusy = (e: PlanEvent, kind: Busy['kind'], whoLabel: string): Busy => ({
    start: toMs(e.startsAt),
    end: toMs(e.endsAt),
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
  const legBusy = (l: Leg): Commitment => {
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
  return { who, placeById, whoText, eventBusy, windowBusy, legBusy };
}

export interface BusyLists {
  commitments: Commitment[];
  blackouts: Busy[];
  avoid: Busy[];
  placeById: Map<string, Place>;
  /** The window or event to plan against, and the zone its days are in. */
  windowItem?: Busy;
  windowZone: string;
}

/** The participants' commitments, the blackouts that apply to them, the items to avoid and the window. */
export function collectBusy(eff: Plan, request: FinderRequest): BusyLists {
  const { who, placeById, whoText, eventBusy, windowBusy, legBusy } = busyMakers(eff, request);
  const shares = (ids: readonly string[]) => ids.some((id) => who.has(id));
  const applies = (ids: readonly string[]) => ids.length === 0 || shares(ids);
  const commitments: Commitment[] = [];
  const blackouts: Busy[] = [];
  const avoid: Busy[] = [];
  const avoidIds = new Set(request.avoidItemIds);
  const offVisits = new Set(eff.visits.filter((v) => NOT_HAPPENING.has(v.status)).map((v) => v.id as string));
  for (const e of eff.events) {
    if (request.moveVisitId && e.visitId === request.moveVisitId) continue;
    if (avoidIds.has(e.id)) avoid.push(eventBusy(e, 'avoid', whoText(e.participantIds)));
    if (NOT_HAPPENING.has(e.status) || e.kind === 'note' || (e.visitId && offVisits.has(e.visitId))) continue;
    if (e.kind === 'holiday') {
      if (applies(e.participantIds)) blackouts.push(eventBusy(e, 'blackout', whoText(e.participantIds)));
      continue;
    }
    if (!shares(e.participantIds)) continue;
    const busy = eventBusy(e, 'commitment', whoText(e.participantIds));
    commitments.push({ ...busy, startPlace: e.placeId, endPlace: e.placeId, isLeg: false });
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
  const lists: BusyLists = { commitments, blackouts, avoid, placeById, windowZone: request.timeZone };
  if (request.window) {
    const w = eff.windows.find((x) => x.id === request.window!.itemId);
    const e = eff.events.find((x) => x.id === request.window!.itemId);
    const item = w ? windowBusy(w, 'window', '') : e ? eventBusy(e, 'window', '') : undefined;
    if (item) lists.windowItem = item;
    lists.windowZone = w?.timeZone ?? e?.timeZone ?? request.timeZone;
  }
  return lists;
}

/**
 * Commitments padded as seen from a place the visit is at: by the days to keep clear, the
 * shortest plausible trip to or from that place, and the location horizon for a leg leaving
 * from another city. One index per place, built on first use.
 */
export function paddedCommitments(
  lists: BusyLists,
  minGapDays: number,
): (refPlaceId: string | undefined) => IntervalIndex<Busy> {
  const { commitments, placeById } = lists;
  const gapMs = minGapDays * DAY_MS;
  const cityOf = (placeId: string | undefined) => {
    const p = placeId ? placeById.get(placeId) : undefined;
    return p ? (p.cityId ?? p.id) : undefined;
  };
  const indexes = new Map<string, IntervalIndex<Busy>>();
  return (refPlaceId) => {
    const key = refPlaceId ?? '';
    let index = indexes.get(key);
    if (index) return index;
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
    return index;
  };
}

/** `within`: the visit's whole span (legs too) inside the window's local days, give or take the margin. */
export function allowedSpan(lists: BusyLists, request: FinderRequest): { start: number; end: number } | undefined {
  if (!lists.windowItem || request.window?.relation !== 'within') return undefined;
  const { first, last } = lists.windowItem.days();
  const m = request.window.days;
  const bounds = localDaysToInstants(addDays(first, -m), addDays(last, m), lists.windowZone);
  return { start: toMs(bounds.startsAt), end: toMs(bounds.endsAt) };
}

export interface MovingVisit {
  items: VisitItems;
  startDate: string;
  length: number;
}

/** The visit to move: its items, and the local days it now spends at the host (a string when it has none). */
export function movingVisit(eff: Plan, request: FinderRequest): MovingVisit | string | undefined {
  if (!request.moveVisitId) return undefined;
  const items = visitItems(eff, request.moveVisitId);
  const days = visitHostDays(items, request.timeZone);
  if (!days) return 'The visit to move has no events or legs yet.';
  return { items, startDate: days.startDate, length: daysBetween(days.startDate, days.endDate) + 1 };
}
