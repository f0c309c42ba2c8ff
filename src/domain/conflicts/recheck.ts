/**
 * Incremental recheck: the analysis of a plan's next version from the previous analysis and the
 * recompile's diff. The rules whose every conflict depends only on its own items (double
 * booking, overlap, local hours, blackout) keep the old conflicts of unchanged items and are run
 * again only over the changed items (and, for the pair rules, the items overlapping them in
 * time); a pair rule that stopped at its cap, or would reach it now, is run again over the whole
 * index instead (which pairs fall under a cap depends on every item). The rules that walk whole
 * timelines or visits (transit, continuity, window) run over the whole index, which is cheap
 * once compiled. The conflicts kept are in order already; only the new ones are sorted, then
 * merged in. A scenario or a fresh compile means a full run. Equal to a full run after any
 * sequence of edits, capped or not (property tests in test/domain/conflicts/recheck.test.ts).
 */
import { analyzeCompiled, engineStats, type Analysis } from './engine';
import { compareBuilt, RULE_RANK, sortBuilt, type Built } from './make';
import {
  compareNodes,
  compilePlan,
  indexFor,
  timelinesOf,
  type CompiledPlan,
  type Node,
  type PlanIndex,
} from './nodes';
import { recompilePlan, type PlanDiff } from './recompile';
import { RULE_REGISTRY } from './rules/registry';
import type { RuleResult } from './rules/rule';
import { timelineRules } from './rules/timeline';
import { windowConflicts } from './rules/window';
import { RULES, type FindOptions, type RuleId } from './types';
import type { Plan } from '../model';
import { toMs } from '../time';

const LOCAL: ReadonlySet<RuleId> = new Set<RuleId>(['double-booking', 'overlap', 'local-hours', 'blackout']);
const CAPPED: ReadonlySet<RuleId> = new Set<RuleId>(['double-booking', 'overlap', 'blackout']);

/** A plan version as the engine left it: compiled, and analysed with `options`. */
export interface Checked {
  compiled: CompiledPlan;
  analysis: Analysis;
  options: FindOptions;
}

/** Compile and analyse `plan`; from `prev` (the previous version, same options) when given. */
export function recheck(prev: Checked | undefined, plan: Plan, options: FindOptions): Checked {
  if (!prev) {
    const compiled = compilePlan(plan);
    return { compiled, analysis: analyzeCompiled(compiled, options), options };
  }
  const { compiled, diff } = recompilePlan(prev.compiled, plan);
  const analysis = diff ? recheckAnalysis(prev.analysis, compiled, diff, options) : analyzeCompiled(compiled, options);
  return { compiled, analysis, options };
}

/**
 * What a recheck has so far: which of the previous conflicts it keeps (by position in
 * `prev.conflicts`, so they stay in order) and the conflicts it made.
 */
interface Outcome {
  keep: Uint8Array;
  fresh: Built[];
}

/** The analysis of `compiled` from `prev`, the analysis (with the same options) of the version `diff` came from. */
export function recheckAnalysis(
  prev: Analysis,
  compiled: CompiledPlan,
  diff: PlanDiff,
  options: FindOptions,
): Analysis {
  if (options.scenario) return analyzeCompiled(compiled, options);
  const index = indexFor(compiled, options);
  const on = new Set(options.rules ?? RULES);
  const changed = new Set<Node>();
  for (const x of diff.added) if (!x.optional || index.takesIn(x.id)) changed.add(x);
  const out: Outcome = { keep: new Uint8Array(prev.conflicts.length), fresh: [] };
  if (!timelineRecheck(prev, index, diff, on, out)) return analyzeCompiled(compiled, options);
  engineStats().runs += 1;
  const whole = pairRules(prev, index, diff, changed, on, out);
  if (on.has('window')) windowRecheck(prev, index, diff, changed, out);
  const overlapRank = RULE_RANK.overlap;
  let reported = 0;
  const kept: Built[] = [];
  for (let i = 0; i < out.keep.length; i++) {
    if (!out.keep[i]) continue;
    const c = prev.conflicts[i]!;
    kept.push(c);
    if (c.ruleIndex === overlapRank) reported++;
  }
  for (const c of out.fresh) if (c.ruleIndex === overlapRank) reported++;
  const conflicts = mergeSorted(kept, sortBuilt(out.fresh));
  const overlap = whole.get('overlap');
  const truncated: RuleId[] = [];
  for (const rule of RULE_REGISTRY) if (whole.get(rule.id)?.capped) truncated.push(rule.id);
  return {
    conflicts,
    overlapPairsTotal: overlap?.total ?? reported,
    overlapPairsReported: reported,
    truncated,
  };
}

