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
 * - Order: `at`, then severity (errors first), then rule (RULES order), then the items named
 *   (each by start, end, type and id; see `ConflictRecord.compareItems`).
 */
export * from './types';
export { DEFAULT_SETTINGS, resolveSettings } from './settings';
export {
  analyzeCompiled,
  analyzeConflicts,
  compilePlan,
  engineStats,
  type Analysis,
  type CompiledPlan,
  type EngineStats,
} from './engine';
export { recheck, recheckAnalysis, type Checked } from './recheck';
export { recompilePlan, type PlanDiff, type Recompiled } from './recompile';
export { sharedAnalysis, sharedAnalysisSteps, sharedCompiled, sharedFinder, sharedNextVersion } from './shared';
export { conflictId, severityOf, toPlainConflict, ConflictRecord } from './make';
export { nightOverlap } from './rules/local-hours';
export { isCompatible } from './rules/double-booking';
export { findConflicts, finderFor } from './find';
export { buildIndex, refOf, type IndexOptions, type Node, type PlanIndex } from './nodes';
export * from './acceptance';
export * from './csv';
export * from './query';
export * from './severity';
export * from './what-if';
