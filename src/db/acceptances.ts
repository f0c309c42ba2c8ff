/**
 * Accepted conflicts: the conflict id, a note saying why, when, and the items' fingerprint at
 * that moment (see src/domain/conflicts/acceptance.ts). The note is required and bounded.
 */
import { parseRecord, type Acceptance } from '../domain/model';
import type { Clock } from './repositories';
import { systemClock } from './repositories';
import type { SummitryDb } from './schema';

export function createAcceptances(db: SummitryDb, clock: Clock = systemClock) {
  return {
    /** Accept (or re-accept) a conflict: validates, stamps the time, replaces any earlier acceptance. */
    async accept(input: { id: string; note: string; itemsFingerprint: string }): Promise<Acceptance> {
      const row = parseRecord('acceptances', { ...input, acceptedAt: clock() });
      await db.acceptances.put(row);
      return row;
    },
    /** Withdraw an acceptance: the conflict is open again. */
    reopen: (id: string) => db.acceptances.delete(id),
    get: (id: string) => db.acceptances.get(id),
    all: () => db.acceptances.orderBy('acceptedAt').toArray(),
  };
}

export type AcceptanceRepository = ReturnType<typeof createAcceptances>;
