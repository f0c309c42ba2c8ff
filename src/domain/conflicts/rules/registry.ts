/**
 * Every conflict rule, in RULES order. A new rule is a file in this folder exporting a
 * `ConflictRule` (`{ id, run(index) }`), its id added to RULES and RULE_LABELS in ../types.ts,
 * and one line here; the engine runs whatever this list holds.
 */
import { blackoutConflictRule } from './blackout';
import { doubleBookingConflictRule } from './double-booking';
import { localHours } from './local-hours';
import { overlap } from './overlap';
import type { ConflictRule } from './rule';
import { continuity, transit } from './timeline';
import { windowRule } from './window';

export const RULE_REGISTRY: readonly ConflictRule[] = [
  doubleBookingConflictRule,
  overlap,
  transit,
  continuity,
  windowRule,
  localHours,
  blackoutConflictRule,
];
