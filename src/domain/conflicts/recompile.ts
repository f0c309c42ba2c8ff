/**
 * Incremental compile: the next version of a plan compiled from the previous one. Items whose
 * record is unchanged (the same object, the same non-empty revision, or equal fields) keep their
 * compiled node; only changed, added and removed items are parsed again and moved in the time
 * order and in their participants' timelines. Anything else that changed (places, participants,
 * visits, windows), or many items at once, compiles afresh.
 */
import type { Leg, Plan, PlanEvent } from '../model';
import { toMs } from '../time';
import { compareNodes, compilePlan, EVENT, isInactive, LEG, nodeFor, type CompiledPlan, type Node } from './nodes';

/** What one recompile changed: nodes gone (as they were) and nodes new (as they are). */
export interface PlanDiff {
  removed: ReadonlySet<Node>;
  added: readonly Node[];
}

export interface Recompiled {
  compiled: CompiledPlan;
  /** Null when the plan was compiled afresh. */
  diff: PlanDiff | null;
}

type Item = PlanEvent | Leg;
type Rec = { id: string; updatedAt?: string; rev?: number };

/** Past this many changed items a fresh compile is as quick. */
const MAX_CHANGES = 2_000;

export function recompilePlan(prev: CompiledPlan, plan: Plan): Recompiled {
  return patchPlan(prev, plan) ?? { compiled: compilePlan(plan), diff: null };
}

/** `recompilePlan`, or null where the plan should be compiled afresh (the caller does it). */
export function patchPlan(prev: CompiledPlan, plan: Plan): (Recompiled & { diff: PlanDiff }) | null {
  const old = prev.plan;
  if (
    !sameList(old.places, plan.places) ||
    !sameList(old.participants, plan.participants) ||
    !sameList(old.visits, plan.visits) ||
    !sameList(old.windows, plan.windows)
  )
    return null;
  const changes: [Item | undefined, Item | undefined, number][] = [];
  if (!changedItems(old.events, plan.events, EVENT, changes) || !changedItems(old.legs, plan.legs, LEG, changes))
    return null;
  if (changes.length === 0) return { compiled: { ...prev, plan }, diff: { removed: new Set(), added: [] } };
  return patch(prev, plan, changes);
}

function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ra = a as Rec;
  const rb = b as Rec;
  if (ra.id !== rb.id) return false;
  if (ra.updatedAt && ra.updatedAt === rb.updatedAt && ra.rev === rb.rev) return true;
  const ka = Object.keys(ra);
  if (ka.length !== Object.keys(rb).length) return false;
  for (const k of ka) {
    const x = (ra as Record<string, unknown>)[k];
    const y = (rb as Record<string, unknown>)[k];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameRecord(a[i], b[i])) return false;
  return true;
}

/** Pairs (before, after, kind) of the items that differ; false past MAX_CHANGES. */
function changedItems(
  a: readonly Item[],
  b: readonly Item[],
  kind: number,
  out: [Item | undefined, Item | undefined, number][],
): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let aligned = true;
    const found: [Item | undefined, Item | undefined, number][] = [];
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x === y) continue;
      if (x.id !== y.id) {
        aligned = false;
        break;
      }
      if (!sameRecord(x, y)) {
        found.push([x, y, kind]);
        if (found.length > MAX_CHANGES) return false;
      }
    }
    if (aligned) {
      for (const f of found) out.push(f);
      return true;
    }
  }
  const before = new Map<string, Item>();
  for (const x of a) before.set(x.id, x);
  let count = 0;
  for (const y of b) {
    const x = before.get(y.id);
    before.delete(y.id);
    if (x && sameRecord(x, y)) continue;
    out.push([x, y, kind]);
    if (++count > MAX_CHANGES) return false;
  }
  for (const x of before.values()) {
    out.push([x, undefined, kind]);
    if (++count > MAX_CHANGES) return false;
  }
  return true;
}

function instantsOf(item: Item, kind: number): [number, number] {
  return kind === EVENT
    ? [toMs((item as PlanEvent).startsAt), toMs((item as PlanEvent).endsAt)]
    : [toMs((item as Leg).departsAt), toMs((item as Leg).arrivesAt)];
}

/** Position in `order` of the first node not before (start, end, type, id) `x`. */
function lowerBound(c: { nodes: readonly Node[]; order: Uint32Array; starts: Float64Array }, x: Node): number {
  let lo = 0;
  let hi = c.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.starts[mid]! < x.start || (c.starts[mid] === x.start && compareNodes(c.nodes[c.order[mid]!]!, x) < 0))
      lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position in `c.order` of node `x` (which it holds). */
function positionOf(c: CompiledPlan, x: Node): number {
  let k = lowerBound(c, x);
  while (c.nodes[c.order[k]!] !== x) k++;
  return k;
}

