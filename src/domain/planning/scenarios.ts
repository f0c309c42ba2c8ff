/**
 * Scenarios: saved, named variants of the plan. A scenario takes in exactly the optional items it
 * lists (events or legs) and gives alternative dates to chosen items (`overrides`: for a leg,
 * `startsAt`/`endsAt` are its departure and arrival). Everything else is the plan as it stands.
 * This module applies a scenario, sums travel, finds each visit's key dates, compares two
 * variants side by side, and works out what promoting a scenario to be the plan changes.
 */
import { findConflicts, finderFor, type Conflict, type Severity } from '../conflicts';
import type { ConflictFinder } from '../conflicts';
import { greatCircleKm } from '../geo';
import type { Leg, Plan, PlanEvent, Scenario } from '../model';
import { formatLocalDate, localDateOf, toInstant, toMs } from '../time';
import { shiftVisitItems, visitItems } from './visit-shift';

export type Override = Scenario['overrides'][number];

/** What to show: a saved scenario, or the plan with optional items in, out, or just these ids. */
export interface VariantOptions {
  scenario?: Scenario | null;
  includeOptional: boolean | readonly string[];
}

/** The optional-item rule of a variant: true if an optional item with this id is taken in. */
export function optionalIncluder(options: VariantOptions): (id: string) => boolean {
  if (options.scenario) {
    const ids = new Set(options.scenario.includeOptionalIds);
    return (id) => ids.has(id);
  }
  const inc = options.includeOptional;
  if (typeof inc === 'boolean') return () => inc;
  const ids = new Set(inc);
  return (id) => ids.has(id);
}

/** An event with new instants; an all-day event's local dates follow them in its zone. */
function overrideEvent(e: PlanEvent, o: Override): PlanEvent {
  if (e.allDay) {
    return {
      ...e,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      startDate: localDateOf(o.startsAt, e.timeZone),
      endDate: localDateOf(toInstant(toMs(o.endsAt) - 1), e.timeZone),
    };
  }
  return { ...e, startsAt: o.startsAt, endsAt: o.endsAt };
}

/** The plan with the overrides' dates on the items they name (unknown ids are ignored). */
export function applyOverrides(plan: Plan, overrides: readonly Override[]): Plan {
  if (overrides.length === 0) return plan;
  const byId = new Map(overrides.map((o) => [o.itemId, o]));
  return {
    ...plan,
    events: plan.events.map((e) => {
      const o = byId.get(e.id);
      return o ? overrideEvent(e, o) : e;
    }),
    legs: plan.legs.map((l) => {
      const o = byId.get(l.id);
      return o ? { ...l, departsAt: o.startsAt, arrivesAt: o.endsAt } : l;
    }),
  };
}

/**
 * The plan as a variant sees it: optional items not taken in are left out, overrides replace the
 * dates of the items they name. Windows, places and the rest are as in the plan. Pure.
 */
export function effectivePlan(plan: Plan, options: VariantOptions): Plan {
  const include = optionalIncluder(options);
  const kept: Plan = {
    ...plan,
    events: plan.events.filter((e) => !e.optional || include(e.id)),
    legs: plan.legs.filter((l) => !l.optional || include(l.id)),
  };
  return applyOverrides(kept, options.scenario?.overrides ?? []);
}

export interface TravelTotals {
  /** Legs counted: taken in, and neither cancelled nor postponed. */
  legs: number;
  /** Sum of departure-to-arrival times, ms. */
  durationMs: number;
  /** Sum of great-circle distances between each leg's places, km (legs with unknown places add 0). */
  km: number;
}

const NOT_HAPPENING = new Set(['cancelled', 'postponed']);

