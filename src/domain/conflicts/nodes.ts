/**
 * The plan as the engine sees it: one flat, time-sorted list of the items that are in force
 * (optional items taken in, scenario dates applied, cancelled and postponed items left out),
 * each with its instants in epoch ms and its places resolved to cities.
 */
import type { Leg, LegMode, Participant, Place, Plan, PlanEvent, PlanWindow, Scenario, Status, Visit } from '../model';
import type { EngineSettings, ItemRef } from './types';
import { resolveSettings } from './settings';
import { localWallMs, toMs } from '../time';
import { runToEnd } from './steps';

export type NodeType = 'event' | 'leg' | 'window';

export interface Node {
  /** Position in `CompiledPlan.nodes` (and `PlanIndex.all`): a small integer key. */
  n: number;
  type: NodeType;
  id: string;
  start: number;
  end: number;
  status: Status;
  /** An optional item: in force only when a run takes it in. */
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
  /**
   * A timed event with a place that is a commitment: its local hours count at `zone`, where its
   * start is `wallStart` on the wall clock (`localWallMs`); `steady`: the offset stays the same
   * until its end (as in `Home`). False, NaN and false for everything else.
   */
  hoursAtPlace: boolean;
  wallStart: number;
  steady: boolean;
  /**
   * Timed events with no place that are commitments (calls): the zones whose local hours count
   * (each participant's home zone; with no participants, the event's) and the wall-clock time
   * of the start in each. Empty for everything else.
   */
  homes: readonly Home[];
}

/** A zone in which an event's local hours count, for these participants. */
export interface Home {
  zone: string;
  /** Participants at home in `zone` (a placeless event), or all of them (an event with a place). */
  people: readonly string[];
  /** `localWallMs(start, zone)`. */
  wallStart: number;
  /** The offset stays the same from start to end (checked at both ends of an item up to a week long). */
  steady: boolean;
}

export interface IndexOptions {
  includeOptional: boolean | readonly string[];
  scenario?: Scenario;
  settings?: Partial<EngineSettings>;
}

/**
 * A plan prepared once for any number of runs (base plan, with optional items, each scenario,
 * each candidate date): instants parsed, places resolved, items sorted by time and each
 * participant's commitments listed in time order. O(n log n), independent of run options.
 * Holds every item that can be in force in some run: cancelled and postponed items (and the
 * items of such visits) and empty intervals are left out here for good.
 */
export interface CompiledPlan {
  plan: Plan;
  nodes: Node[];
  /** Positions in `nodes` sorted by (start, end, type, id). */
  order: Uint32Array;
  /** Start and end of `nodes[order[k]]` at `k`: the sweeps read these, not the nodes. */
  starts: Float64Array;
  ends: Float64Array;
  /** Each participant's commitments (events that are not notes or holidays, and legs) in time order. */
  timelines: Map<string, Node[]>;
  /** How many nodes are optional (0: every run sees the same items). */
  optionalCount: number;
  /** The longest event that is a commitment, ms (0 if none). */
  longestEventMs: number;
  /** Windows of kind 'blackout', in time order (in force in every run: never optional, never moved). */
  blackouts: Node[];
  placeById: Map<string, Place>;
  participantById: Map<string, Participant>;
  visitById: Map<string, Visit>;
  windowById: Map<string, PlanWindow>;
}

/** The items in force for one run, over a compiled plan. */
export interface PlanIndex {
  plan: Plan;
  /** Every compiled node, by position `n` (scenario overrides applied); some may not be in force. */
  all: readonly Node[];
  /** The nodes in force, in time order (before a scenario moves any). */
  nodes: readonly Node[];
  /** Positions in `all` of the nodes in force, sorted by (start, end, type, id). */
  order: Uint32Array;
  /** Start and end of `all[order[k]]` at `k`. */
  starts: Float64Array;
  ends: Float64Array;
  /** Each participant's commitments in force, in time order. */
  timelines: ReadonlyMap<string, Node[]>;
  /** At least the length of the longest event in force that is a commitment, ms. */
  longestEventMs: number;
  /** Windows of kind 'blackout', in time order. */
  blackouts: readonly Node[];
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
  hoursAtPlace: boolean,
  wallStart: number,
  steady: boolean,
  homes: readonly Home[],
): Node {
  return {
    n,
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
    hoursAtPlace,
    wallStart,
    steady,
    homes,
  };
}

