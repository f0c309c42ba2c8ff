/** A visit: a guest travelling to a host country, with its events and legs pointing at it. */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import {
  idOf,
  notesSchema,
  participantIdsSchema,
  sourcesSchema,
  stamps,
  statusSchema,
  text,
  title,
  topicsSchema,
  type Brand,
} from './fields';
import { participantIdSchema } from './participant';
import type { RecordSpec } from './spec';
import { windowIdSchema } from './window';

export type VisitId = Brand<string, 'VisitId'>;
export const visitIdSchema = idOf<'VisitId'>();

/** The window an item is planned against ("around APEC"), and the days outside it still accepted. */
export const windowTie = {
  windowId: windowIdSchema.optional(),
  windowMarginDays: z.number().int('must be whole days').min(0, 'may not be negative').max(365).optional(),
};

export const visitSchema = z.object({
  id: visitIdSchema,
  title,
  /** The guest: who travels. */
  guestId: participantIdSchema,
  hostCountry: text(80),
  participantIds: participantIdsSchema(participantIdSchema),
  status: statusSchema,
  notes: notesSchema,
  sources: sourcesSchema,
  topics: topicsSchema,
  ...windowTie,
  ...stamps,
});
export type Visit = z.infer<typeof visitSchema>;

export const visitRecord = {
  table: 'visits',
  label: 'Visit',
  schema: visitSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
