/** The Conflicts feature's data: the acceptance repository and live queries over it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../../db';
import { createAcceptances } from '../../db/acceptances';
import { classifyConflicts, type Acceptance, type ConflictEntry } from '../../domain/conflicts';
import { analyzeCompiled, compilePlan } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';

/** The acceptance repository on the app's database as it is now (`db` may be swapped for an in-memory one at start-up). */
export function acceptanceRepository() {
  return createAcceptances(db);
}

/** Every acceptance, or `null` while loading. */
export function useAcceptances(): Acceptance[] | null {
  return useLiveQuery(() => createAcceptances(db).all(), [db], null);
}

/** The engine's conflicts for the plan as the header toggle has it, each with its acceptance state. */
export function useConflictEntries(
  plan: Plan | undefined,
  includeOptional: boolean,
  accepted: Acceptance[] | null,
): ConflictEntry[] | null {
  // Compiled once per plan: switching optional items on and off only runs the rules again.
  const compiled = useMemo(() => (plan ? compilePlan(plan) : null), [plan]);
  const conflicts = useMemo(
    () => (compiled ? analyzeCompiled(compiled, { includeOptional }).conflicts : null),
    [compiled, includeOptional],
  );
  return useMemo(
    () => (plan && conflicts && accepted ? classifyConflicts(conflicts, accepted, plan) : null),
    [plan, conflicts, accepted],
  );
}