const NO_HOMES: readonly Home[] = Object.freeze([]);

/**
 * The zones whose local hours count for a timed event with no place: each participant's home
 * zone (else `zone`), grouped, in the order of the participants; with no participants, `zone`.
 */
function homesOf(
  start: number,
  end: number,
  zone: string,
  participants: readonly string[],
  participantById: Map<string, Participant>,
): readonly Home[] {
  if (participants.length === 0) return [home(start, end, zone, participants)];
  const homes: Home[] = [];
  for (const id of participants) {
    const z = participantById.get(id)?.timeZone ?? zone;
    const found = homes.find((h) => h.zone === z);
    if (found) (found.people as string[]).push(id);
    else homes.push(home(start, end, z, [id]));
  }
  return homes;
}

const WEEK_MS = 7 * 86_400_000;

function home(start: number, end: number, zone: string, people: readonly string[]): Home {
  const wallStart = localWallMs(start, zone);
  return { zone, people, wallStart, steady: isSteady(start, end, zone, wallStart) };
}

/** The offset at `zone` is the same at `end` as at `start` (checked for items up to a week long). */
function isSteady(start: number, end: number, zone: string, wallStart: number): boolean {
  return end - start <= WEEK_MS && localWallMs(end, zone) - end === wallStart - start;
}

/** The same node at other instants (a scenario's alternative dates). */
function moved(x: Node, start: number, end: number, participantById: Map<string, Participant>): Node {
  const wallStart = x.hoursAtPlace ? localWallMs(start, x.zone) : Number.NaN;
  const homes = x.homes.length === 0 ? NO_HOMES : homesOf(start, end, x.zone, x.participants, participantById);
  return node(
    x.n,
    x.type,
    x.id,
    start,
    end,
    x.status,
    x.optional,
    x.participants,
    x.allDay,
    x.informational,
    x.commitment,
    x.blackout,
    x.place,
    x.toPlace,
    x.zone,
    x.toZone,
    x.visitId,
    x.windowId,
    x.windowMarginDays,
    x.mode,
    x.title,
    x.source,
    x.hoursAtPlace,
    wallStart,
    x.hoursAtPlace && isSteady(start, end, x.zone, wallStart),
    homes,
  );
}

/** Prepare a plan for the engine (see `CompiledPlan`). The plan must not change afterwards. */
export function compilePlan(plan: Plan): CompiledPlan {
  return runToEnd(compileSteps(plan));
}

/** Items between two pauses of `compileSteps`. */
const STEP_ITEMS = 4_096;

/**
 * `compilePlan` in steps: it pauses (yields) after each `STEP_ITEMS` items read or built, so a
 * caller can give the page a turn between steps (50,000 items took 140 ms in one go).
 */
