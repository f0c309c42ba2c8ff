/**
 * The plan as the engine sees it: one flat, time-sorted list of the items that are in force
 * (optional items taken in, scenario dates applied, cancelled and postponed items left out),
 * each with its instants in epoch ms and its places resolved to cities.
 */
import type { Leg, LegMode, Participant, Place, Plan, PlanEvent, PlanWindow, Scenario, Status, Visit } from '../model';
import type { EngineSettings, ItemRef } from './types';
import { resolveSettings } from './settings';

export type NodeType = 'event' | 'leg' | 'window';

export interface Node {
  /** Position in `PlanIndex.nodes`. */
  n: number;
  type: NodeType;
  id: string;
  start: number;
  end: number;
  status: Status;
  /** An optional item that this run takes in. */
  optional: boolean;
  participants: readonly string[];
  allDay: boolean;
  /** Notes and holidays: they take part in the overlap rule only. */
  informational: boolean;
  /** Timed or all-day events (not informational) and legs. */
  commitment: boolean;
  /** A window of kind 'blackout'. */
  blackout: boolean;
  /** Event or window place; a leg's departure place. */
  place: Place | undefined;
  /** A leg's arrival place. */
  toPlace: Place | undefined;
  /** City key (`place.cityId ?? place.id`) of `place`. */
  city: string | undefined;
  toCity: string | undefined;
  /** Zone for display: the place's zone, else the item's own. */
  zone: string;
  toZone: string;
  visitId: string | undefined;
  windowId: string | undefined;
  windowMarginDays: number;
  mode: LegMode | undefined;
  ref: ItemRef;
  source: PlanEvent | Leg | PlanWindow;
}

export interface IndexOptions {
  includeOptional: boolean | readonly string[];
  scenario?: Scenario;
  settings?: Partial<EngineSettings>;
}

export interface PlanIndex {
  plan: Plan;
  nodes: Node[];
  /** Node positions sorted by (start, end, position). */
  order: Uint32Array;
  settings: Required<EngineSettings>;
  placeById: Map<string, Place>;
  participantById: Map<string, Participant>;
  visitById: Map<string, Visit>;
  windowById: Map<string, PlanWindow>;
  /** Is this optional item id taken in? */
  takesIn: (id: string) => boolean;
}

const INACTIVE: ReadonlySet<Status> = new Set<Status>(['cancelled', 'postponed']);

/** True for statuses that never conflict. */
export function isInactive(status: Status): boolean {
  return INACTIVE.has(status);
}

/** City key of a place: its city, or itself. */
export function cityOf(place: Place | undefined): string | undefined {
  return place ? (place.cityId ?? place.id) : undefined;
}

const LEG_NOUN: Record<LegMode, string> = { flight: 'flight', rail: 'rail leg', road: 'road leg', sea: 'sea leg' };

export function legNoun(mode: LegMode): string {
  return LEG_NOUN[mode];
}

