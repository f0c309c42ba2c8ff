/**
 * An event: a summit, talks, a call, a meeting… Timed events hold UTC instants and the zone they
 * were planned in; all-day events hold local dates (end inclusive) from which the normaliser
 * derives the instants. Intervals are half-open: [startsAt, endsAt).
 */
import { z } from 'zod';
import { cleanRecordText, isRecord } from './clean';
import {
  idOf,
  instantSchema,
  localDateSchema,
  notesSchema,
  participantIdsSchema,
  sourcesSchema,
  stamps,
  statusSchema,
  timeZoneSchema,
  title,
  topicsSchema,
  type Brand,
} from './fields';
import { participantIdSchema } from './participant';
import { placeIdSchema } from './place';
import type { RecordSpec } from './spec';
import { visitIdSchema, windowTie } from './visit';
import { deriveAllDayInstants } from './window';

export type EventId = Brand<string, 'EventId'>;
export const eventIdSchema = idOf<'EventId'>();

export const EVENT_KINDS = ['summit', 'talks', 'call', 'meeting', 'ceremony', 'visit-day', 'holiday', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const eventBase = z.object({
  id: eventIdSchema,
  title,
  kind: z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` }),
  status: statusSchema,
  allDay: z.boolean({ error: 'must be true or false' }),
  startsAt: instantSchema,
  endsAt: instantSchema,
  /** All-day items only: first and last local day (inclusive). */
  startDate: localDateSchema.optional(),
  endDate: localDateSchema.optional(),
  timeZone: timeZoneSchema,
  placeId: placeIdSchema.optional(),
  participantIds: participantIdsSchema(participantIdSchema),
  visitId: visitIdSchema.optional(),
  optional: z.boolean({ error: 'must be true or false' }),
  notes: notesSchema,
  sources: sourcesSchema,
  topics: topicsSchema,
  ...windowTie,
  ...stamps,
});

export const planEventSchema = eventBase.superRefine((e, ctx) => {
  if (e.allDay) {
    if (!e.startDate) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'is required for an all-day item' });
    if (!e.endDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'is required for an all-day item' });
    if (e.startDate && e.endDate && e.endDate < e.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after the start date' });
  }
  if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
});
export type PlanEvent = z.infer<typeof planEventSchema>;

/** All-day: instants from the local days; timed: no local dates. */
export function normalizeEventInput(value: unknown): unknown {
  const derived = deriveAllDayInstants(cleanRecordText(value), false);
  if (isRecord(derived) && derived.allDay === false) {
    const { startDate: _s, endDate: _e, ...rest } = derived;
    return rest;
  }
  return derived;
}

export const eventRecord = {
  table: 'events',
  label: 'Event',
  schema: planEventSchema,
  normalize: normalizeEventInput,
} as const satisfies RecordSpec;