/** Two lists in the engine's order (`sortBuilt`), as one. */
function mergeSorted(a: Built[], b: Built[]): Built[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Array<Built>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareBuilt(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Double booking, overlap, local hours, blackout. A pair rule that stopped at its cap last time,
 * or would reach it now, is run again over the whole index; the others keep the old conflicts of
 * unchanged items and add those of the changed items. Returns the rules run whole, with their results.
 */
function pairRules(
  prev: Analysis,
  index: PlanIndex,
  diff: PlanDiff,
  changed: ReadonlySet<Node>,
  on: ReadonlySet<RuleId>,
  out: Outcome,
): Map<RuleId, RuleResult> {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const wasWhole: ReadonlySet<RuleId> = new Set(prev.truncated.filter((r) => CAPPED.has(r) && on.has(r)));
  const whole = new Set(wasWhole);
  // The old conflicts of unchanged items, marked kept; how many of each rule (by RULE_RANK).
  const looked = new Uint8Array(RULES.length);
  for (const rule of LOCAL) if (!whole.has(rule)) looked[RULE_RANK[rule]] = 1;
  const counts = new Uint32Array(RULES.length);
  const removed = diff.removed.size > 0 ? diff.removed : undefined;
  for (let i = 0; i < prev.conflicts.length; i++) {
    const c = prev.conflicts[i]!;
    if (!looked[c.ruleIndex] || (removed && c.involvesAny(removed))) continue;
    out.keep[i] = 1;
    counts[c.ruleIndex]!++;
  }
  // The new conflicts of the changed items, by rule.
  const made = new Map<RuleId, Built[]>();
  if (changed.size > 0) {
    let sub: PlanIndex | undefined;
    for (const rule of RULE_REGISTRY) {
      if (!LOCAL.has(rule.id) || !on.has(rule.id) || whole.has(rule.id)) continue;
      // Local hours looks at each item alone; blackout needs a blackout in force.
      let over: PlanIndex;
      if (rule.id === 'local-hours') over = { ...index, nodes: [...changed] };
      else if (rule.id === 'blackout' && index.blackouts.length === 0) continue;
      else over = sub ??= around(index, changed);
      const r = rule.run(over);
      if (r.capped) {
        whole.add(rule.id);
        continue;
      }
      const mine: Built[] = [];
      for (const c of r.built) if (c.involvesAny(changed)) mine.push(c);
      made.set(rule.id, mine);
    }
  }
  for (const rule of CAPPED) {
    if (on.has(rule) && counts[RULE_RANK[rule]]! + (made.get(rule)?.length ?? 0) >= cap) whole.add(rule);
  }
  // A rule run whole from here on keeps none of its old conflicts.
  for (const rule of whole) {
    if (wasWhole.has(rule)) continue;
    const r = RULE_RANK[rule];
    for (let i = 0; i < prev.conflicts.length; i++) if (prev.conflicts[i]!.ruleIndex === r) out.keep[i] = 0;
  }
  const results = new Map<RuleId, RuleResult>();
  for (const rule of RULE_REGISTRY) {
    if (!LOCAL.has(rule.id) || !on.has(rule.id)) continue;
    if (whole.has(rule.id)) {
      const r = rule.run(index);
      results.set(rule.id, r);
      for (const c of r.built) out.fresh.push(c);
    } else for (const c of made.get(rule.id) ?? []) out.fresh.push(c);
  }
  return results;
}

const TIMELINE: ReadonlySet<RuleId> = new Set<RuleId>(['transit', 'continuity']);

/**
 * Transit and continuity: the walks of the participants whose commitments changed, again; the
 * old conflicts of everyone else kept. False (a full run is due) when a conflict is shared
 * between someone walked again and someone not.
 */
function timelineRecheck(
  prev: Analysis,
  index: PlanIndex,
  diff: PlanDiff,
  on: ReadonlySet<RuleId>,
  result: Outcome,
): boolean {
  const rules = new Set([...on].filter((r) => TIMELINE.has(r)));
  if (rules.size === 0) return true;
  const touched = new Set<string>();
  for (const x of diff.removed) if (x.commitment) for (const p of x.participants) touched.add(p);
  for (const x of diff.added) if (x.commitment) for (const p of x.participants) touched.add(p);
  const keep: number[] = [];
  const kept = new Set<string>();
  for (let i = 0; i < prev.conflicts.length; i++) {
    const c = prev.conflicts[i]!;
    if (!TIMELINE.has(c.rule)) continue;
    let mine = 0;
    for (const p of c.participantIds) if (touched.has(p)) mine++;
    if (mine === 0) {
      keep.push(i);
      if (touched.size > 0) kept.add(c.id);
    } else if (mine < c.participantIds.length) return false;
  }
  const out: Built[] = [];
  if (touched.size > 0) {
    const timelines = new Map<string, Node[]>();
    for (const [p, list] of index.timelines) if (touched.has(p)) timelines.set(p, list);
    for (const c of timelineRules({ ...index, timelines }, { rules })) {
      if (kept.has(c.id)) return false;
      out.push(c);
    }
  }
  for (const i of keep) result.keep[i] = 1;
  for (const c of out) result.fresh.push(c);
  return true;
}

/**
 * Window: the old conflicts of unchanged items and untouched visits kept; the changed items and
 * every item of the visits they belong to (before or after the edit) checked again.
 */
function windowRecheck(
  prev: Analysis,
  index: PlanIndex,
  diff: PlanDiff,
  changed: ReadonlySet<Node>,
  out: Outcome,
): void {
  const visits = new Set<string>();
  for (const x of diff.removed) if (x.visitId !== undefined) visits.add(x.visitId);
  for (const x of diff.added) if (x.visitId !== undefined) visits.add(x.visitId);
  for (let i = 0; i < prev.conflicts.length; i++) {
    const c = prev.conflicts[i]!;
    if (c.rule !== 'window') continue;
    const visit = c.aboutVisit;
    if (visit !== undefined ? visits.has(visit) : diff.removed.size > 0 && c.involvesAny(diff.removed)) continue;
    out.keep[i] = 1;
  }
  if (changed.size === 0 && visits.size === 0) return;
  // The changed items, every item of the touched visits, and the windows they are tied to.
  const nodes: Node[] = [];
  const windows = new Set<string>();
  if (visits.size > 0) {
    for (const x of index.nodes) if (x.visitId !== undefined && visits.has(x.visitId)) nodes.push(x);
    for (const v of visits) {
      const w = index.visitById.get(v)?.windowId;
      if (w !== undefined) windows.add(w);
    }
  }
  for (const x of changed) {
    if (x.visitId === undefined) nodes.push(x);
    if (x.windowId !== undefined) windows.add(x.windowId);
  }
  for (const id of windows) {
    const w = index.windowById.get(id);
    const x = w ? windowNode(index, w.id, toMs(w.startsAt)) : undefined;
    if (x && !nodes.includes(x)) nodes.push(x);
  }
  nodes.sort(compareNodes);
  for (const c of windowConflicts({ ...index, nodes })) {
    if (c.aboutVisit !== undefined || c.involvesAny(changed)) out.fresh.push(c);
  }
}

/** The items in force that share an instant with one of `changed` (themselves included), as an index. */
function around(index: PlanIndex, changed: ReadonlySet<Node>): PlanIndex {
  const { order, starts, ends, all } = index;
  let span = 0;
  for (let k = 0; k < order.length; k++) if (ends[k]! - starts[k]! > span) span = ends[k]! - starts[k]!;
  const picked = new Set<number>();
  for (const x of changed) {
    const from = x.start - span;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < order.length && starts[k]! < x.end; k++) if (ends[k]! > x.start) picked.add(k);
  }
  const ks = Uint32Array.from(picked).sort();
  const subOrder = new Uint32Array(ks.length);
  const subStarts = new Float64Array(ks.length);
  const subEnds = new Float64Array(ks.length);
  for (let i = 0; i < ks.length; i++) {
    subOrder[i] = order[ks[i]!]!;
    subStarts[i] = starts[ks[i]!]!;
    subEnds[i] = ends[ks[i]!]!;
  }
  return {
    ...index,
    nodes: Array.from(subOrder, (n) => all[n]!),
    order: subOrder,
    starts: subStarts,
    ends: subEnds,
    timelines: timelinesOf(all, subOrder),
  };
}

/** The node of window `id` (starting at `start`) among the items in force, if it is one. */
function windowNode(index: PlanIndex, id: string, start: number): Node | undefined {
  const { order, starts, all } = index;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < order.length && starts[k] === start; k++) {
    const x = all[order[k]!]!;
    if (x.type === 'window' && x.id === id) return x;
  }
  return undefined;
}