/** Travel totals of a plan's legs (apply `effectivePlan` first for a variant). */
export function travelTotals(plan: Pick<Plan, 'legs' | 'places'>): TravelTotals {
  const placeById = new Map(plan.places.map((p) => [p.id as string, p]));
  let legs = 0;
  let durationMs = 0;
  let km = 0;
  for (const l of plan.legs) {
    if (NOT_HAPPENING.has(l.status)) continue;
    legs += 1;
    durationMs += toMs(l.arrivesAt) - toMs(l.departsAt);
    const from = placeById.get(l.fromPlaceId);
    const to = placeById.get(l.toPlaceId);
    if (from && to) km += greatCircleKm(from, to);
  }
  return { legs, durationMs, km };
}

export interface KeyDate {
  visitId: string;
  title: string;
  /** First start and last end of the visit's events and legs (UTC). */
  startsAt: string;
  endsAt: string;
  /** The zone the dates are read in: the visit's first event's, else its first leg's departure place's. */
  timeZone: string;
  /** "Wed 12 Aug 2026 – Fri 14 Aug 2026" (or one day). */
  label: string;
}

/** Each visit's first and last dates, in visit order; visits with no items are left out. */
export function keyDates(plan: Plan): KeyDate[] {
  const placeZone = new Map(plan.places.map((p) => [p.id as string, p.timeZone]));
  const out: KeyDate[] = [];
  const byVisit = new Map<string, { events: PlanEvent[]; legs: Leg[] }>();
  for (const e of plan.events) {
    if (!e.visitId) continue;
    const entry = byVisit.get(e.visitId) ?? { events: [], legs: [] };
    entry.events.push(e);
    byVisit.set(e.visitId, entry);
  }
  for (const l of plan.legs) {
    if (!l.visitId) continue;
    const entry = byVisit.get(l.visitId) ?? { events: [], legs: [] };
    entry.legs.push(l);
    byVisit.set(l.visitId, entry);
  }
  for (const v of plan.visits) {
    const items = byVisit.get(v.id);
    if (!items || items.events.length + items.legs.length === 0) continue;
    const starts = [...items.events.map((e) => toMs(e.startsAt)), ...items.legs.map((l) => toMs(l.departsAt))];
    const ends = [...items.events.map((e) => toMs(e.endsAt)), ...items.legs.map((l) => toMs(l.arrivesAt))];
    const startsAt = toInstant(Math.min(...starts));
    const endsAt = toInstant(Math.max(...ends));
    const firstEvent = [...items.events].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    const firstLeg = [...items.legs].sort((a, b) => a.departsAt.localeCompare(b.departsAt))[0];
    const timeZone = firstEvent?.timeZone ?? placeZone.get(firstLeg?.fromPlaceId ?? '') ?? 'UTC';
    const first = formatLocalDate(startsAt, timeZone);
    const last = formatLocalDate(toInstant(toMs(endsAt) - 1), timeZone);
    out.push({
      visitId: v.id,
      title: v.title,
      startsAt,
      endsAt,
      timeZone,
      label: first === last ? first : `${first} – ${last}`,
    });
  }
  return out;
}

export type SeverityCounts = Record<Severity, number>;

export interface VariantSummary {
  label: string;
  conflicts: Conflict[];
  counts: SeverityCounts;
  travel: TravelTotals;
  keyDates: KeyDate[];
}

/** Conflicts (by the engine), travel totals and key dates of one variant. */
export function summarizeVariant(
  plan: Plan,
  options: VariantOptions & { label: string },
  find: ConflictFinder = findConflicts,
): VariantSummary {
  const scenario = options.scenario ?? undefined;
  const conflicts = find(plan, {
    includeOptional: scenario ? scenario.includeOptionalIds : options.includeOptional,
    ...(scenario ? { scenario } : {}),
  });
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const c of conflicts) counts[c.severity] += 1;
  const eff = effectivePlan(plan, options);
  return { label: options.label, conflicts, counts, travel: travelTotals(eff), keyDates: keyDates(eff) };
}

export interface ItemDateChange {
  itemId: string;
  type: 'event' | 'leg';
  title: string;
  /** The item's dates in each variant, or null where it is left out. */
  a: { startsAt: string; endsAt: string } | null;
  b: { startsAt: string; endsAt: string } | null;
  timeZone: string;
}

