/**
 * Overlap: every pair of items (events, legs, windows) whose half-open intervals share an
 * instant, except all-day items that have nothing to do with each other (`isUnrelatedAllDay`:
 * different local days, or different cities with no one in common) and a visit's "visit day"
 * with that visit's own items, which it holds (`isVisitProgramme`). Sort and sweep:
 * O(n log n + k) for k reported pairs; the total is counted exactly in O(n log n) without
 * listing the pairs (less the pairs left out, listed among the all-day items and within each
 * visit that has visit days), so
 * a capped list still says how many there are.
 */
import { isUnrelatedAllDay, isVisitDay, isVisitProgramme } from '../all-day';
import { describe, duration } from '../describe';
import { build, type Built, type ConflictRecord } from '../make';
import { firstNotBelow, longestSpan, sortByStart, sortedOrder, type Node, type PlanIndex } from '../nodes';
import type { ConflictRule, RuleResult } from './rule';

/** The overlap rule's result: `total` counts every overlapping pair, even past the cap. */
export type OverlapResult = RuleResult & { total: number };

/**
 * Calls `visit(a, b)` for overlapping pairs in sweep order until it returns false. Returns the
 * pairs visited. `starts` and `ends` hold the bounds of `nodes[order[k]]` at `k` (sorted by start).
 */
export function sweepPairs(
  nodes: readonly Node[],
  order: ArrayLike<number>,
  starts: Float64Array,
  ends: Float64Array,
  visit: (a: Node, b: Node) => boolean,
): number {
  // The items still running, as positions in `order`: `active[0 .. live)`, in start order;
  // `latest` is at least the latest end among them, so an item starting after it (most items,
  // in a real plan) clears them at once.
  const active = new Uint32Array(order.length);
  let live = 0;
  let latest = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const s = starts[k]!;
    if (s >= latest) live = 0;
    else {
      let w = 0;
      for (let j = 0; j < live; j++) {
        const a = active[j]!;
        if (ends[a]! > s) active[w++] = a;
      }
      live = w;
      if (w > 0) {
        const x = nodes[order[k]!]!;
        for (let j = 0; j < w; j++) {
          count++;
          if (!visit(nodes[order[active[j]!]!]!, x)) return count;
        }
      }
    }
    const e = ends[k]!;
    if (live === 0 || e > latest) latest = e;
    active[live++] = k;
  }
  return count;
}

/**
 * Exact number of overlapping pairs among items whose starts are `starts` (ascending) and whose
 * ends are `ends` (any order), O(n log n) (a radix sort of the ends).
 */
export function countOverlapPairs(starts: Float64Array, ends: Float64Array): number {
  const n = starts.length;
  const byEnd = sortedOrder(ends);
  // Pairs (j before i in start order) overlap unless j ended by i's start: count i − #{end ≤ start_i}.
  let total = 0;
  let e = 0;
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    while (e < n && ends[byEnd[e]!]! <= s) e++;
    total += i - e;
  }
  return total;
}

export function overlapRule(index: PlanIndex): OverlapResult {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const built: Built[] = [];
  // The start of the item the sweep had reached when the list filled (the later item of each pair).
  let at = Number.NEGATIVE_INFINITY;
  if (cap > 0) {
    sweepPairs(index.all, index.order, index.starts, index.ends, (a, b) => {
      if (isLeftOut(a, b)) return true;
      built.push(overlapConflict(a, b));
      at = b.start;
      return built.length < cap;
    });
  }
  const full = built.length >= cap && cap < Number.POSITIVE_INFINITY;
  const total = full ? countOverlapPairs(index.starts, index.ends) - countLeftOut(index.nodes) : built.length;
  const capped = total > built.length;
  return capped ? { built, total, capped, stop: { at } } : { built, total, capped };
}

/**
 * The overlap rule's total after an edit, from its total before: less the pairs of the items
 * the edit took away (`removed`, those that were in force), plus those of the items it brought
 * (`added`), each counted against the unchanged items in force and among themselves. O(changed ×
 * the items within the longest item's length of them), instead of counting every pair again.
 */
