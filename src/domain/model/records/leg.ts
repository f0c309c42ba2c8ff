/** A leg: one journey between two places (flight, rail, road, sea), usually part of a visit. */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import {
  idOf,
  instantSchema,
  notesSchema,
  participantIdsSchema,
  sourcesSchema,
  stamps,
  statusSchema,
  optionalText,
  type Brand,
} from './fields';
import { participantIdSchema } from './participant';
import { placeIdSchema } from './place';
import type { RecordSpec } from './spec';
import { visitIdSchema } from './visit';

export type LegId = Brand<string, 'LegId'>;
export const legIdSchema = idOf<'LegId'>();

export const LEG_MODES = ['flight', 'rail', 'road', 'sea'] as const;
export type LegMode = (typeof LEG_MODES)[number];

export const legSchema = z
  .object({
    id: legIdSchema,
    visitId: visitIdSchema.optional(),
    fromPlaceId: placeIdSchema,
    toPlaceId: placeIdSchema,
    mode: z.enum(LEG_MODES, { error: `must be one of ${LEG_MODES.join(', ')}` }),
    departsAt: instantSchema,
    arrivesAt: instantSchema,
    carrier: optionalText(120),
    /** Flight or train number. */
    number: optionalText(40),
    participantIds: participantIdsSchema(participantIdSchema),
    status: statusSchema,
    optional: z.boolean({ error: 'must be true or false' }),
    notes: notesSchema,
    sources: sourcesSchema,
    ...stamps,
  })
  .superRefine((l, ctx) => {
    if (l.arrivesAt <= l.departsAt)
      ctx.addIssue({ code: 'custom', path: ['arrivesAt'], message: 'must be after the departure' });
    if (l.fromPlaceId === l.toPlaceId)
      ctx.addIssue({ code: 'custom', path: ['toPlaceId'], message: 'must differ from the departure place' });
  });
export type Leg = z.infer<typeof legSchema>;

export const legRecord = {
  table: 'legs',
  label: 'Leg',
  schema: legSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