export interface VariantComparison {
  a: VariantSummary;
  b: VariantSummary;
  /** Conflicts (by id) found in only one of the two. */
  onlyInA: Conflict[];
  onlyInB: Conflict[];
  /** b − a. */
  countDelta: SeverityCounts;
  travelDelta: TravelTotals;
  /** Visits whose key dates differ (or that exist in only one). */
  keyDateChanges: { visitId: string; title: string; a: KeyDate | null; b: KeyDate | null }[];
  /** Events and legs whose dates or inclusion differ. */
  itemChanges: ItemDateChange[];
}

/** Side-by-side comparison of two variants of the same plan. */
export function compareVariants(
  plan: Plan,
  a: VariantOptions & { label: string },
  b: VariantOptions & { label: string },
  find: ConflictFinder = finderFor(plan),
): VariantComparison {
  const sa = summarizeVariant(plan, a, find);
  const sb = summarizeVariant(plan, b, find);
  const idsA = new Set(sa.conflicts.map((c) => c.id));
  const idsB = new Set(sb.conflicts.map((c) => c.id));
  const kdA = new Map(sa.keyDates.map((k) => [k.visitId, k]));
  const kdB = new Map(sb.keyDates.map((k) => [k.visitId, k]));
  const keyDateChanges: VariantComparison['keyDateChanges'] = [];
  for (const v of plan.visits) {
    const ka = kdA.get(v.id) ?? null;
    const kb = kdB.get(v.id) ?? null;
    if (ka?.startsAt === kb?.startsAt && ka?.endsAt === kb?.endsAt) continue;
    keyDateChanges.push({ visitId: v.id, title: v.title, a: ka, b: kb });
  }
  return {
    a: sa,
    b: sb,
    onlyInA: sa.conflicts.filter((c) => !idsB.has(c.id)),
    onlyInB: sb.conflicts.filter((c) => !idsA.has(c.id)),
    countDelta: {
      error: sb.counts.error - sa.counts.error,
      warning: sb.counts.warning - sa.counts.warning,
      info: sb.counts.info - sa.counts.info,
    },
    travelDelta: {
      legs: sb.travel.legs - sa.travel.legs,
      durationMs: sb.travel.durationMs - sa.travel.durationMs,
      km: sb.travel.km - sa.travel.km,
    },
    keyDateChanges,
    itemChanges: itemChanges(plan, a, b),
  };
}

function itemChanges(plan: Plan, a: VariantOptions, b: VariantOptions): ItemDateChange[] {
  const ea = effectivePlan(plan, a);
  const eb = effectivePlan(plan, b);
  const placeZone = new Map(plan.places.map((p) => [p.id as string, p.timeZone]));
  const out: ItemDateChange[] = [];
  const eventsA = new Map(ea.events.map((e) => [e.id as string, e]));
  const eventsB = new Map(eb.events.map((e) => [e.id as string, e]));
  for (const e of plan.events) {
    const x = eventsA.get(e.id);
    const y = eventsB.get(e.id);
    if (x?.startsAt === y?.startsAt && x?.endsAt === y?.endsAt) continue;
    out.push({
      itemId: e.id,
      type: 'event',
      title: e.title,
      a: x ? { startsAt: x.startsAt, endsAt: x.endsAt } : null,
      b: y ? { startsAt: y.startsAt, endsAt: y.endsAt } : null,
      timeZone: e.timeZone,
    });
  }
  const legsA = new Map(ea.legs.map((l) => [l.id as string, l]));
  const legsB = new Map(eb.legs.map((l) => [l.id as string, l]));
  const placeName = new Map(plan.places.map((p) => [p.id as string, p.name]));
  for (const l of plan.legs) {
    const x = legsA.get(l.id);
    const y = legsB.get(l.id);
    if (x?.departsAt === y?.departsAt && x?.arrivesAt === y?.arrivesAt) continue;
    out.push({
      itemId: l.id,
      type: 'leg',
      title: `${placeName.get(l.fromPlaceId) ?? l.fromPlaceId} → ${placeName.get(l.toPlaceId) ?? l.toPlaceId}`,
      a: x ? { startsAt: x.departsAt, endsAt: x.arrivesAt } : null,
      b: y ? { startsAt: y.departsAt, endsAt: y.arrivesAt } : null,
      timeZone: placeZone.get(l.fromPlaceId) ?? 'UTC',
    });
  }
  return out.sort((p, q) => (p.a?.startsAt ?? p.b?.startsAt ?? '').localeCompare(q.a?.startsAt ?? q.b?.startsAt ?? ''));
}

