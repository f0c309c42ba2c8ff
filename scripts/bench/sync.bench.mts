/**
 * Sync figures with a real server process and Node clients (Node's WebCrypto, not a browser's):
 * sync_first_10k_ms — a new member's first full sync of a 10,000-item plan (connect, receive,
 * read every record: fields the owner's checkpoint covers come from it, the rest are decrypted;
 * the owner's session writes the checkpoint by itself once the plan is still, as in the app); sync_edit_ms — one field edited by one client until another has it
 * decrypted (median of 20); sync_client_gzip_kb — the sync client (protocol, Yjs, Hocuspocus
 * provider) bundled and minified for the browser, gzip.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { applySealed, coverage, readRecord, sealFields } from '../../src/sync/protocol';
import { startServer, tempDir } from '../../test/server/helpers';
import { invite, join, sharePlan, until } from '../../test/server/plans';
import { median } from './lib.mjs';

const ITEMS = 10_000;

async function clientSize(): Promise<number> {
  const out = await build({
    entryPoints: ['src/sync/protocol/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(out.outputFiles[0]!.contents).length / 1024;
}

const server = await startServer({ dataDir: await tempDir('bench') });
try {
  const shared = await sharePlan(server.url);
  const cipher = await shared.owner.ready();
  for (let start = 0; start < ITEMS; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(ITEMS, start + 500); i++)
      batch.push(
        await sealFields(cipher, 'events', `event-${i}`, {
          title: `Working visit ${i}`,
          kind: 'meeting',
          status: 'tentative',
          startsAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
          endsAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 + 1_800_000).toISOString(),
          timeZone: 'Asia/Seoul',
          placeId: 'busan',
          participantIds: ['trump', 'xi'],
        }),
      );
    applySealed(shared.owner.doc, batch);
  }
  // The owner's session writes a checkpoint by itself once the document is still (as the app's does).
  const written = performance.now();
  await until(shared.owner, () => shared.owner.checkpoints.latest !== null && shared.owner.status === 'saved');
  // What the session's idle look does after the last write (it may already have done it): a
  // new checkpoint only if the current one leaves more than the keeper's rule allows uncovered.
  await shared.owner.maybeCheckpoint();
  await until(shared.owner, () => shared.owner.status === 'saved');
  const checkpoint = shared.owner.checkpoints.latest!;
  const { total, uncovered } = coverage(shared.owner.doc, checkpoint);
  console.log(
    `checkpoint: ${checkpoint.size} of ${total} entries (${uncovered} newer than it), ${(checkpoint.sealed.length / 1024).toFixed(0)} KB sealed, saved ${(performance.now() - written).toFixed(0)} ms after the last write`,
  );

  const code = await invite(shared, 'editor');
  const t0 = performance.now();
  const { member } = await join(server.url, code);
  await until(member, () => member.provider.isSynced);
  const received = performance.now();
  const { records, fromCheckpoint, decrypted } = await member.readAll();
  const firstSync = performance.now() - t0;
  if (records.length !== ITEMS) throw new Error(`expected ${ITEMS} records, read ${records.length}`);
  console.log(
    `sync_first_10k_ms ${firstSync.toFixed(0)} (received ${(received - t0).toFixed(0)}, read ${(firstSync - (received - t0)).toFixed(0)}: ${fromCheckpoint} entries from the checkpoint, ${decrypted} decrypted) target=3000`,
  );
  const v0 = performance.now();
  const lies = await member.checkpoints.verified();
  console.log(
    `background verification: ${(performance.now() - v0).toFixed(0)} ms after the read, ${lies.length} entries found false`,
  );

  const edits: number[] = [];
  const mine = await member.ready();
  const tableSlot = await mine.slot('table', 'events');
  const recordSlot = await mine.slot('record', 'events', 'event-42');
  for (let i = 0; i < 20; i++) {
    const title = `Edited ${i}`;
    const seen = new Promise<void>((resolve) => {
      const check = async () => {
        const map = member.doc.getMap<Y.Map<Uint8Array>>(tableSlot).get(recordSlot)!;
        const { record } = await readRecord(mine, tableSlot, recordSlot, map);
        if (record?.fields.title !== title) return;
        member.doc.off('update', check);
        resolve();
      };
      member.doc.on('update', check);
    });
    const start = performance.now();
    await shared.owner.write('events', 'event-42', { title });
    await seen;
    edits.push(performance.now() - start);
  }
  console.log(`sync_edit_ms ${median(edits).toFixed(1)} (median of 20) target=200`);
  console.log(`sync_client_gzip_kb ${(await clientSize()).toFixed(1)} (protocol + Yjs + provider, minified) target=60`);
  shared.owner.destroy();
  member.destroy();
} finally {
  await server.stop();
}
