/** A participant: a leader or delegation, with a colour and a home zone. */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import { idOf, stamps, text, timeZoneSchema, title, type Brand } from './fields';
import type { RecordSpec } from './spec';

export type ParticipantId = Brand<string, 'ParticipantId'>;
export const participantIdSchema = idOf<'ParticipantId'>();

export const participantSchema = z.object({
  id: participantIdSchema,
  name: title,
  role: text(200),
  country: text(80),
  /** CSS colour, e.g. #b22234. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1f6feb'),
  /** Home time zone: where calls reach them. */
  timeZone: timeZoneSchema.optional(),
  ...stamps,
});
export type Participant = z.infer<typeof participantSchema>;

export const participantRecord = {
  table: 'participants',
  label: 'Participant',
  schema: participantSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