/**
 * Overrides that move every event and leg of a visit by `days` local days (each keeps its local
 * time at its place), starting from the dates `overrides` already give them.
 */
export function overridesForVisitShift(
  plan: Plan,
  overrides: readonly Override[],
  visitId: string,
  days: number,
): Override[] {
  const shifted = shiftVisitItems(visitItems(applyOverrides(plan, overrides), visitId), days, plan.places);
  return [
    ...shifted.events.map((e) => ({ itemId: e.id as string, startsAt: e.startsAt, endsAt: e.endsAt })),
    ...shifted.legs.map((l) => ({ itemId: l.id as string, startsAt: l.departsAt, endsAt: l.arrivesAt })),
  ];
}

/** `overrides` with `next` replacing any override of the same items. */
export function mergeOverrides(overrides: readonly Override[], next: readonly Override[]): Override[] {
  const replaced = new Set(next.map((o) => o.itemId));
  return [...overrides.filter((o) => !replaced.has(o.itemId)), ...next];
}

export interface Promotion {
  /** Events and legs as they will be stored (only those that change). */
  events: PlanEvent[];
  legs: Leg[];
  /** Optional items made firm (taken in) and optional items cancelled (left out). */
  madeFirm: string[];
  cancelled: string[];
  moved: string[];
}

/**
 * What making a scenario the plan changes: its overrides become the items' dates; the optional
 * items it takes in stop being optional; the optional items it leaves out are marked cancelled
 * (kept, not deleted, so nothing is lost). Items already cancelled stay so.
 */
export function promotionChanges(plan: Plan, scenario: Scenario): Promotion {
  const include = new Set(scenario.includeOptionalIds);
  const overrides = new Map(scenario.overrides.map((o) => [o.itemId, o]));
  const result: Promotion = { events: [], legs: [], madeFirm: [], cancelled: [], moved: [] };
  for (const e of plan.events) {
    let next = e;
    const o = overrides.get(e.id);
    if (o && (o.startsAt !== e.startsAt || o.endsAt !== e.endsAt)) {
      next = overrideEvent(next, o);
      result.moved.push(e.id);
    }
    if (e.optional && include.has(e.id)) {
      next = { ...next, optional: false };
      result.madeFirm.push(e.id);
    } else if (e.optional && e.status !== 'cancelled') {
      next = { ...next, status: 'cancelled' };
      result.cancelled.push(e.id);
    }
    if (next !== e) result.events.push(next);
  }
  for (const l of plan.legs) {
    let next = l;
    const o = overrides.get(l.id);
    if (o && (o.startsAt !== l.departsAt || o.endsAt !== l.arrivesAt)) {
      next = { ...next, departsAt: o.startsAt, arrivesAt: o.endsAt };
      result.moved.push(l.id);
    }
    if (l.optional && include.has(l.id)) {
      next = { ...next, optional: false };
      result.madeFirm.push(l.id);
    } else if (l.optional && l.status !== 'cancelled') {
      next = { ...next, status: 'cancelled' };
      result.cancelled.push(l.id);
    }
    if (next !== l) result.legs.push(next);
  }
  return result;
}
