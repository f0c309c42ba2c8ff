/**
 * An accepted conflict: the conflict's id, a note saying why, when, and a fingerprint of its
 * items' revisions at that moment (a change to any of them reopens it; see
 * src/domain/conflicts/acceptance.ts). The one definition: the database and backups use it.
 */
import { z } from 'zod';
import { cleanRecordText, cleanText } from './clean';
import { instantSchema, stamps } from './fields';
import type { RecordSpec } from './spec';

export const ACCEPTANCE_NOTE_MAX = 1000;

export const acceptanceSchema = z.object({
  /** The conflict's id (rule plus the sorted item ids). */
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
  /** UTC ISO instant. */
  acceptedAt: instantSchema,
  itemsFingerprint: z.string({ error: 'is required' }).max(100_000, 'is too long'),
  ...stamps,
});
export type Acceptance = z.infer<typeof acceptanceSchema>;

export const acceptanceRecord = {
  table: 'acceptances',
  label: 'Acceptance',
  schema: acceptanceSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
