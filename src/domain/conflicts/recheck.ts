/**
 * Incremental recheck: the analysis of a plan's next version from the previous analysis and the
 * recompile's diff. One pass over the previous conflicts decides which are kept (`keptOf`):
 * - the rules whose every conflict depends only on its own items (double booking, overlap, local
 *   hours, blackout) keep the old conflicts of unchanged items, and are run again only over the
 *   changed items (the pair rules with the items overlapping them in time);
 * - a pair rule that stopped at its cap keeps its list as it was when the edit came after where
 *   it stopped (`CapStop`; the overlap total is moved by the pairs of the items taken away and
 *   brought), and is otherwise run again over the whole index, as is one that would reach its cap
 *   now (which pairs fall under a cap depends on every item before the stop);
 * - transit and continuity walk again the participants whose commitments changed; window checks
 *   the changed items and their visits again.
 * The conflicts kept are in order already; only the new ones are sorted, then merged in. A
 * scenario or a fresh compile means a full run. Equal to a full run after any sequence of edits,
 * capped or not (property tests in test/domain/conflicts/recheck.test.ts).
 */
import { analyzeCompiled, engineStats, type Analysis } from './engine';
import { keysOf, mergeKeys } from './keys';
import { RULE_RANK, sortBuilt, type Built } from './make';
import {
  compareNodes,
  compilePlan,
  firstNotBelow,
  indexFor,
  type CompiledPlan,
  type Node,
  type PlanIndex,
} from './nodes';
import { recompilePlan, type PlanDiff } from './recompile';
import { CAPPED, isAfter, LOCAL, pairRules, type Edit, type Outcome } from './recheck-pairs';
import { RULE_REGISTRY } from './rules/registry';
import type { CapStop } from './rules/rule';
import { timelineRules } from './rules/timeline';
import { windowConflicts } from './rules/window';
import { RULES, type FindOptions, type RuleId } from './types';
import type { Plan } from '../model';
import { toMs } from '../time';

const TIMELINE: ReadonlySet<RuleId> = new Set<RuleId>(['transit', 'continuity']);

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

/** How the recheck treats a rule's previous conflicts (by `RULE_RANK`). */
const DROP = 0;
/** Kept unless they name a removed item (double booking, overlap, local hours, blackout). */
const UNLESS_REMOVED = 1;
/** Kept as they are (a capped rule's list that the edit cannot change). */
const ALL = 2;
/** Kept unless they name a participant walked again (transit, continuity). */
const UNLESS_WALKED = 3;
/** Kept unless about a touched visit or naming a removed item (window). */
const UNLESS_VISIT = 4;

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
  const edit = editOf(index, diff, on);
  // The capped pair rules: kept as they were where the edit came after where they stopped
  // (`CapStop`), else run again over the whole index.
  const wasWhole = prev.truncated.filter((r) => CAPPED.has(r) && on.has(r));
  const still = new Set<RuleId>();
  for (const rule of wasWhole) {
    const stop = prev.capStops[rule];
    if (stop && isAfter(stop, diff)) still.add(rule);
  }
  engineStats().capsKept += still.size;
  const whole = new Set(wasWhole.filter((r) => !still.has(r)));
  const mode = new Uint8Array(RULES.length);
  for (const rule of on) {
    const r = RULE_RANK[rule];
    if (still.has(rule)) mode[r] = ALL;
    else if (whole.has(rule)) mode[r] = DROP;
    else if (LOCAL.has(rule)) mode[r] = UNLESS_REMOVED;
    else if (TIMELINE.has(rule)) mode[r] = UNLESS_WALKED;
    else if (rule === 'window') mode[r] = UNLESS_VISIT;
  }
  const out: Outcome = { keep: new Uint8Array(prev.conflicts.length), fresh: [] };
  const counts = keptOf(prev, edit, mode, out);
  if (!counts || !timelineRecheck(prev, index, edit, on, out)) return analyzeCompiled(compiled, options);
  engineStats().runs += 1;
  const results = pairRules(prev, index, edit, on, { still, whole, counts }, out);
  if (on.has('window')) windowRecheck(index, edit, out);
  const conflicts = mergeKeys(prev.conflicts, out.keep, sortBuilt(out.fresh));
  let reported = whole.has('overlap') ? 0 : counts[RULE_RANK.overlap]!;
  for (const c of out.fresh) if (c.ruleIndex === RULE_RANK.overlap) reported++;
  const overlap = results.get('overlap');
  const truncated: RuleId[] = [];
  const capStops: Partial<Record<RuleId, CapStop>> = {};
  for (const rule of RULE_REGISTRY) {
    const r = results.get(rule.id);
    if (!r?.capped) continue;
    truncated.push(rule.id);
    if (r.stop) capStops[rule.id] = r.stop;
  }
  return {
    conflicts,
    overlapPairsTotal: overlap?.total ?? reported,
    overlapPairsReported: reported,
    truncated,
    capStops,
  };
}

