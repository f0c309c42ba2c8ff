/**
 * The plan as the engine sees it: one flat, time-sorted list of the items that are in force
 * (optional items taken in, scenario dates applied, cancelled and postponed items left out),
 * each with its instants in epoch ms and its places resolved to cities.
 */
import type { Leg, LegMode, Participant, Place, Plan, PlanEvent, PlanWindow, Scenario, Status, Visit } from '../model';
import type { EngineSettings, ItemRef } from './types';
import { resolveSettings } from './settings';
import { toMs } from '../time';

export type NodeType = 'event' | 'leg' | 'window';

export interface Node {
  /** Position in `PlanIndex.nodes` (plan order). */
  n: number;
  /** Position in time order (`PlanIndex.order`): the tie-break that ignores plan order. */
  rank: number;
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
  /** Events and windows: their title; legs: empty (see `titleOf`). */
  title: string;
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
  /** Node positions sorted by (start, end, type, id). */
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

/** An item's title as conflicts name it; a leg's is "Beijing South → Shanghai Hongqiao (rail leg)". */
export function titleOf(node: Node): string {
  if (node.type !== 'leg') return node.title;
  const l = node.source as Leg;
  return `${node.place?.name ?? l.fromPlaceId} → ${node.toPlace?.name ?? l.toPlaceId} (${LEG_NOUN[l.mode]})`;
}

/** The reference a conflict gives to an item. */
export function refOf(node: Node): ItemRef {
  return { type: node.type, id: node.id, title: titleOf(node) };
}

/** One allocation site for every node, so all nodes share one shape. */
function node(
  n: number,
  type: NodeType,
  id: string,
  start: number,
  end: number,
  status: Status,
  optional: boolean,
  participants: readonly string[],
  allDay: boolean,
  informational: boolean,
  commitment: boolean,
  blackout: boolean,
  place: Place | undefined,
  toPlace: Place | undefined,
  zone: string,
  toZone: string,
  visitId: string | undefined,
  windowId: string | undefined,
  windowMarginDays: number,
  mode: LegMode | undefined,
  title: string,
  source: PlanEvent | Leg | PlanWindow,
): Node {
  return {
    n,
    rank: 0,
    type,
    id,
    start,
    end,
    status,
    optional,
    participants,
    allDay,
    informational,
    commitment,
    blackout,
    place,
    toPlace,
    city: place ? (place.cityId ?? place.id) : undefined,
    toCity: toPlace ? (toPlace.cityId ?? toPlace.id) : undefined,
    zone,
    toZone,
    visitId,
    windowId,
    windowMarginDays,
    mode,
    title,
    source,
  };
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

  const inactiveVisits = new Set<string>();
  for (const v of plan.visits) if (INACTIVE.has(v.status)) inactiveVisits.add(v.id);
  const skip = (status: Status, visitId: string | undefined, optional: boolean, id: string) =>
    INACTIVE.has(status) || (visitId !== undefined && inactiveVisits.has(visitId)) || (optional && !takesIn(id));
  const hasOverrides = overrides.size > 0;

  const nodes: Node[] = [];
  for (const e of plan.events) {
    if (skip(e.status, e.visitId, e.optional, e.id)) continue;
    const o = hasOverrides ? overrides.get(e.id) : undefined;
    const start = toMs(o ? o.startsAt : e.startsAt);
    const end = toMs(o ? o.endsAt : e.endsAt);
    if (!(end > start)) continue;
    const place = e.placeId ? placeById.get(e.placeId) : undefined;
    const informational = e.kind === 'note' || e.kind === 'holiday';
    const zone = place ? place.timeZone : e.timeZone;
    nodes.push(node(nodes.length, 'event', e.id, start, end, e.status, e.optional, e.participantIds, e.allDay, informational, !informational, false, place, undefined, zone, zone, e.visitId, e.windowId, e.windowMarginDays ?? 0, undefined, e.title, e));
  }
  for (const l of plan.legs) {
    if (skip(l.status, l.visitId, l.optional, l.id)) continue;
    const o = hasOverrides ? overrides.get(l.id) : undefined;
    const start = toMs(o ? o.startsAt : l.departsAt);
    const end = toMs(o ? o.endsAt : l.arrivesAt);
    if (!(end > start)) continue;
    const from = placeById.get(l.fromPlaceId);
    const to = placeById.get(l.toPlaceId);
    const zone = from ? from.timeZone : 'UTC';
    const toZone = to ? to.timeZone : zone;
    nodes.push(node(nodes.length, 'leg', l.id, start, end, l.status, l.optional, l.participantIds, false, false, true, false, from, to, zone, toZone, l.visitId, undefined, 0, l.mode, '', l));
  }
  for (const w of plan.windows) {
    if (INACTIVE.has(w.status)) continue;
    const start = toMs(w.startsAt);
    const end = toMs(w.endsAt);
    if (!(end > start)) continue;
    const place = w.placeId ? placeById.get(w.placeId) : undefined;
    nodes.push(node(nodes.length, 'window', w.id, start, end, w.status, false, w.participantIds, true, true, false, w.kind === 'blackout', place, undefined, w.timeZone, w.timeZone, undefined, undefined, 0, undefined, w.title, w));
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

const TYPE_RANK: Record<NodeType, number> = { event: 0, leg: 1, window: 2 };

/**
 * Positions of `nodes` sorted by (start, end, type, id): an order that does not depend on the
 * order of the plan's arrays. Sets each node's `rank` to its place in that order.
 */
export function sortByStart(nodes: readonly Node[]): Uint32Array {
  const keys = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) keys[i] = nodes[i]!.start;
  const order = sortedOrder(keys);
  // Ties on start (rare, short runs): settle them by end, type and id.
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    while (j < order.length && keys[order[j]!] === keys[order[i]!]) j++;
    if (j - i > 1) order.subarray(i, j).sort((a, b) => compareTies(nodes[a]!, nodes[b]!));
    i = j;
  }
  for (let i = 0; i < order.length; i++) nodes[order[i]!]!.rank = i;
  return order;
}

function compareTies(a: Node, b: Node): number {
  return a.end - b.end || TYPE_RANK[a.type] - TYPE_RANK[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const TWO_32 = 4_294_967_296;

/**
 * Indices of `keys` in ascending key order, ties in index order (stable). Integer keys (epoch
 * ms) go through an LSD radix sort on the offset from the smallest key, O(n · bits / 11);
 * anything else, or a short list, through a comparison sort, O(n log n).
 */
export function sortedOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
    if (!Number.isInteger(k)) integral = false;
  }
  if (n < 512 || !integral || max - min > Number.MAX_SAFE_INTEGER) {
    order.sort((a, b) => keys[a]! - keys[b]! || a - b);
    return order;
  }
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = keys[i]! - min;
    const h = Math.floor(r / TWO_32);
    hi[i] = h;
    lo[i] = r - h * TWO_32;
  }
  const range = max - min;
  let bits = 0;
  while (bits < 53 && 2 ** bits <= range) bits++;
  const count = new Uint32Array(RADIX);
  const digits = new Uint16Array(n);
  let other = new Uint32Array(n);
  for (let shift = 0; shift < bits; shift += RADIX_BITS) {
    for (let i = 0; i < n; i++) {
      let d: number;
      if (shift + RADIX_BITS <= 32) d = (lo[i]! >>> shift) & (RADIX - 1);
      else if (shift >= 32) d = (hi[i]! >>> (shift - 32)) & (RADIX - 1);
      else d = ((lo[i]! >>> shift) | (hi[i]! << (32 - shift))) & (RADIX - 1);
      digits[i] = d;
    }
    count.fill(0);
    for (let k = 0; k < n; k++) count[digits[order[k]!]!]!++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      other[count[digits[i]!]!++] = i;
    }
    const t = order;
    order = other;
    other = t;
  }
  return order;
}
