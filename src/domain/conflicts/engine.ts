/**
 * The engine: a plan compiled once (instants parsed, places resolved, items sorted, each
 * participant's commitments in time order), then for each run the items in force and each rule
 * as a sweep or a walk over them. O(n log n + k) overall for n items and k reported conflicts;
 * never all pairs. Several runs over one plan (with and without optional items, scenarios,
 * candidate dates) share the compiled plan: `compilePlan` once, `analyzeCompiled` per run.
 */
import type { Plan } from '../model';
import { sortBuilt, type Built, type ConflictRecord } from './make';
import { compilePlan, indexFor, type CompiledPlan, type PlanIndex } from './nodes';
import { RULE_REGISTRY } from './rules/registry';
import type { CapStop } from './rules/rule';
import { RULES, type ConflictReport, type FindOptions, type RuleId } from './types';
import { runToEnd } from './steps';

export { compilePlan, type CompiledPlan } from './nodes';

export type Analysis = ConflictReport & {
  conflicts: ConflictRecord[];
  /** Where each capped rule that says so stopped listing (see `CapStop`); the recheck reads these. */
  capStops: Partial<Record<RuleId, CapStop>>;
};

/** How many times the engine ran in this realm (`globalThis.__summitryEngine`, read by the bench and tests). */
export interface EngineStats {
  runs: number;
  /** Capped rules whose list a recheck kept as it was (the edit came after where they stopped). */
  capsKept: number;
}

export function engineStats(): EngineStats {
  const g = globalThis as { __summitryEngine?: EngineStats };
  g.__summitryEngine ??= { runs: 0, capsKept: 0 };
  return g.__summitryEngine;
}

/** Every rule of the registry that `rules` names, over the items in force for one run. */
export function analyzeIndex(index: PlanIndex, rules: readonly RuleId[] = RULES): Analysis {
  return runToEnd(analyzeSteps(index, rules));
}

/**
 * `analyzeIndex` in steps: it pauses (yields) after each rule and before the final sort, so a
 * caller can give the page a turn between them.
 */
export function* analyzeSteps(index: PlanIndex, rules: readonly RuleId[] = RULES): Generator<void, Analysis> {
  engineStats().runs += 1;
  const on = new Set(rules);
  const built: Built[] = [];
  const truncated: RuleId[] = [];
  const capStops: Partial<Record<RuleId, CapStop>> = {};
  let overlapPairsTotal = 0;
  let overlapPairsReported = 0;
  for (const rule of RULE_REGISTRY) {
    if (!on.has(rule.id)) continue;
    const r = rule.run(index);
    push(built, r.built);
    if (r.capped) truncated.push(rule.id);
    if (r.capped && r.stop) capStops[rule.id] = r.stop;
    if (r.total !== undefined) {
      overlapPairsTotal += r.total;
      overlapPairsReported += r.built.length;
    }
    yield;
  }
  return { conflicts: sortBuilt(built), overlapPairsTotal, overlapPairsReported, truncated, capStops };
}

function push(into: Built[], from: Built[]): void {
  for (const b of from) into.push(b);
}

/** One run over a compiled plan. Same semantics as `findConflicts`. */
export function analyzeCompiled(compiled: CompiledPlan, options: FindOptions): Analysis {
  return analyzeIndex(indexFor(compiled, options), options.rules ?? RULES);
}

/** Conflicts with the counts behind any cap. Same semantics as `findConflicts`. */
export function analyzeConflicts(plan: Plan, options: FindOptions): Analysis {
  return analyzeCompiled(compilePlan(plan), options);
}