export function overlapTotalAfter(
  before: number,
  index: PlanIndex,
  removed: Iterable<Node>,
  added: readonly Node[],
): number {
  const inForce = (x: Node) => !x.optional || index.takesIn(x.id);
  const isAdded = new Uint8Array(index.all.length);
  for (const x of added) isAdded[x.n] = 1;
  const gone = [...removed].filter(inForce);
  const come = added.filter(inForce);
  if (gone.length === 0 && come.length === 0) return before;
  const span = longestSpan(index.starts, index.ends);
  return before - pairsOf(index, span, gone, isAdded) + pairsOf(index, span, come, isAdded);
}

/**
 * Overlapping pairs listed by the overlap rule (not left out) that involve one of `xs`: with the
 * items in force of `index` not marked in `skip` (by position in `index.all`, which is `n`), and
 * among `xs`. `span`: at least the longest item's length.
 */
function pairsOf(index: PlanIndex, span: number, xs: readonly Node[], skip: Uint8Array): number {
  const { all, order, starts, ends } = index;
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    for (let j = i + 1; j < xs.length; j++) {
      const y = xs[j]!;
      if (x.start < y.end && y.start < x.end && !isLeftOut(x, y)) count++;
    }
    // A timed item outside any visit leaves no pair out (`isLeftOut` needs an all-day item or a visit).
    const plain = !x.allDay && x.visitId === undefined;
    for (let k = firstNotBelow(starts, x.start - span); k < order.length && starts[k]! < x.end; k++) {
      if (ends[k]! <= x.start || skip[order[k]!]) continue;
      if (plain || !isLeftOut(x, all[order[k]!]!)) count++;
    }
  }
  return count;
}

function isLeftOut(a: Node, b: Node): boolean {
  return isUnrelatedAllDay(a, b) || isVisitProgramme(a, b);
}

/** Overlapping pairs that `isLeftOut` leaves out: among all-day items, and within visits with visit days. */
function countLeftOut(nodes: readonly Node[]): number {
  // One pass: the all-day items, and the items of each visit (kept below for visits with visit days).
  const allDay: Node[] = [];
  const withDays = new Set<string>();
  const byVisit = new Map<string, Node[]>();
  for (const x of nodes) {
    if (x.allDay) allDay.push(x);
    const v = x.visitId;
    if (v === undefined) continue;
    if (isVisitDay(x)) withDays.add(v);
    const list = byVisit.get(v);
    if (list) list.push(x);
    else byVisit.set(v, [x]);
  }
  let count = countPairs(allDay, isUnrelatedAllDay);
  for (const [v, list] of byVisit) {
    if (withDays.has(v)) count += countPairs(list, (a, b) => isVisitProgramme(a, b) && !isUnrelatedAllDay(a, b));
  }
  return count;
}

/** Overlapping pairs of `nodes` for which `test` holds. */
function countPairs(nodes: readonly Node[], test: (a: Node, b: Node) => boolean): number {
  const order = sortByStart(nodes);
  const starts = new Float64Array(nodes.length);
  const ends = new Float64Array(nodes.length);
  for (let k = 0; k < order.length; k++) {
    starts[k] = nodes[order[k]!]!.start;
    ends[k] = nodes[order[k]!]!.end;
  }
  let n = 0;
  sweepPairs(nodes, order, starts, ends, (a, b) => {
    if (test(a, b)) n++;
    return true;
  });
  return n;
}

function overlapConflict(a: Node, b: Node): Built {
  const start = Math.max(a.start, b.start);
  return build({
    rule: 'overlap',
    severity: 'info',
    parties: [a, b],
    atMs: start,
    marginMs: Math.min(a.end, b.end) - start,
    margin: overlapsBy,
    explain: explainOverlap,
  });
}

/** "overlaps by 1 h 40 min". */
export function overlapsBy(ms: number): string {
  return `overlaps by ${duration(ms)}`;
}

function explainOverlap(_: unknown, c: ConflictRecord): string {
  const a = c.partyAt(0) as Node;
  const b = c.partyAt(1) as Node;
  return `${capitalizeFirst(describe(a))} and ${describe(b)} overlap by ${duration(c.marginMs)}.`;
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const overlap: ConflictRule = { id: 'overlap', run: overlapRule };