export function* compileSteps(plan: Plan): Generator<void, CompiledPlan> {
  const placeById = new Map<string, Place>();
  for (const p of plan.places) placeById.set(p.id, p);
  const participantById = new Map<string, Participant>();
  for (const p of plan.participants) participantById.set(p.id, p);
  const visitById = new Map<string, Visit>();
  for (const v of plan.visits) visitById.set(v.id, v);
  const windowById = new Map<string, PlanWindow>();
  for (const w of plan.windows) windowById.set(w.id, w);
  const inactiveVisits = new Set<string>();
  for (const v of plan.visits) if (INACTIVE.has(v.status)) inactiveVisits.add(v.id);
  const gone = (status: Status, visitId: string | undefined) =>
    INACTIVE.has(status) || (visitId !== undefined && inactiveVisits.has(visitId));

  // First the instants, to sort by (in typed arrays sized once); then the nodes, made in time
  // order and numbered in it, so that the walks in time order (every rule's) read memory in order.
  const total = plan.events.length + plan.legs.length + plan.windows.length;
  const items = new Array<PlanEvent | Leg | PlanWindow>(total);
  const kinds = new Uint8Array(total);
  const starts0 = new Float64Array(total);
  const ends0 = new Float64Array(total);
  let m = 0;
  const take = (item: PlanEvent | Leg | PlanWindow, kind: number, start: number, end: number) => {
    if (!(end > start)) return;
    items[m] = item;
    kinds[m] = kind;
    starts0[m] = start;
    ends0[m++] = end;
  };
  let read = 0;
  for (const e of plan.events) {
    if (!gone(e.status, e.visitId)) take(e, EVENT, toMs(e.startsAt), toMs(e.endsAt));
    if (++read % STEP_ITEMS === 0) yield;
  }
  for (const l of plan.legs) {
    if (!gone(l.status, l.visitId)) take(l, LEG, toMs(l.departsAt), toMs(l.arrivesAt));
    if (++read % STEP_ITEMS === 0) yield;
  }
  for (const w of plan.windows) if (!INACTIVE.has(w.status)) take(w, WINDOW, toMs(w.startsAt), toMs(w.endsAt));
  const byTime = sortItems(starts0.subarray(0, m), ends0, kinds, items);

  const order = new Uint32Array(m);
  const starts = new Float64Array(m);
  const ends = new Float64Array(m);
  const sorted: Node[] = new Array<Node>(m);
  let optionalCount = 0;
  for (let k = 0; k < m; k++) {
    const i = byTime[k]!;
    const start = starts0[i]!;
    const end = ends0[i]!;
    order[k] = k;
    starts[k] = start;
    ends[k] = end;
    const x = nodeFor(k, kinds[i]!, items[i]!, start, end, placeById, participantById);
    if (x.optional) optionalCount++;
    sorted[k] = x;
    if ((k + 1) % STEP_ITEMS === 0) yield;
  }
  const timelines = timelinesOf(sorted, order);
  const blackouts = sorted.filter((x) => x.blackout);
  return {
    plan,
    nodes: sorted,
    order,
    starts,
    ends,
    timelines,
    optionalCount,
    longestEventMs: longestEvent(sorted),
    blackouts,
    placeById,
    participantById,
    visitById,
    windowById,
  };
}

/** The node of one item in force at position `k`, its instants already parsed (kind: EVENT, LEG or WINDOW). */
export function nodeFor(
  k: number,
  kind: number,
  item: PlanEvent | Leg | PlanWindow,
  start: number,
  end: number,
  placeById: Map<string, Place>,
  participantById: Map<string, Participant>,
): Node {
  if (kind === EVENT) {
    const e = item as PlanEvent;
    const place = e.placeId ? placeById.get(e.placeId) : undefined;
    const informational = e.kind === 'note' || e.kind === 'holiday';
    const zone = place ? place.timeZone : e.timeZone;
    const timed = !informational && !e.allDay;
    const atPlace = timed && place !== undefined;
    const wallStart = atPlace ? localWallMs(start, zone) : Number.NaN;
    const homes =
      timed && place === undefined ? homesOf(start, end, zone, e.participantIds, participantById) : NO_HOMES;
    return node(
      k,
      'event',
      e.id,
      start,
      end,
      e.status,
      e.optional,
      e.participantIds,
      e.allDay,
      informational,
      !informational,
      false,
      place,
      undefined,
      zone,
      zone,
      e.visitId,
      e.windowId,
      e.windowMarginDays ?? 0,
      undefined,
      e.title,
      e,
      atPlace,
      wallStart,
      atPlace && isSteady(start, end, zone, wallStart),
      homes,
    );
  } else if (kind === LEG) {
    const l = item as Leg;
    const from = placeById.get(l.fromPlaceId);
    const to = placeById.get(l.toPlaceId);
    const zone = from ? from.timeZone : 'UTC';
    const toZone = to ? to.timeZone : zone;
    return node(
      k,
      'leg',
      l.id,
      start,
      end,
      l.status,
      l.optional,
      l.participantIds,
      false,
      false,
      true,
      false,
      from,
      to,
      zone,
      toZone,
      l.visitId,
      undefined,
      0,
      l.mode,
      '',
      l,
      false,
      Number.NaN,
      false,
      NO_HOMES,
    );
  } else {
    const w = item as PlanWindow;
    const place = w.placeId ? placeById.get(w.placeId) : undefined;
    return node(
      k,
      'window',
      w.id,
      start,
      end,
      w.status,
      false,
      w.participantIds,
      true,
      true,
      false,
      w.kind === 'blackout',
      place,
      undefined,
      w.timeZone,
      w.timeZone,
      undefined,
      undefined,
      0,
      undefined,
      w.title,
      w,
      false,
      Number.NaN,
      false,
      NO_HOMES,
    );
  }
}