/** Build the engine's view of a plan for one run (optional items and scenario applied). */
export function buildIndex(plan: Plan, options: IndexOptions): PlanIndex {
  const settings = resolveSettings(options.settings);
  const placeById = new Map<string, Place>();
  for (const p of plan.places) placeById.set(p.id, p);
  const participantById = new Map<string, Participant>();
  for (const p of plan.participants) participantById.set(p.id, p);
  const visitById = new Map<string, Visit>();
  for (const v of plan.visits) visitById.set(v.id, v);
  const windowById = new Map<string, PlanWindow>();
  for (const w of plan.windows) windowById.set(w.id, w);

  const all = options.includeOptional === true;
  const chosen = new Set<string>(Array.isArray(options.includeOptional) ? options.includeOptional : []);
  for (const id of options.scenario?.includeOptionalIds ?? []) chosen.add(id);
  const takesIn = (id: string) => all || chosen.has(id);
  const overrides = new Map<string, { startsAt: string; endsAt: string }>();
  for (const o of options.scenario?.overrides ?? []) overrides.set(o.itemId, o);

  const visitInactive = (visitId: string | undefined) => {
    if (!visitId) return false;
    const v = visitById.get(visitId);
    return v !== undefined && INACTIVE.has(v.status);
  };

  const nodes: Node[] = [];
  for (const e of plan.events) {
    if (INACTIVE.has(e.status) || visitInactive(e.visitId)) continue;
    if (e.optional && !takesIn(e.id)) continue;
    const o = overrides.get(e.id);
    const start = Date.parse(o ? o.startsAt : e.startsAt);
    const end = Date.parse(o ? o.endsAt : e.endsAt);
    if (!(end > start)) continue;
    const place = e.placeId ? placeById.get(e.placeId) : undefined;
    const informational = e.kind === 'note' || e.kind === 'holiday';
    const zone = place?.timeZone ?? e.timeZone;
    nodes.push({
      n: nodes.length,
      type: 'event',
      id: e.id,
      start,
      end,
      status: e.status,
      optional: e.optional,
      participants: e.participantIds,
      allDay: e.allDay,
      informational,
      commitment: !informational,
      blackout: false,
      place,
      toPlace: undefined,
      city: cityOf(place),
      toCity: undefined,
      zone,
      toZone: zone,
      visitId: e.visitId,
      windowId: e.windowId,
      windowMarginDays: e.windowMarginDays ?? 0,
      mode: undefined,
      ref: { type: 'event', id: e.id, title: e.title },
      source: e,
    });
  }
  for (const l of plan.legs) {
    if (INACTIVE.has(l.status) || visitInactive(l.visitId)) continue;
    if (l.optional && !takesIn(l.id)) continue;
    const o = overrides.get(l.id);
    const start = Date.parse(o ? o.startsAt : l.departsAt);
    const end = Date.parse(o ? o.endsAt : l.arrivesAt);
    if (!(end > start)) continue;
    const from = placeById.get(l.fromPlaceId);
    const to = placeById.get(l.toPlaceId);
    const title = `${from?.name ?? l.fromPlaceId} → ${to?.name ?? l.toPlaceId} (${[LEG_NOUN[l.mode], l.carrier, l.number].filter(Boolean).join(', ')})`;
    nodes.push({
      n: nodes.length,
      type: 'leg',
      id: l.id,
      start,
      end,
      status: l.status,
      optional: l.optional,
      participants: l.participantIds,
      allDay: false,
      informational: false,
      commitment: true,
      blackout: false,
      place: from,
      toPlace: to,
      city: cityOf(from),
      toCity: cityOf(to),
      zone: from?.timeZone ?? 'UTC',
      toZone: to?.timeZone ?? from?.timeZone ?? 'UTC',
      visitId: l.visitId,
      windowId: undefined,
      windowMarginDays: 0,
      mode: l.mode,
      ref: { type: 'leg', id: l.id, title },
      source: l,
    });
  }
  for (const w of plan.windows) {
    if (INACTIVE.has(w.status)) continue;
    const start = Date.parse(w.startsAt);
    const end = Date.parse(w.endsAt);
    if (!(end > start)) continue;
    const place = w.placeId ? placeById.get(w.placeId) : undefined;
    nodes.push({
      n: nodes.length,
      type: 'window',
      id: w.id,
      start,
      end,
      status: w.status,
      optional: false,
      participants: w.participantIds,
      allDay: true,
      informational: true,
      commitment: false,
      blackout: w.kind === 'blackout',
      place,
      toPlace: undefined,
      city: cityOf(place),
      toCity: undefined,
      zone: w.timeZone,
      toZone: w.timeZone,
      visitId: undefined,
      windowId: undefined,
      windowMarginDays: 0,
      mode: undefined,
      ref: { type: 'window', id: w.id, title: w.title },
      source: w,
    });
  }

  return {
    plan,
    nodes,
    order: sortByStart(nodes),
    settings,
    placeById,
    participantById,
    visitById,
    windowById,
    takesIn,
  };
}

/** Positions of `nodes` sorted by (start, end, position): O(n log n). */
export function sortByStart(nodes: readonly Node[]): Uint32Array {
  const n = nodes.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = nodes[i]!.start;
    ends[i] = nodes[i]!.end;
    order[i] = i;
  }
  order.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  return order;
}
