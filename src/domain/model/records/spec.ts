/** What each record file exports: its table, a label for messages, its schema and its normaliser. */
import type { z } from 'zod';

export interface RecordSpec<S extends z.ZodType = z.ZodType> {
  /** The table (and backup key) its rows live in. */
  table: string;
  /** The record's name in messages ("Event "Busan meeting": endsAt must be after the start"). */
  label: string;
  schema: S;
  /** Derives what is derivable and cleans text, before validation (calls `cleanRecordText`). */
  normalize: (value: unknown) => unknown;
}
