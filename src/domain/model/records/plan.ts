/**
 * A plan: a named set of records (the `plans` table). Each plan's records live in the same
 * tables and carry its id as `planId`; `sample` marks a plan made from the sample plan.
 * A deleted plan keeps its row with `deletedAt` (a tombstone) so the deletion can be undone.
 */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import { instantSchema, planIdSchema, stamps, title } from './fields';
import type { RecordSpec } from './spec';

export const planRecordSchema = z.object({
  id: planIdSchema,
  name: title,
  createdAt: instantSchema,
  sample: z.boolean().optional(),
  deletedAt: instantSchema.optional(),
  updatedAt: stamps.updatedAt,
  rev: stamps.rev,
  updatedBy: stamps.updatedBy,
});
export type PlanRecord = z.infer<typeof planRecordSchema>;

export const planRecordSpec = {
  table: 'plans',
  label: 'Plan',
  schema: planRecordSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
