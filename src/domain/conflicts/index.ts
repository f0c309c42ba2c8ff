/**
 * The conflict engine's entry point.
 *
 * Semantics (also in README.md):
 * - Items in force: events, legs and windows that are not cancelled or postponed (nor in a
 *   cancelled or postponed visit); optional events and legs only when taken in (`includeOptional`
 *   true, a list of ids, or a scenario's `includeOptionalIds`); a scenario's overrides replace
 *   items' instants. Intervals are half-open UTC instants: touching items do not overlap.
 * - Commitments are events other than notes and holidays, and legs. Windows of kind 'blackout'
 *   are blackouts for their participants (none listed: everyone); kind 'window' are what items
 *   are tied to by `windowId` and `windowMarginDays`.
 * - Severity: `error` when every item involved is confirmed or held, else `warning`; the overlap
 *   rule is `info`; local hours are at most a warning.
 * - `onlyWith` lists the optional items a conflict names: it exists only when they are taken in.
 * - `id` is stable: the rule and the sorted `type:id` of the items that define the conflict
 *   (for a visit outside its window: the visit and the window).
 * - Order: `at`, then severity (errors first), then rule (RULES order), then id.
 */
import type { Plan } from '../model';
import { analyzeCompiled, analyzeConflicts, compilePlan, type CompiledPlan } from './engine';
import type { ConflictRecord } from './make';
import type { FindOptions } from './types';

export * from './types';
export { DEFAULT_SETTINGS, resolveSettings } from './settings';
export { analyzeCompiled, analyzeConflicts, compilePlan, type Analysis, type CompiledPlan } from './engine';
export { conflictId, severityOf, toPlainConflict, ConflictRecord } from './make';
export { nightOverlap } from './rules/local-hours';
export { isCompatible } from './rules/double-booking';

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
