/**
 * A window (APEC leaders' week) or a blackout (a holiday, a congress): local dates in a zone,
 * end inclusive; `startsAt`/`endsAt` are derived from them by the normaliser.
 */
import { z } from 'zod';
import { isValidZone, localDaysToInstants } from '../../time';
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
  type Brand,
} from './fields';
import { participantIdSchema } from './participant';
import { placeIdSchema } from './place';
import type { RecordSpec } from './spec';

export type WindowId = Brand<string, 'WindowId'>;
export const windowIdSchema = idOf<'WindowId'>();

export const WINDOW_KINDS = ['window', 'blackout'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const planWindowSchema = z
  .object({
    id: windowIdSchema,
    title,
    kind: z.enum(WINDOW_KINDS, { error: `must be one of ${WINDOW_KINDS.join(', ')}` }),
    startDate: localDateSchema,
    endDate: localDateSchema,
    timeZone: timeZoneSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    placeId: placeIdSchema.optional(),
    /** Who a blackout applies to; empty means everyone. */
    participantIds: participantIdsSchema(participantIdSchema),
    status: statusSchema,
    notes: notesSchema,
    sources: sourcesSchema,
    ...stamps,
  })
  .superRefine((w, ctx) => {
    if (w.endDate < w.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after the start date' });
  });
export type PlanWindow = z.infer<typeof planWindowSchema>;

/** For a record with valid local dates and zone, set startsAt/endsAt from the local days. */
export function deriveAllDayInstants(value: unknown, always: boolean): unknown {
  if (!isRecord(value)) return value;
  if (!always && value.allDay !== true) return value;
  const { startDate, endDate, timeZone } = value;
  if (typeof startDate !== 'string' || typeof endDate !== 'string' || typeof timeZone !== 'string') return value;
  if (!isValidZone(timeZone) || !/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(endDate))
    return value;
  try {
    return { ...value, ...localDaysToInstants(startDate, endDate, timeZone) };
  } catch {
    return value;
  }
}

export function normalizeWindowInput(value: unknown): unknown {
  return deriveAllDayInstants(cleanRecordText(value), true);
}

export const windowRecord = {
  table: 'windows',
  label: 'Window',
  schema: planWindowSchema,
  normalize: normalizeWindowInput,
} as const satisfies RecordSpec;
