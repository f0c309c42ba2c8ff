/**
 * Sealed checkpoints through a real server: a member joining reads the same records from the
 * checkpoint as the slow way; after a removal the owner's next checkpoint is under the new key,
 * which the removed member cannot open; the server's storage holds none of the plan's text.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { type SyncSession, PlanCipher, checkpointBytes, openCheckpoint, readAllRecords } from '../../src/sync/protocol';
import { type ServerProcess, startServer, storedBytes, tempDir } from './helpers';
import { SAMPLE, SAMPLE_TEXT, invite, join, removeJoined, sharePlan, until } from './plans';

let server: ServerProcess;
let dataDir: string;
const open: SyncSession[] = [];
const track = (s: SyncSession) => (open.push(s), s);

beforeAll(async () => {
  dataDir = await tempDir('checkpoint');
  server = await startServer({ dataDir });
});

afterAll(async () => {
  for (const s of open) s.destroy();
  await server.stop();
});

const sorted = (records: { table: string; id: string; fields: Record<string, unknown> }[]) =>
  [...records].sort((a, b) => `${a.table}/${a.id}`.localeCompare(`${b.table}/${b.id}`));

test('a member joining a plan with a checkpoint reads the same records as the slow way, none decrypted', async () => {
  const shared = await sharePlan(server.url);
  track(shared.owner);
  for (const r of SAMPLE) await shared.owner.write(r.table, r.id, r.fields);
  await shared.owner.maybeCheckpoint(true);
  expect(shared.owner.checkpoints.latest?.size).toBe(10);
  await until(shared.owner, () => shared.owner.status === 'saved');

  const { member } = await join(server.url, await invite(shared, 'viewer'));
  track(member);
  await until(member, () => member.provider.isSynced);
  await expect.poll(async () => (await member.readAll()).records.length).toBe(SAMPLE.length);
  const fast = await member.readAll();
  expect(fast).toMatchObject({ fromCheckpoint: 10, decrypted: 0, unreadable: 0 });
  const slow = await readAllRecords(member.doc, await PlanCipher.open(shared.planId, member.keyring!));
  expect(slow).toMatchObject({ fromCheckpoint: 0, decrypted: 10 });
  expect(sorted(fast.records)).toEqual(sorted(slow.records));
  expect(await member.checkpoints.verified()).toEqual([]);

  // The server's storage holds the checkpoint (sealed) and none of the plan's text.
  const bytes = await storedBytes(dataDir);
  for (const text of SAMPLE_TEXT) expect(bytes).not.toContain(text);
});

test('after a removal the next checkpoint is under the new key: the removed member cannot open it', async () => {
  const shared = await sharePlan(server.url);
  track(shared.owner);
  for (const r of SAMPLE) await shared.owner.write(r.table, r.id, r.fields);
  await shared.owner.maybeCheckpoint(true);
  const joined = await join(server.url, await invite(shared, 'editor'));
  const { member } = joined;
  track(member);
  await expect.poll(async () => (await member.readAll()).fromCheckpoint).toBe(10);
  const { oldKeyring, keyring } = await removeJoined(shared, joined);
  await shared.owner.write('events', 'after', { title: 'Secret after the removal' });

  // The owner's session writes the next checkpoint by itself (its one in the document is under the old key).
  await until(shared.owner, () => shared.owner.checkpoints.latest?.epoch === 1 && shared.owner.status === 'saved');
  expect(shared.owner.checkpoints.latest!.size).toBe(12);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(shared.owner.doc));
  const oldCipher = await PlanCipher.open(shared.planId, oldKeyring);
  const sealed = (await checkpointBytes(copy, oldCipher))!;
  expect(sealed).toBeInstanceOf(Uint8Array);
  expect(await openCheckpoint(oldCipher, sealed)).toBeNull();
  expect((await openCheckpoint(await PlanCipher.open(shared.planId, keyring), sealed))?.size).toBe(12);
  // Read with the old keys, the new record stays closed: the checkpoint gives nothing away.
  const withOldKeys = await readAllRecords(copy, oldCipher, await openCheckpoint(oldCipher, sealed));
  expect(withOldKeys.records.find((r) => r.id === 'after')?.fields ?? {}).toEqual({});

  await expect.poll(() => storedBytes(dataDir)).not.toContain('Secret after the removal');
});
