/** What every restore returns, and the bounds on what is read (see restore.ts). */
import { cleanDeep, cleanText, type Plan, type TableName } from '../model';
import type { Acceptance, BackupScope } from './backup';
import type { SkippedItem } from './ics-read';

/** Bounds on what is read: larger files are refused with a message before any parsing. */
export const IMPORT_LIMITS = {
  /** Largest file, in bytes (checked on the text's length, which never exceeds its UTF-8 size). */
  maxFileBytes: 25 * 1024 * 1024,
  /** Most records (all tables together) in one file. */
  maxRecords: 50_000,
  /** Deepest nesting of JSON objects and arrays. */
  maxDepth: 32,
  /** Most problems listed in one message. */
  maxErrors: 20,
} as const;

export type FileKind = 'backup' | 'encrypted' | 'calendar' | 'unknown';

export interface Restored {
  source: 'backup' | 'calendar';
  /** Backups: the version the file was written in (upgraded to the current one if older). */
  formatVersion?: number;
  appVersion?: string;
  exportedAt?: string;
  planName?: string;
  scope?: BackupScope;
  plan: Plan;
  acceptances: Acceptance[];
  /** Calendar files: for each record, the fields the file defines (on an existing item only these change). */
  fields?: Partial<Record<TableName, ReadonlyMap<string, readonly string[]>>>;
  /** Calendar files: events that could not be read and are left out. */
  skipped: SkippedItem[];
  /** Things the user should know (floating times read in a zone, repeats cut off, an upgrade…). */
  notes: string[];
  recordCount: number;
}

export type RestoreResult = { ok: true; restored: Restored } | { ok: false; errors: string[] };

export const tooLarge = (length: number) =>
  `The file is too large (${(length / 1024 / 1024).toFixed(1)} MB); the limit is ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`;

export const fail = (errors: string[]): RestoreResult => ({ ok: false, errors });

export function capped(errors: string[]): string[] {
  if (errors.length <= IMPORT_LIMITS.maxErrors) return errors;
  return [
    ...errors.slice(0, IMPORT_LIMITS.maxErrors),
    `…and ${errors.length - IMPORT_LIMITS.maxErrors} more problems.`,
  ];
}

/**
 * What a file says goes through the text cleaner before it is shown: the records are cleaned by
 * their normalisers, and the messages, notes and left-out items quote the file, so they are too.
 */
export function cleanMessages(result: RestoreResult): RestoreResult {
  if (!result.ok) return { ok: false, errors: result.errors.map(cleanText) };
  const r = result.restored;
  return {
    ok: true,
    restored: { ...r, notes: r.notes.map(cleanText), skipped: cleanDeep(r.skipped) as Restored['skipped'] },
  };
}
