/**
 * The import job's protocol (import-protocol.ts), driven by calling the job's handler directly,
 * as the worker shell and the main-thread fallback do: progress, record batches that add up to
 * what restoreFile reads, refusals, the passphrase exchange, and a pause that stops the job.
 */
import { describe, expect, it } from 'vitest';
import { encryptBackup, restoreFile } from '../../../src/domain/files';
import type { TableName } from '../../../src/domain/model';
import { createImportJob, type JobOptions } from '../../../src/features/io/import-core';
import type { ImportReply, ImportRequest } from '../../../src/features/io/import-protocol';
import { benchBackup, benchCalendar } from '../../helpers/import-files';

const OPTIONS = { displayZone: 'Europe/London', now: '2026-01-01T00:00:00.000Z' };
const FAST_KDF = { minIterations: 1_000 };

function job(options: JobOptions = {}) {
  const replies: ImportReply[] = [];
  const handle = createImportJob((r) => replies.push(r), { kdf: FAST_KDF, ...options });
  return { replies, send: (request: ImportRequest) => handle(request) };
}

/** The records of every `records` batch, table by table, in order. */
function gathered(replies: ImportReply[]): Partial<Record<TableName, unknown[]>> {
  const out: Partial<Record<TableName, unknown[]>> = {};
  for (const r of replies) if (r.type === 'records') (out[r.table] ??= []).push(...r.records);
  return out;
}

describe('the import job', () => {
  it('answers a backup with progress, its records in batches, then the result without them', async () => {
    const { text } = benchBackup(2_500);
    const { replies, send } = job({ batch: 1_000 });
    await send({ type: 'open', text, ...OPTIONS });

    const expected = restoreFile(text, OPTIONS);
    if (!expected.ok) throw new Error(expected.errors.join('; '));
    const phases = replies.filter((r) => r.type === 'progress').map((r) => r.phase);
    expect(phases).toContain('checking');
    const checking = replies.filter((r) => r.type === 'progress' && r.phase === 'checking');
    expect(checking.at(-1)).toMatchObject({ total: expect.any(Number) as number });

    const batches = replies.filter((r) => r.type === 'records');
    expect(batches.every((b) => b.records.length <= 1_000)).toBe(true);
    expect(batches.filter((b) => b.table === 'events')).toHaveLength(3);
    const got = gathered(replies);
    expect(got.events).toEqual(expected.restored.plan.events);
    expect(got.places).toEqual(expected.restored.plan.places);
    expect(got.participants).toEqual(expected.restored.plan.participants);

    const last = replies.at(-1)!;
    expect(last.type).toBe('restored');
    if (last.type !== 'restored') return;
    expect(last.restored.plan.events).toEqual([]);
    expect({ ...last.restored, plan: undefined }).toEqual({ ...expected.restored, plan: undefined });
    expect(replies.filter((r) => r.type === 'refused')).toEqual([]);
  });

  it('reads a calendar file the same way', async () => {
    const text = benchCalendar(30);
    const { replies, send } = job();
    await send({ type: 'open', text, ...OPTIONS });
    const expected = restoreFile(text, OPTIONS);
    if (!expected.ok) throw new Error(expected.errors.join('; '));
    expect(gathered(replies).events).toEqual(expected.restored.plan.events);
    expect(gathered(replies).events).toHaveLength(30);
    expect(replies.at(-1)?.type).toBe('restored');
  });

  it('refuses a file that is neither a backup nor a calendar, with no records', async () => {
    const { replies, send } = job();
    await send({ type: 'open', text: 'hello', ...OPTIONS });
    expect(replies.filter((r) => r.type !== 'progress')).toEqual([
      {
        type: 'refused',
        errors: ['This is neither a Summitry backup (.json) nor a calendar file (.ics).'],
      },
    ]);
  });

  it('refuses a backup that breaks the rules, with its reasons and no records', async () => {
    const { replies, send } = job();
    await send({
      type: 'open',
      text: '{"format":"summitry-backup","formatVersion":2,"tables":{"events":"nope"}}',
      ...OPTIONS,
    });
    const answer = replies.filter((r) => r.type !== 'progress');
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ type: 'refused' });
    expect(JSON.stringify(answer[0])).toMatch(/appVersion is required/);
  });

  it('asks for the passphrase of an encrypted backup, again after a wrong one, and reads it with the right one', async () => {
    const { text } = benchBackup(20);
    const sealed = await encryptBackup(text, 'correct horse', { iterations: 1_000, ...FAST_KDF });
    const { replies, send } = job();
    await send({ type: 'open', text: sealed, ...OPTIONS });
    expect(replies.filter((r) => r.type !== 'progress')).toEqual([{ type: 'passphrase' }]);

    replies.length = 0;
    await send({ type: 'passphrase', passphrase: 'wrong' });
    const retry = replies.filter((r) => r.type !== 'progress');
    expect(retry).toHaveLength(1);
    expect(retry[0]).toMatchObject({ type: 'passphrase', error: expect.any(String) as string });
    expect(replies).toContainEqual({ type: 'progress', phase: 'decrypting', done: 0, total: 0 });

    replies.length = 0;
    await send({ type: 'passphrase', passphrase: 'correct horse' });
    expect(gathered(replies).events).toHaveLength(20);
    expect(replies.at(-1)?.type).toBe('restored');
  });

  it('refuses a passphrase when no encrypted backup waits for one', async () => {
    const { replies, send } = job();
    await send({ type: 'passphrase', passphrase: 'x' });
    expect(replies).toEqual([{ type: 'refused', errors: ['There is no encrypted backup waiting for a passphrase.'] }]);
  });

  it('stops where its pause throws (Cancel on the main thread): nothing after it, no result', async () => {
    const { text } = benchBackup(3_000);
    let pauses = 0;
    const stop = new Error('cancelled');
    const { replies, send } = job({
      batch: 500,
      pause: () => (++pauses > 3 ? Promise.reject(stop) : Promise.resolve()),
    });
    await expect(send({ type: 'open', text, ...OPTIONS })).rejects.toBe(stop);
    expect(replies.length).toBeLessThanOrEqual(3);
    expect(replies.some((r) => r.type === 'restored' || r.type === 'records')).toBe(false);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { replies, send } = job();
    const big = { size: 26 * 1024 * 1024 } as Blob;
    await send({ type: 'open', file: big, ...OPTIONS });
    expect(replies).toEqual([{ type: 'refused', errors: ['The file is too large (26.0 MB); the limit is 25 MB.'] }]);
  });
});
