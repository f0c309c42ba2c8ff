/**
 * Accepted conflicts: the conflict id, a note saying why, when, and the items' fingerprint at
 * that moment (see src/domain/conflicts/acceptance.ts). The note is required and bounded.
 */
import { z } from 'zod';
import { ACCEPTANCE_NOTE_MAX, type Acceptance } from '../domain/conflicts';
import { cleanText, instantSchema } from '../domain/model';
import { parseOrThrow } from '../domain/model';
import type { Clock } from './repositories';
import { systemClock } from './repositories';
import type { SummitryDb } from './schema';

export const acceptanceSchema = z.object({
  id: z.string({ error: 'must be a conflict id' }).trim().min(1, 'is required').max(2000, 'is too long'),
  note: z
    .string({ error: 'must be text' })
    .transform((s) => cleanText(s).trim())
    .pipe(
      z
        .string()
        .min(1, 'is required: say why the conflict is accepted')
        .max(ACCEPTANCE_NOTE_MAX, `is too long (${ACCEPTANCE_NOTE_MAX} characters at most)`),
    ),
  acceptedAt: instantSchema,
  itemsFingerprint: z.string({ error: 'is required' }).max(100_000, 'is too long'),
});

export function createAcceptances(db: SummitryDb, clock: Clock = systemClock) {
  return {
    /** Accept (or re-accept) a conflict: validates, stamps the time, replaces any earlier acceptance. */
    async accept(input: { id: string; note: string; itemsFingerprint: string }): Promise<Acceptance> {
      const row = parseOrThrow(acceptanceSchema, { ...input, acceptedAt: clock() }, 'Acceptance');
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
