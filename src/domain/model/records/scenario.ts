/** A scenario: a saved variant of the plan (optional items taken in, alternative dates). */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import { idOf, instantSchema, notesSchema, stamps, title, type Brand } from './fields';
import type { RecordSpec } from './spec';

export type ScenarioId = Brand<string, 'ScenarioId'>;
export const scenarioIdSchema = idOf<'ScenarioId'>();

export const scenarioSchema = z.object({
  id: scenarioIdSchema,
  name: title,
  /** Optional items (events or legs) this scenario takes in. */
  includeOptionalIds: z.array(z.string().min(1)).max(10_000),
  /** Alternative dates for chosen items. */
  overrides: z
    .array(z.object({ itemId: z.string().min(1), startsAt: instantSchema, endsAt: instantSchema }))
    .max(10_000),
  notes: notesSchema,
  ...stamps,
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioRecord = {
  table: 'scenarios',
  label: 'Scenario',
  schema: scenarioSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
