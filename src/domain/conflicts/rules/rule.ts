/** The one interface every conflict rule implements (see registry.ts for the list). */
import type { Built } from '../make';
import type { PlanIndex } from '../nodes';
import type { RuleId } from '../types';

/** What one rule found over the items in force. */
export interface RuleResult {
  /** The conflicts, in any order (the engine sorts them). */
  built: Built[];
  /** True when the rule stopped listing at `overlapPairCap` (adversarial plans). */
  capped: boolean;
  /** Every pair the rule counted, even past the cap (the overlap rule's `overlapPairsTotal`). */
  total?: number;
  /** Where a capped rule stopped listing (overlap, double booking). */
  stop?: CapStop;
}

/**
 * Where a capped rule stopped listing, so that the recheck can tell an edit that leaves the list
 * as it was (and keep it) from one that may not (`isAfter` in ../recheck-pairs.ts).
 * - Overlap: `at`, the start of the item the sweep had reached. Its list depends on nothing that
 *   starts later, so an edit whose items (before and after) all start after `at` leaves it.
 * - Double booking sweeps each participant's commitments in turn, participants in the order of
 *   their first commitment: `swept`, those swept whole; `person`, the one it stopped in, whose
 *   first commitment starts at `first`; `at`, the start of the commitment it had reached. An
 *   edit leaves its list when no item (before or after) is a commitment of one of `swept`, none
 *   of `person`'s starts at or before `at`, and no one else's starts at or before `first` (which
 *   could put them before `person`).
 */
export interface CapStop {
  at: number;
  swept?: readonly string[];
  person?: string;
  first?: number;
}

/** A conflict rule: its id (one of RULES) and a run over a plan index. Pure; no state between runs. */
export interface ConflictRule {
  id: RuleId;
  run(index: PlanIndex): RuleResult;
}
