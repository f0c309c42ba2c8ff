/**
 * A deleted record: its table, id, when and by which device it was deleted, its last revision,
 * and the record as it was (so the deletion can be undone and a later sync can carry it). Deleted
 * records leave their table, so no query, view, engine run or export ever sees them.
 */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import { instantSchema, stamps } from './fields';
import type { RecordSpec } from './spec';

/** The tombstone's key: `events/busan-summit-2025`. */
export const tombstoneKey = (table: string, id: string): string => `${table}/${id}`;

export const tombstoneSchema = z.object({
  id: z.string().min(3).max(2100),
  table: z.string().min(1).max(40),
  recordId: z.string().min(1).max(2000),
  deletedAt: instantSchema,
  record: z.record(z.string(), z.unknown()),
  ...stamps,
});
export type Tombstone = z.infer<typeof tombstoneSchema>;

export const tombstoneRecord = {
  table: 'tombstones',
  label: 'Deleted item',
  schema: tombstoneSchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
