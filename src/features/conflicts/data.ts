/** The Conflicts feature's data: the acceptance repository and the shared plan feed over it. */
import { db } from '../../db';
import { createAcceptances } from '../../db/acceptances';
import { useAcceptancesFeed, useSharedConflicts } from '../../db/plan-feed';
import { describeTruncation, type Acceptance, type ConflictEntry } from '../../domain/conflicts';

/** The acceptance repository on the app's database as it is now (`db` may be swapped for an in-memory one at start-up). */
export function acceptanceRepository() {
  return createAcceptances(db);
}

/** Every acceptance, or `null` while loading. */
export function useAcceptances(): Acceptance[] | null {
  return useAcceptancesFeed();
}

/**
 * The engine's conflicts for the plan as the header toggle has it, each with its acceptance
 * state; the one shared analysis of this plan version (no view runs the engine itself).
 */
export function useConflictEntries(includeOptional: boolean): ConflictEntry[] | null {
  return useSharedConflicts(includeOptional)?.entries ?? null;
}

/** What the capped rules leave out of the list, in words ("" when nothing is capped; null while loading). */
export function useTruncationNote(includeOptional: boolean): string | null {
  const shared = useSharedConflicts(includeOptional);
  return shared ? describeTruncation(shared.analysis) : null;
}
