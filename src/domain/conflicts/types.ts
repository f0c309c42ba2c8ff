/**
 * The conflict engine's contract, shared by the calendar, route, conflict and finder views.
 * Conflicts are computed, never stored. Times are UTC ISO instants; margins in ms.
 */
import type { LegMode, Scenario } from '../model';

export const RULES = [
  'double-booking',
  'overlap',
  'transit',
  'continuity',
  'window',
  'local-hours',
  'blackout',
] as const;
export type RuleId = (typeof RULES)[number];

export const RULE_LABELS: Record<RuleId, string> = {
  'double-booking': 'Double booking',
  overlap: 'Overlap',
  transit: 'Too little time to travel',
  continuity: 'Leg departs from the wrong place',
  window: 'Outside its window',
  'local-hours': 'At night locally',
  blackout: 'On a blackout date',
};

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type { ItemRef, ItemType } from '../model';
import type { ItemRef } from '../model';

export interface Conflict {
  /**
   * Stable across runs, edits of other items and scenarios: `rule:` then the `type:id` of the
   * items that define the conflict, sorted and joined by `|` (e.g.
   * `double-booking:event:unga-2026|event:xi-visit-talks`; for a visit outside its window, the
   * visit and the window). Used to remember acceptances.
   */
  id: string;
  rule: RuleId;
  severity: Severity;
  items: ItemRef[];
  /** Participants concerned (shared participants for a double booking). */
  participantIds: string[];
  /** When the conflict happens (UTC): sort key and date filter. */
  at: string;
  /** `at` in epoch ms where the maker had it (the engine's records always do; plain copies may not). */
  atMs?: number;
  /** Size of the clash in ms: shortfall, overlap length or distance outside a window. */
  marginMs: number;
  /** The margin in words: "short by 2 h 10 min", "overlaps by 1 h 40 min", "3 days outside". */
  margin: string;
  /** Plain English with local times and zone abbreviations at each place. */
  explanation: string;
  /** Optional items that must be included for this conflict to exist; empty for the base plan. */
  onlyWith: ItemRef[];
}

export interface EngineSettings {
  /** Minimum slack between a commitment and a leg (before departure and after arrival), minutes. */
  bufferMinutes: number;
  /** Local night: a commitment starting or running into [nightStartHour, nightEndHour) local. */
  nightStartHour: number;
  nightEndHour: number;
  speedsKmh: Record<LegMode, number>;
  groundMinutes: Record<LegMode, number>;
  /** The overlap rule reports at most this many pairs (adversarial plans); the rest are counted. */
  overlapPairCap: number;
  /**
   * How long a participant's last known place (a leg's arrival, a commitment's place) still
   * counts for the continuity and transit rules when the next item is not in the same visit, hours.
   * Plans rarely list the flight home, so an older place says nothing. Default 48.
   */
  locationHorizonHours?: number;
}

/** What `analyzeConflicts` returns: the conflicts and the counts behind any cap. */
export interface ConflictReport {
  conflicts: Conflict[];
  /** Every overlapping pair of items in the plan (exact, even when the list is capped). */
  overlapPairsTotal: number;
  /** Overlap pairs listed in `conflicts` (at most `overlapPairCap`). */
  overlapPairsReported: number;
  /** Rules whose list stopped at `overlapPairCap` (double booking and blackout are capped too). */
  truncated: RuleId[];
}

export interface FindOptions {
  /** Take optional items in (`true`), leave them out (`false`), or take in just these ids. */
  includeOptional: boolean | readonly string[];
  /** A saved scenario: its optional items and alternative dates apply. */
  scenario?: Scenario;
  settings?: Partial<EngineSettings>;
  /** Run only these rules (default: all). */
  rules?: readonly RuleId[];
}