function editOf(index: PlanIndex, diff: PlanDiff, on: ReadonlySet<RuleId>): Edit {
  const changed = new Set<Node>();
  for (const x of diff.added) if (!x.optional || index.takesIn(x.id)) changed.add(x);
  const people = new Set<string>();
  const visits = new Set<string>();
  const walks = on.has('transit') || on.has('continuity');
  for (const list of [diff.removed, diff.added]) {
    for (const x of list) {
      if (walks && x.commitment) for (const p of x.participants) people.add(p);
      if (x.visitId !== undefined) visits.add(x.visitId);
    }
  }
  const involvesRemoved = (c: Built) => c.involvesAny(diff.removed);
  let top = -1;
  for (const x of diff.removed) if (x.n > top) top = x.n;
  const gone = new Uint8Array(top + 1);
  for (const x of diff.removed) gone[x.n] = 1;
  return { diff, changed, people, visits, involvesRemoved, gone };
}

/**
 * One pass over the previous conflicts: those kept marked in `out.keep`, by each rule's `mode`.
 * Returns how many were kept of each rule (by `RULE_RANK`), or null when a full run is due (a
 * transit or continuity conflict shared between someone walked again and someone not).
 */
function keptOf(prev: Analysis, edit: Edit, mode: Uint8Array, out: Outcome): Uint32Array | null {
  const counts = new Uint32Array(RULES.length);
  const { people, visits, involvesRemoved, gone } = edit;
  const { keep } = out;
  const list = prev.conflicts;
  // Rules and items read from the keys; a conflict itself only where they do not say enough.
  const { rule, a, b } = keysOf(list);
  const top = gone.length;
  for (let i = 0; i < list.length; i++) {
    const r = rule[i]!;
    switch (mode[r]) {
      case UNLESS_REMOVED: {
        if (top === 0) break;
        const x = a[i]!;
        if (x === -2) {
          if (involvesRemoved(list[i]!)) continue;
          break;
        }
        const y = b[i]!;
        if ((x < top && gone[x]) || (y >= 0 && y < top && gone[y])) continue;
        break;
      }
      case ALL:
        break;
      case UNLESS_WALKED: {
        const c = list[i]!;
        if (people.size === 0) break;
        let mine = 0;
        for (const p of c.participantIds) if (people.has(p)) mine++;
        if (mine === 0) break;
        if (mine < c.participantIds.length) return null;
        continue;
      }
      case UNLESS_VISIT: {
        const c = list[i]!;
        const visit = c.aboutVisit;
        if (visit !== undefined ? visits.has(visit) : involvesRemoved(c)) continue;
        break;
      }
      default:
        continue;
    }
    keep[i] = 1;
    counts[r]!++;
  }
  return counts;
}

/**
 * Transit and continuity, after `keptOf` kept the old conflicts of everyone else: the walks of
 * the participants whose commitments changed, again. False (a full run is due) when one of
 * those walks finds a conflict that was kept.
 */
function timelineRecheck(prev: Analysis, index: PlanIndex, edit: Edit, on: ReadonlySet<RuleId>, out: Outcome): boolean {
  const rules = new Set([...on].filter((r) => TIMELINE.has(r)));
  if (rules.size === 0 || edit.people.size === 0) return true;
  const timelines = new Map<string, Node[]>();
  for (const [p, list] of index.timelines) if (edit.people.has(p)) timelines.set(p, list);
  const found = timelineRules({ ...index, timelines }, { rules });
  if (found.length > 0) {
    const kept = new Set<string>();
    for (let i = 0; i < prev.conflicts.length; i++) {
      const c = prev.conflicts[i]!;
      if (out.keep[i] && TIMELINE.has(c.rule)) kept.add(c.id);
    }
    for (const c of found) if (kept.has(c.id)) return false;
  }
  for (const c of found) out.fresh.push(c);
  return true;
}

/**
 * Window, after `keptOf` kept the old conflicts of unchanged items and untouched visits: the
 * changed items and every item of the visits they belong to (before or after the edit) checked again.
 */
function windowRecheck(index: PlanIndex, edit: Edit, out: Outcome): void {
  const { changed, visits } = edit;
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

/** The node of window `id` (starting at `start`) among the items in force, if it is one. */
function windowNode(index: PlanIndex, id: string, start: number): Node | undefined {
  const { order, starts, all } = index;
  for (let k = firstNotBelow(starts, start); k < order.length && starts[k] === start; k++) {
    const x = all[order[k]!]!;
    if (x.type === 'window' && x.id === id) return x;
  }
  return undefined;
}
