/** One run of the engine over a plan (compile + rules), and a finder that compiles a plan once. */
import type { Plan } from '../model';
import { analyzeCompiled, analyzeConflicts, compilePlan, type CompiledPlan } from './engine';
import type { ConflictRecord } from './make';
import type { FindOptions } from './types';

/**
 * Every conflict in the plan, in a deterministic order (see the module comment). The records
 * are `Conflict`s (plus `atMs`); copy them with `toPlainConflict`, not by spreading.
 */
export function findConflicts(plan: Plan, options: FindOptions): ConflictRecord[] {
  return analyzeConflicts(plan, options).conflicts;
}

/**
 * `findConflicts` for several runs over one plan (with and without optional items, each
 * scenario): `plan` is compiled once, on the first run. Any other plan is compiled afresh.
 */
export function finderFor(plan: Plan): (p: Plan, options: FindOptions) => ConflictRecord[] {
  let compiled: CompiledPlan | undefined;
  return (p, options) => {
    if (p !== plan) return findConflicts(p, options);
    compiled ??= compilePlan(plan);
    return analyzeCompiled(compiled, options).conflicts;
  };
}
