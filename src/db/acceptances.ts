/**
 * Accepted conflicts: the conflict id, a note saying why, when, and the items' fingerprint at
 * that moment (see src/domain/conflicts/acceptance.ts). The note is required and bounded.
 */
import { parseRecord, type Acceptance } from '../domain/model';
import { systemClock, type Clock } from './clock';
import { runCommand } from './commands';
import { inPlan, openPlanId } from './open-plan';
import type { SummitryDb } from './schema';

export function createAcceptances(db: SummitryDb, clock: Clock = systemClock) {
  /** Accept, as a command of the write path; the stored row and its History entry (for Undo). */
  async function acceptWithHistory(input: { id: string; note: string; itemsFingerprint: string }) {
    const row = parseRecord('acceptances', { ...input, acceptedAt: clock() });
    const { entry, stored } = await runCommand(
      db,
      { label: `Accepted a conflict: ${row.note.slice(0, 120)}`, put: { acceptances: [row] } },
      { clock },
    );
    return { row: stored.acceptances![0]!, entry };
  }

  return {
    /** Accept (or re-accept) a conflict: validates, stamps the time, replaces any earlier acceptance. */
    async accept(input: { id: string; note: string; itemsFingerprint: string }): Promise<Acceptance> {
      return (await acceptWithHistory(input)).row;
    },
    acceptWithHistory,
    /** Withdraw an acceptance: the conflict is open again. Its History entry, if anything changed. */
    async reopen(id: string) {
      return (await runCommand(db, { label: 'Reopened a conflict', remove: { acceptances: [id] } }, { clock })).entry;
    },
    get: (id: string) => db.acceptances.get(id),
    /** The open plan's acceptances, oldest first. */
    all: () =>
      db.transaction('r', [db.acceptances, db.meta, db.plans], async () => {
        const mine = inPlan(await openPlanId(db));
        return db.acceptances.orderBy('acceptedAt').filter(mine).toArray();
      }),
  };
}

export type AcceptanceRepository = ReturnType<typeof createAcceptances>;
