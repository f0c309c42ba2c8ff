/**
 * The engine: one index of the plan (sorted once), then each rule as a sweep or a walk over it.
 * O(n log n + k) overall for n items and k reported conflicts; never all pairs.
 */
import type { Plan } from '../model';
import { sortBuilt, type Built, type ConflictRecord } from './make';
import { buildIndex, type Node, type PlanIndex } from './nodes';
import { blackoutRule } from './rules/blackout';
import { doubleBookingRule } from './rules/double-booking';
import { localHoursRule } from './rules/local-hours';
import { overlapRule } from './rules/overlap';
import { timelineRules } from './rules/timeline';
import { windowRule } from './rules/window';
import { RULES, type ConflictReport, type FindOptions, type RuleId } from './types';

/**
 * Each participant's commitments (events that are not notes or holidays, and legs) in time
 * order (start, end, then plan order).
 */
export function participantTimelines(index: PlanIndex): Map<string, Node[]> {
  const byPerson = new Map<string, Node[]>();
  for (let k = 0; k < index.order.length; k++) {
    const x = index.nodes[index.order[k]!]!;
    if (!x.commitment) continue;
    for (const p of x.participants) {
      const list = byPerson.get(p);
      if (list) list.push(x);
      else byPerson.set(p, [x]);
    }
  }
  return byPerson;
}

/** Every rule over a built index. */
export function analyzeIndex(index: PlanIndex, rules: readonly RuleId[] = RULES): ConflictReport & { conflicts: ConflictRecord[] } {
  const on = new Set(rules);
  const built: Built[] = [];
  const truncated: RuleId[] = [];
  let overlapPairsTotal = 0;
  let overlapPairsReported = 0;
  const needTimelines = on.has('double-booking') || on.has('transit') || on.has('continuity');
  const timelines = needTimelines ? participantTimelines(index) : new Map<string, Node[]>();
  if (on.has('double-booking')) {
    const r = doubleBookingRule(index, timelines);
    push(built, r.built);
    if (r.capped) truncated.push('double-booking');
  }
  if (on.has('overlap')) {
    const r = overlapRule(index);
    push(built, r.built);
    overlapPairsTotal = r.total;
    overlapPairsReported = r.built.length;
    if (r.capped) truncated.push('overlap');
  }
  if (on.has('transit') || on.has('continuity')) push(built, timelineRules(index, timelines, { rules: on }));
  if (on.has('window')) push(built, windowRule(index));
  if (on.has('local-hours')) push(built, localHoursRule(index));
  if (on.has('blackout')) {
    const r = blackoutRule(index);
    push(built, r.built);
    if (r.capped) truncated.push('blackout');
  }
  return { conflicts: sortBuilt(built), overlapPairsTotal, overlapPairsReported, truncated };
}

function push(into: Built[], from: Built[]): void {
  for (const b of from) into.push(b);
}

/** Conflicts with the counts behind any cap. Same semantics as `findConflicts`. */
export function analyzeConflicts(plan: Plan, options: FindOptions): ConflictReport & { conflicts: ConflictRecord[] } {
  return analyzeIndex(buildIndex(plan, options), options.rules ?? RULES);
}