function boundsOf(nodes: readonly Node[], order: Uint32Array): { starts: Float64Array; ends: Float64Array } {
  const starts = new Float64Array(order.length);
  const ends = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const x = nodes[order[k]!]!;
    starts[k] = x.start;
    ends[k] = x.end;
  }
  return { starts, ends };
}

function longestEvent(nodes: readonly Node[]): number {
  let longest = 0;
  for (const x of nodes) if (x.type === 'event' && x.commitment && x.end - x.start > longest) longest = x.end - x.start;
  return longest;
}

/** The length of the longest item, ms, from `starts` and `ends` at the same positions. */
export function longestSpan(starts: Float64Array, ends: Float64Array): number {
  let span = 0;
  for (let k = 0; k < starts.length; k++) if (ends[k]! - starts[k]! > span) span = ends[k]! - starts[k]!;
  return span;
}

/** The first position in `starts` (ascending) not below `value` (its length if none). */
export function firstNotBelow(starts: Float64Array, value: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each participant's commitments among `order` (positions in `nodes`), in that order. */
export function timelinesOf(nodes: readonly Node[], order: ArrayLike<number>): Map<string, Node[]> {
  const byPerson = new Map<string, Node[]>();
  for (let k = 0; k < order.length; k++) {
    const x = nodes[order[k]!]!;
    if (!x.commitment) continue;
    const ps = x.participants;
    for (let i = 0; i < ps.length; i++) {
      const list = byPerson.get(ps[i]!);
      if (list) list.push(x);
      else byPerson.set(ps[i]!, [x]);
    }
  }
  return byPerson;
}

/**
 * The items in force for one run: optional items taken in or left out, scenario dates applied.
 * Costs nothing when every optional item is taken in and nothing is moved; O(n) when some are
 * left out; a sort when a scenario moves items.
 */
export function indexFor(compiled: CompiledPlan, options: IndexOptions): PlanIndex {
  const settings = resolveSettings(options.settings);
  const all = options.includeOptional === true;
  const chosen = new Set<string>(Array.isArray(options.includeOptional) ? options.includeOptional : []);
  for (const id of options.scenario?.includeOptionalIds ?? []) chosen.add(id);
  const takesIn = (id: string) => all || chosen.has(id);
  const overrides = new Map<string, { startsAt: string; endsAt: string }>();
  for (const o of options.scenario?.overrides ?? []) overrides.set(o.itemId, o);
  const base = {
    plan: compiled.plan,
    settings,
    placeById: compiled.placeById,
    participantById: compiled.participantById,
    visitById: compiled.visitById,
    windowById: compiled.windowById,
    takesIn,
    longestEventMs: compiled.longestEventMs,
    blackouts: compiled.blackouts,
  };

  const everything = all || compiled.optionalCount === 0;
  if (everything && overrides.size === 0) {
    const { nodes, order, starts, ends, timelines } = compiled;
    return { ...base, all: nodes, nodes, order, starts, ends, timelines };
  }
  const inForce = (x: Node) => !x.optional || takesIn(x.id);
  if (overrides.size === 0) {
    const order = compiled.order.filter((i) => inForce(compiled.nodes[i]!));
    const nodes = Array.from(order, (i) => compiled.nodes[i]!);
    const timelines = new Map<string, Node[]>();
    for (const [person, list] of compiled.timelines) {
      const kept = list.filter(inForce);
      if (kept.length > 0) timelines.set(person, kept);
    }
    return { ...base, all: compiled.nodes, nodes, order, ...boundsOf(compiled.nodes, order), timelines };
  }
  // A scenario moves items (events and legs; windows stay put): move them, then sort again.
  const moves: Node[] = compiled.nodes.slice();
  for (let i = 0; i < moves.length; i++) {
    const x = moves[i]!;
    const o = x.type === 'window' ? undefined : overrides.get(x.id);
    if (o) moves[i] = moved(x, toMs(o.startsAt), toMs(o.endsAt), compiled.participantById);
  }
  const nodes = Array.from(compiled.order, (i) => moves[i]!).filter((x) => inForce(x) && x.end > x.start);
  const positions = new Uint32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) positions[i] = nodes[i]!.n;
  const sorted = sortByStart(nodes);
  const order = new Uint32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) order[i] = positions[sorted[i]!]!;
  return {
    ...base,
    all: moves,
    nodes,
    order,
    ...boundsOf(moves, order),
    timelines: timelinesOf(moves, order),
    longestEventMs: longestEvent(nodes),
  };
}

