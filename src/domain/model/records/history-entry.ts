/**
 * One entry of a plan's History: one command (an edit, a drag, an import, a reset, an undo) with
 * when, which device, a label in plain words, and each record it changed as it was before and
 * after (`null`: absent or deleted). The befores are the entry's inverse: undoing the entry
 * writes them back, as a new command.
 */
import { z } from 'zod';
import { cleanRecordText } from './clean';
import { instantSchema, planIdSchema } from './fields';
import type { RecordSpec } from './spec';

export const historyChangeSchema = z.object({
  table: z.string().min(1).max(40),
  id: z.string().min(1).max(2000),
  /** The record's title or name when the command ran (for lists and filters). */
  title: z.string().max(300),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /**
   * `after` holds only the record's `id` and `rev` (a large import or a reset: the record itself
   * is in its table, and History shows it from there while its revision is unchanged). Undo needs
   * no more: it checks the revision and writes back `before`.
   */
  brief: z.literal(true).optional(),
});
export type HistoryChange = z.infer<typeof historyChangeSchema>;

export const HISTORY_KINDS = ['edit', 'import', 'reset', 'undo'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const historyEntrySchema = z.object({
  id: z.string().min(1).max(200),
  planId: planIdSchema.optional(),
  /** UTC instant. */
  at: instantSchema,
  deviceId: z.string().max(120),
  /** The device's name when the command ran ("Chrome on Linux"). */
  deviceName: z.string().max(120).optional(),
  label: z.string().min(1).max(500),
  kind: z.enum(HISTORY_KINDS),
  /** For an undo: the entry it undid. */
  undoes: z.string().max(200).optional(),
  /** `table/id` of every record changed (indexed: History filters by item). */
  itemKeys: z.array(z.string()),
  changes: z.array(historyChangeSchema),
  /**
   * The records a compact command (a large import, a reset) added, by table, in columns: a
   * 50,000-record import stored as 50,000 change objects took IndexedDB over 100 ms to copy in
   * one task. Read them with `entryChanges`, which gives each as a brief change.
   */
  added: z
    .record(
      z.string().min(1).max(40),
      z
        .object({
          ids: z.array(z.string().min(1).max(2000)),
          titles: z.array(z.string().max(300)),
          revs: z.array(z.number()),
        })
        .refine((c) => c.titles.length === c.ids.length && c.revs.length === c.ids.length, {
          message: 'The added records’ ids, titles and revisions must be as many.',
        }),
    )
    .optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type AddedColumns = NonNullable<HistoryEntry['added']>[string];

const expanded = new WeakMap<HistoryEntry, readonly HistoryChange[]>();

/**
 * Every change of an entry: its `changes`, then the records it `added` as brief changes (before
 * `null`, after only id and revision). Expanded once per entry object.
 */
export function entryChanges(entry: HistoryEntry): readonly HistoryChange[] {
  if (!entry.added) return entry.changes;
  let all = expanded.get(entry);
  if (!all) {
    const list: HistoryChange[] = [...entry.changes];
    for (const [table, c] of Object.entries(entry.added))
      for (let i = 0; i < c.ids.length; i++)
        list.push({
          table,
          id: c.ids[i]!,
          title: c.titles[i]!,
          before: null,
          after: { id: c.ids[i]!, rev: c.revs[i]! },
          brief: true,
        });
    all = list;
    expanded.set(entry, all);
  }
  return all;
}

/** How many records an entry changed. */
export function changeCount(entry: HistoryEntry): number {
  let n = entry.changes.length;
  for (const c of Object.values(entry.added ?? {})) n += c.ids.length;
  return n;
}

export const historyEntryRecord = {
  table: 'history',
  label: 'History entry',
  schema: historyEntrySchema,
  normalize: cleanRecordText,
} as const satisfies RecordSpec;
