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
}

/** A conflict rule: its id (one of RULES) and a run over a plan index. Pure; no state between runs. */
export interface ConflictRule {
  id: RuleId;
  run(index: PlanIndex): RuleResult;
}
