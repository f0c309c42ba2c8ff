/**
 * Incremental recheck: the analysis of a plan's next version from the previous analysis and the
 * recompile's diff. The rules whose every conflict depends only on its own items (double
 * booking, overlap, local hours, blackout) keep the old conflicts of unchanged items and are run
 * again only over the changed items and the items overlapping them in time; the rules that walk
 * whole timelines or visits (transit, continuity, window) run over the whole index, which is
 * cheap once compiled. A scenario, a capped rule or a fresh compile means a full run. Equal to a
 * full run after any sequence of edits (property test in test/domain/conflicts/recheck.test.ts).
 */
import { analyzeCompiled, engineStats, type Analysis } from './engine';
import { sortBuilt, type Built } from './make';
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
import { timelineRules } from './rules/timeline';
import { windowConflicts } from './rules/window';
import { RULES, type FindOptions, type RuleId } from './types';
import type { Plan } from '../model';
import { toMs } from '../time';

const LOCAL: ReadonlySet<RuleId> = new Set<RuleId>(['double-booking', 'overlap', 'local-hours', 'blackout']);
const CAPPED: readonly RuleId[] = ['double-booking', 'overlap', 'blackout'];

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

/** The analysis of `compiled` from `prev`, the analysis (with the same options) of the version `diff` came from. */
export function recheckAnalysis(
  prev: Analysis,
  compiled: CompiledPlan,
  diff: PlanDiff,
  options: FindOptions,
): Analysis {
  if (options.scenario || prev.truncated.length > 0) return analyzeCompiled(compiled, options);
  const index = indexFor(compiled, options);
  const on = new Set(options.rules ?? RULES);
  const changed = new Set<Node>();
  for (const x of diff.added) if (!x.optional || index.takesIn(x.id)) changed.add(x);
  const built = pairRules(prev, index, diff, changed, on);
  if (!built) return analyzeCompiled(compiled, options);
  const timeline = timelineRecheck(prev, index, diff, on);
  if (!timeline) return analyzeCompiled(compiled, options);
  engineStats().runs += 1;
  for (const c of timeline) built.push(c);
  if (on.has('window')) for (const c of windowRecheck(prev, index, diff, changed)) built.push(c);
  let pairs = 0;
  for (const c of built) if (c.rule === 'overlap') pairs++;
  return { conflicts: sortBuilt(built), overlapPairsTotal: pairs, overlapPairsReported: pairs, truncated: [] };
}

/** Double booking, overlap, local hours, blackout: old conflicts of unchanged items, new ones of changed items; undefined at a cap. */
function pairRules(
  prev: Analysis,
  index: PlanIndex,
  diff: PlanDiff,
  changed: ReadonlySet<Node>,
  on: ReadonlySet<RuleId>,
): Built[] | undefined {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const built: Built[] = [];
  const counts = new Map<RuleId, number>();
  const take = (c: Built) => {
    built.push(c);
    counts.set(c.rule, (counts.get(c.rule) ?? 0) + 1);
  };
  for (const c of prev.conflicts) {
    if (!LOCAL.has(c.rule)) continue;
    if (diff.removed.size > 0 && c.involvesAny(diff.removed)) continue;
    take(c);
  }
  if (changed.size > 0) {
    const sub = around(index, changed);
    for (const rule of RULE_REGISTRY) {
      if (!LOCAL.has(rule.id) || !on.has(rule.id)) continue;
      const r = rule.run(sub);
      if (r.capped) return undefined;
      for (const c of r.built) if (c.involvesAny(changed)) take(c);
    }
  }
  for (const rule of CAPPED) if ((counts.get(rule) ?? 0) >= cap) return undefined;
  return built;
}

const TIMELINE: ReadonlySet<RuleId> = new Set<RuleId>(['transit', 'continuity']);

/**
 * Transit and continuity: the walks of the participants whose commitments changed, again; the
 * old conflicts of everyone else kept. Undefined (a full run) when a conflict is shared between
 * someone walked again and someone not.
 */
function timelineRecheck(
  prev: Analysis,
  index: PlanIndex,
  diff: PlanDiff,
  on: ReadonlySet<RuleId>,
): Built[] | undefined {
  const rules = new Set([...on].filter((r) => TIMELINE.has(r)));
  if (rules.size === 0) return [];
  const touched = new Set<string>();
  for (const x of diff.removed) if (x.commitment) for (const p of x.participants) touched.add(p);
  for (const x of diff.added) if (x.commitment) for (const p of x.participants) touched.add(p);
  const out: Built[] = [];
  const kept = new Set<string>();
  for (const c of prev.conflicts) {
    if (!TIMELINE.has(c.rule)) continue;
    let mine = 0;
    for (const p of c.participantIds) if (touched.has(p)) mine++;
    if (mine === 0) {
      out.push(c);
      kept.add(c.id);
    } else if (mine < c.participantIds.length) return undefined;
  }
  if (touched.size === 0) return out;
  const timelines = new Map<string, Node[]>();
  for (const [p, list] of index.timelines) if (touched.has(p)) timelines.set(p, list);
  for (const c of timelineRules({ ...index, timelines }, { rules })) {
    if (kept.has(c.id)) return undefined;
    out.push(c);
  }
  return out;
}

/**
 * Window: the old conflicts of unchanged items and untouched visits kept; the changed items and
 * every item of the visits they belong to (before or after the edit) checked again.
 */
function windowRecheck(prev: Analysis, index: PlanIndex, diff: PlanDiff, changed: ReadonlySet<Node>): Built[] {
  const visits = new Set<string>();
  for (const x of diff.removed) if (x.visitId !== undefined) visits.add(x.visitId);
  for (const x of diff.added) if (x.visitId !== undefined) visits.add(x.visitId);
  const out: Built[] = [];
  for (const c of prev.conflicts) {
    if (c.rule !== 'window') continue;
    const visit = c.aboutVisit;
    if (visit !== undefined ? visits.has(visit) : diff.removed.size > 0 && c.involvesAny(diff.removed)) continue;
    out.push(c);
  }
  if (changed.size === 0 && visits.size === 0) return out;
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
    if (c.aboutVisit !== undefined || c.involvesAny(changed)) out.push(c);
  }
  return out;
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