/** Build the engine's view of a plan for one run (compile, then optional items and scenario applied). */
export function buildIndex(plan: Plan, options: IndexOptions): PlanIndex {
  return indexFor(compilePlan(plan), options);
}

const TYPE_RANK: Record<NodeType, number> = { event: 0, leg: 1, window: 2 };

/**
 * Positions of `nodes` sorted by (start, end, type, id): an order that does not depend on the
 * order of the plan's arrays.
 */
export function sortByStart(nodes: readonly Node[]): Uint32Array {
  const keys = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) keys[i] = nodes[i]!.start;
  return sortByKey(keys, (a, b) => compareTies(nodes[a]!, nodes[b]!));
}

/**
 * Positions of `keys` in ascending order (`sortedOrder`), with each run of equal keys (rare,
 * short) settled by `tie`, a comparison of two positions.
 */
export function sortByKey(keys: Float64Array, tie: (a: number, b: number) => number): Uint32Array {
  const order = sortedOrder(keys);
  for (let i = 0; i < order.length;) {
    let j = i + 1;
    while (j < order.length && keys[order[j]!] === keys[order[i]!]) j++;
    if (j - i > 1) order.subarray(i, j).sort(tie);
    i = j;
  }
  return order;
}

export const EVENT = 0;
export const LEG = 1;
export const WINDOW = 2;

/** Positions sorted by (start, end, kind, id), as `sortByStart`, from the items' parts. */
function sortItems(
  starts: Float64Array,
  ends: Float64Array,
  kinds: Uint8Array,
  items: readonly { id: string }[],
): Uint32Array {
  return sortByKey(starts, (a, b) => {
    const ia = items[a]!.id;
    const ib = items[b]!.id;
    return ends[a]! - ends[b]! || kinds[a]! - kinds[b]! || (ia < ib ? -1 : ia > ib ? 1 : 0);
  });
}

/** The time order of two nodes: (start, end, type, id). */
export function compareNodes(a: Node, b: Node): number {
  return a.start - b.start || compareTies(a, b);
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