function patch(
  prev: CompiledPlan,
  plan: Plan,
  changes: [Item | undefined, Item | undefined, number][],
): Recompiled & { diff: PlanDiff } {
  const gone = (item: Item) =>
    isInactive(item.status) ||
    (item.visitId !== undefined && isInactive(prev.visitById.get(item.visitId)?.status ?? 'confirmed'));
  const nodes = prev.nodes.slice();
  const removed = new Set<Node>();
  const added: Node[] = [];
  const free: number[] = [];
  // 1. Each change: the old node out (its slot freed), the new node in (at that slot, or appended).
  for (const [before, after, kind] of changes) {
    let oldNode: Node | undefined;
    if (before && !gone(before)) {
      const [s, e] = instantsOf(before, kind);
      if (e > s) {
        let k = lowerBound(prev, {
          start: s,
          end: e,
          type: kind === EVENT ? 'event' : 'leg',
          id: before.id,
        } as unknown as Node);
        while (k < prev.order.length && prev.nodes[prev.order[k]!]!.id !== before.id) k++;
        oldNode = prev.nodes[prev.order[k]!];
        if (oldNode) removed.add(oldNode);
      }
    }
    let n = oldNode ? oldNode.n : -1;
    if (after && !gone(after)) {
      const [s, e] = instantsOf(after, kind);
      if (e > s) {
        if (n < 0) n = nodes.length;
        const x = nodeFor(n, kind, after, s, e, prev.placeById, prev.participantById);
        nodes[n] = x;
        added.push(x);
        n = -1;
      }
    }
    if (n >= 0) free.push(n);
  }
  // 2. Freed slots filled from the end (the last node renumbered, as a changed node).
  free.sort((a, b) => b - a);
  for (const slot of free) {
    const last = nodes.pop()!;
    if (last.n === slot) continue;
    const moved: Node = { ...last, n: slot };
    nodes[slot] = moved;
    const i = added.indexOf(last);
    if (i >= 0) added[i] = moved;
    else {
      removed.add(last);
      added.push(moved);
    }
  }
  return { compiled: assemble(prev, plan, nodes, removed, added), diff: { removed, added } };
}

function assemble(
  prev: CompiledPlan,
  plan: Plan,
  nodes: Node[],
  removed: ReadonlySet<Node>,
  added: Node[],
): CompiledPlan {
  // The time order: the old one less the removed nodes, merged with the new ones; copied in
  // stretches between the few places that change.
  const fresh = added.slice().sort(compareNodes);
  const marks: { k: number; add?: Node }[] = [];
  for (const x of removed) marks.push({ k: positionOf(prev, x) });
  for (const y of fresh) marks.push({ k: lowerBound(prev, y), add: y });
  // At one place: the new nodes (in time order) before the removal of the old one there.
  marks.sort((a, b) => a.k - b.k || (a.add ? 0 : 1) - (b.add ? 0 : 1));
  const size = prev.order.length - removed.size + fresh.length;
  const order = new Uint32Array(size);
  const starts = new Float64Array(size);
  const ends = new Float64Array(size);
  let w = 0;
  let from = 0;
  const copyTo = (k: number) => {
    order.set(prev.order.subarray(from, k), w);
    starts.set(prev.starts.subarray(from, k), w);
    ends.set(prev.ends.subarray(from, k), w);
    w += k - from;
    from = k;
  };
  for (const m of marks) {
    copyTo(m.k);
    if (m.add) {
      order[w] = m.add.n;
      starts[w] = m.add.start;
      ends[w++] = m.add.end;
    } else from = m.k + 1;
  }
  copyTo(prev.order.length);
  let optionalCount = prev.optionalCount;
  let longest = prev.longestEventMs;
  let recount = false;
  for (const x of removed) {
    if (x.optional) optionalCount--;
    if (x.type === 'event' && x.commitment && x.end - x.start >= longest) recount = true;
  }
  for (const x of added) {
    if (x.optional) optionalCount++;
    if (x.type === 'event' && x.commitment && x.end - x.start > longest) longest = x.end - x.start;
  }
  if (recount) {
    longest = 0;
    for (const x of nodes)
      if (x.type === 'event' && x.commitment && x.end - x.start > longest) longest = x.end - x.start;
  }
  const swapped = new Map<Node, Node>();
  for (const x of added) if (x.type === 'window') for (const r of removed) if (r.id === x.id) swapped.set(r, x);
  const blackouts = swapped.size === 0 ? prev.blackouts : prev.blackouts.map((b) => swapped.get(b) ?? b);
  return {
    ...prev,
    plan,
    nodes,
    order,
    starts,
    ends,
    timelines: timelinesAfter(prev.timelines, removed, fresh),
    optionalCount,
    longestEventMs: longest,
    blackouts,
  };
}

/** Each participant's commitments with the removed nodes out and the added ones in, in first-seen order. */
function timelinesAfter(
  before: ReadonlyMap<string, Node[]>,
  removed: ReadonlySet<Node>,
  fresh: readonly Node[],
): Map<string, Node[]> {
  const touched = new Set<string>();
  for (const x of removed) if (x.commitment) for (const p of x.participants) touched.add(p);
  for (const x of fresh) if (x.commitment) for (const p of x.participants) touched.add(p);
  if (touched.size === 0) return before as Map<string, Node[]>;
  const lists = new Map<string, Node[]>();
  for (const [p, list] of before) lists.set(p, touched.has(p) ? list.filter((x) => !removed.has(x)) : list);
  for (const p of touched) if (!lists.has(p)) lists.set(p, []);
  for (const x of fresh) {
    if (!x.commitment) continue;
    for (const p of x.participants) {
      const list = lists.get(p)!;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareNodes(list[mid]!, x) < 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, x);
    }
  }
  // The order `timelinesOf` gives: by each participant's first commitment, then their place in its list.
  const entries = [...lists].filter(([, list]) => list.length > 0);
  entries.sort(([p, a], [q, b]) => {
    const x = a[0]!;
    const y = b[0]!;
    if (x !== y) return compareNodes(x, y);
    return x.participants.indexOf(p) - x.participants.indexOf(q);
  });
  return new Map(entries);
}
