/** Helpers of the route view: leg figures, visit order, conflicts by item, slot swaps, map centre, wording. */
import type { Conflict } from '../conflicts';
import { greatCircleKm } from '../geo';
import type { Leg, Place, Plan, Status, Visit } from '../model';
import { toInstant, toMs } from '../time';

/** Duration of a leg in ms (arrivesAt − departsAt): correct across zones and DST. */
export function legDurationMs(leg: Pick<Leg, 'departsAt' | 'arrivesAt'>): number {
  return toMs(leg.arrivesAt) - toMs(leg.departsAt);
}

/** Great-circle km of a leg between two known places; null if either is missing. */
export function legDistanceKm(leg: Pick<Leg, 'fromPlaceId' | 'toPlaceId'>, places: readonly Place[]): number | null {
  const a = places.find((p) => p.id === leg.fromPlaceId);
  const b = places.find((p) => p.id === leg.toPlaceId);
  return a && b ? greatCircleKm(a, b) : null;
}

/** The visits in the order a selector lists them: by first item, then title; empty visits last. */
export function orderVisits(plan: Plan): Visit[] {
  const first = new Map<string, string>();
  const note = (id: string | undefined, at: string) => {
    if (!id) return;
    const prev = first.get(id);
    if (!prev || at < prev) first.set(id, at);
  };
  for (const e of plan.events) note(e.visitId, e.startsAt);
  for (const l of plan.legs) note(l.visitId, l.departsAt);
  return [...plan.visits].sort((a, b) => {
    const fa = first.get(a.id);
    const fb = first.get(b.id);
    if (fa && fb) return fa.localeCompare(fb) || a.title.localeCompare(b.title);
    if (fa || fb) return fa ? -1 : 1;
    return a.title.localeCompare(b.title);
  });
}

/** Conflicts by the id of each item they concern (an item may be in several). */
export function conflictsByItem(conflicts: readonly Conflict[]): Map<string, Conflict[]> {
  const out = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    for (const item of c.items) {
      const list = out.get(item.id);
      if (list) {
        if (!list.includes(c)) list.push(c);
      } else out.set(item.id, [c]);
    }
  }
  return out;
}

/**
 * Swap two legs' places in time, keeping each leg's duration and the gap between them: the later
 * leg takes the earlier one's departure, and the earlier leg departs after it by the same gap as
 * before (a negative gap, for overlapping legs, counts as none). Returns [the leg now first, the
 * leg now second], with new `departsAt`/`arrivesAt` (UTC ISO instants).
 */
export function swapLegSlots<L extends Pick<Leg, 'departsAt' | 'arrivesAt'>>(a: L, b: L): [L, L] {
  const [earlier, later] = toMs(a.departsAt) <= toMs(b.departsAt) ? [a, b] : [b, a];
  const gap = Math.max(0, toMs(later.departsAt) - toMs(earlier.arrivesAt));
  const firstDeparts = toMs(earlier.departsAt);
  const firstArrives = firstDeparts + legDurationMs(later);
  const secondDeparts = firstArrives + gap;
  const secondArrives = secondDeparts + legDurationMs(earlier);
  return [
    { ...later, departsAt: toInstant(firstDeparts), arrivesAt: toInstant(firstArrives) },
    { ...earlier, departsAt: toInstant(secondDeparts), arrivesAt: toInstant(secondArrives) },
  ];
}

/**
 * The central meridian (degrees, in [−180, 180)) of the narrowest band of longitudes holding all
 * of `lons`: the middle of the circle minus its widest empty gap. 0 for no points.
 */
export function centralLongitude(lons: readonly number[]): number {
  if (lons.length === 0) return 0;
  const sorted = lons.map((l) => ((((l + 180) % 360) + 360) % 360) - 180).sort((a, b) => a - b);
  let widest = -1;
  let gapEnd = sorted[0]!;
  for (let i = 0; i < sorted.length; i += 1) {
    const here = sorted[i]!;
    const next = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + 360;
    if (next - here > widest) {
      widest = next - here;
      gapEnd = next;
    }
  }
  const span = 360 - widest;
  const centre = gapEnd + span / 2;
  return ((((centre + 180) % 360) + 360) % 360) - 180;
}

/** "14 h 40 min", "26 h 10 min", "45 min": hours are not folded into days (travel totals). */
export function formatTravelTime(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "1,067 km" (whole km, grouped); "—" for an unknown distance. */
export function formatKm(km: number | null): string {
  if (km === null || !Number.isFinite(km)) return '—';
  return `${Math.round(km).toLocaleString('en-GB')} km`;
}

/** True if an item's status is settled (confirmed or held); anything else prints as DRAFT. */
export function isSettled(status: Status): boolean {
  return status === 'confirmed' || status === 'held';
}

/** "Asia/Shanghai" → "Shanghai", "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** Instants from year 0 to 9999 read `YYYY-…`: in string order as in time (others start with + or -). */
const FOUR_DIGIT_YEARS: readonly [number, number] = [
  Date.parse('0000-01-01T00:00:00Z'),
  Date.parse('+010000-01-01T00:00:00Z'),
];

/**
 * The least of the events' starts (as instants) and the legs' departures, in string order (what
 * sorting them all and taking the first gives), or null if there are none. O(n), one instant made.
 */
export function firstStart(eventStarts: readonly number[], legs: readonly Leg[]): string | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const ms of eventStarts) {
    if (ms !== ms) toInstant(ms); // throws, as making every instant would
    if (ms < lo) lo = ms;
    if (ms > hi) hi = ms;
  }
  let first: string | null;
  if (eventStarts.length === 0) first = null;
  else if (lo >= FOUR_DIGIT_YEARS[0] && hi < FOUR_DIGIT_YEARS[1]) first = toInstant(lo);
  else first = eventStarts.map(toInstant).sort()[0]!;
  for (const l of legs) if (first === null || l.departsAt < first) first = l.departsAt;
  return first;
}
