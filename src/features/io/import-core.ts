/**
 * The import job: read, decrypt, parse and check a file, posting progress (see
 * import-protocol.ts). It runs in a Web Worker (import.worker.ts loads this module by its URL,
 * so the worker shares the app's chunks instead of carrying a second copy), or on the main
 * thread where there are no workers, with `pause` yielding to the page between steps.
 */
import { decryptBackup, detectFileKind, IMPORT_LIMITS, restoreFileSteps, tooLarge } from '../../domain/files';
import type { KdfPolicy, Restored, RestoreResult } from '../../domain/files';
import { EMPTY_PLAN, TABLE_NAMES } from '../../domain/model';
import { describeFailure } from '../../db/errors';
import { readFileText } from './files';
import type { ImportReply, ImportRequest } from './import-protocol';

/** This module's own URL, for the worker to import. */
export const CORE_URL = import.meta.url;

/**
 * Records per `records` message. The page copies a message in when it reads it, in one task:
 * 2,000 records made that task the longest of a 50,000-record import; 500 keep it short.
 */
export const RECORD_BATCH = 500;

export interface JobOptions {
  /** Called between steps: the main thread yields to the page here (and may throw to stop). */
  pause?: () => Promise<void>;
  batch?: number;
  /** Key derivation floor for encrypted backups: only tests lower it (see envelope.ts). */
  kdf?: KdfPolicy;
}

/** A job answering requests through `post`; one file at a time. */
export function createImportJob(post: (reply: ImportReply) => void, options: JobOptions = {}) {
  const pause = options.pause ?? (() => Promise.resolve());
  const batch = options.batch ?? RECORD_BATCH;
  let opened: Extract<ImportRequest, { type: 'open' }> | undefined;
  let encrypted: string | undefined;

  async function read(request: Extract<ImportRequest, { type: 'open' }>): Promise<string> {
    if (request.text !== undefined) return request.text;
    const file = request.file;
    if (!file) throw new Error('No file was given.');
    post({ type: 'progress', phase: 'reading', done: 0, total: file.size });
    if (typeof FileReader === 'undefined') return file.text();
    return readFileText(file, (done, total) => post({ type: 'progress', phase: 'reading', done, total }));
  }

  async function restore(text: string): Promise<void> {
    const steps = restoreFileSteps(text, { displayZone: opened!.displayZone, now: opened!.now });
    let result: RestoreResult;
    for (;;) {
      await pause();
      const next = steps.next();
      if (next.done) {
        result = next.value;
        break;
      }
      post({ type: 'progress', ...next.value });
    }
    if (!result.ok) post({ type: 'refused', errors: result.errors });
    else await send(result.restored);
  }

  async function send(restored: Restored): Promise<void> {
    for (const table of TABLE_NAMES) {
      const list = restored.plan[table] as unknown[];
      for (let i = 0; i < list.length; i += batch) {
        await pause();
        post({ type: 'records', table, records: list.slice(i, i + batch) });
      }
    }
    await pause();
    post({ type: 'restored', restored: { ...restored, plan: { ...EMPTY_PLAN } } });
  }

  async function handle(request: ImportRequest): Promise<void> {
    if (request.type === 'open') {
      opened = request;
      encrypted = undefined;
      const size = request.file?.size ?? request.text?.length ?? 0;
      if (size > IMPORT_LIMITS.maxFileBytes) return post({ type: 'refused', errors: [tooLarge(size)] });
      let text: string;
      try {
        text = await read(request);
      } catch (err) {
        return post({ type: 'refused', errors: [`The file could not be read. ${describeFailure(err)}`] });
      }
      if (detectFileKind(text) === 'encrypted') {
        encrypted = text;
        return post({ type: 'passphrase' });
      }
      return restore(text);
    }
    if (encrypted === undefined || !opened)
      return post({ type: 'refused', errors: ['There is no encrypted backup waiting for a passphrase.'] });
    post({ type: 'progress', phase: 'decrypting', done: 0, total: 0 });
    await pause();
    const result = await decryptBackup(encrypted, request.passphrase, options.kdf);
    if (!result.ok) return post({ type: 'passphrase', error: result.error });
    encrypted = undefined;
    return restore(result.plaintext);
  }

  return handle;
}
