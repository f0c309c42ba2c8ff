/**
 * The messages between the import dialog and the import job (import-core.ts), which runs in a
 * Web Worker (import.worker.ts) or, where there are no workers, on the main thread in steps.
 * The dialog asks; the job reads, decrypts, parses and checks the file, and answers with its
 * progress, a refusal, or the checked records (in batches, so no one message is large) followed
 * by the rest of the result. Nothing here writes: the dialog writes after the user confirms.
 */
import type { Restored } from '../../domain/files';
import type { TableName } from '../../domain/model';

export type ImportRequest =
  | {
      type: 'open';
      /** The chosen file (read by the job) or, for tests and automatic backups, its text. */
      file?: Blob;
      text?: string;
      /** Zone for floating calendar times. */
      displayZone: string;
      /** UTC ISO instant: the centre of the window repeats are expanded in. */
      now: string;
    }
  /** The passphrase for the encrypted backup the job holds. */
  | { type: 'passphrase'; passphrase: string };

export type ImportPhase = 'reading' | 'decrypting' | 'parsing' | 'checking';

export type ImportReply =
  /** total 0: not known (the bar shows activity, not an amount). */
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  /** The file is an encrypted backup: send its passphrase (error: the last one was wrong). */
  | { type: 'passphrase'; error?: string }
  | { type: 'refused'; errors: string[] }
  /** A batch of one table's checked records, in file order. */
  | { type: 'records'; table: TableName; records: unknown[] }
  /** The end: the result with its plan tables empty (their records came in `records` batches). */
  | { type: 'restored'; restored: Restored }
  /** From the worker shell: the job could not be loaded there (the page runs it itself). */
  | { type: 'unavailable'; error: string };
