import * as Y from 'yjs';
import { afterAll, expect, test } from 'vitest';
import { type SyncSession, PlanCipher, covers, readAllRecords } from '../../src/sync/protocol';
import { FileStore } from '../../server/store/file-store';
import { type ServerProcess, session, startServer, storedBytes, tempDir } from './helpers';
import { SAMPLE, SAMPLE_TEXT, invite, join, sharePlan } from './plans';

const servers: ServerProcess[] = [];
const sessions: SyncSession[] = [];
afterAll(async () => {
  for (const s of sessions) s.destroy();
  for (const s of servers) await s.stop('SIGKILL');
});

test('the server stores only ciphertext: no title, place, note or id of the plan is in its files', async () => {
  const dir = await tempDir('store');
  const server = await startServer({ dataDir: dir });
  servers.push(server);
  const shared = await sharePlan(server.url);
  sessions.push(shared.owner);
  const { member } = await join(server.url, await invite(shared, 'editor'));
  sessions.push(member);
  for (const r of SAMPLE) await shared.owner.write(r.table, r.id, r.fields);
  await member.write('members', 'analyst', { name: 'Gimhae analyst' });
  await expect.poll(() => shared.owner.status).toBe('saved');
  await expect.poll(() => member.status).toBe('saved');

  const bytes = await storedBytes(dir);
  for (const text of SAMPLE_TEXT) expect(bytes, text).not.toContain(text);
  expect(bytes).not.toContain('events');
  // The files do hold the plan: with the plan's keys, the stored document reads back.
  const stored = new Y.Doc();
  Y.applyUpdate(stored, (await (await FileStore.open(dir)).loadDocument(shared.planId))!);
  const { records } = await readAllRecords(stored, await PlanCipher.open(shared.planId, shared.keyring));
  expect(records.find((r) => r.id === 'busan-summit-2025')?.fields.title).toBe('Trump–Xi summit, Busan');
});

test('killed (-9) in the middle of a sync and restarted, the server has everything it said it saved', async () => {
  const dir = await tempDir('kill');
  const first = await startServer({ dataDir: dir });
  servers.push(first);
  const shared = await sharePlan(first.url);
  const owner = shared.owner;
  sessions.push(owner);

  const written: { id: string; stateVector: Uint8Array }[] = [];
  const confirmed = new Set<string>();
  owner.subscribe(() => {
    const stored = owner.storedStateVector;
    if (stored) for (const w of written) if (covers(stored, w.stateVector)) confirmed.add(w.id);
  });
  let writing = true;
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      await owner.write('events', `item-${i}`, { title: `Item ${i}` });
      written.push({ id: `item-${i}`, stateVector: Y.encodeStateVector(owner.doc) });
    }
  })();
  await expect.poll(() => confirmed.size, { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
  await first.stop('SIGKILL');
  const toldSaved = [...confirmed];
  writing = false;
  await writer;
  expect(written.length).toBeGreaterThan(toldSaved.length);

  const second = await startServer({ dataDir: dir, port: first.port });
  servers.push(second);
  // A new device with the owner's keys sees everything the server had confirmed, straight from its store.
  const fresh = session(second.url, shared.planId, shared.ownerKeys, { keyring: shared.keyring });
  sessions.push(fresh);
  await expect.poll(() => fresh.provider.isSynced).toBe(true);
  const ids = new Set((await fresh.readAll()).records.map((r) => r.id));
  expect(toldSaved.filter((id) => !ids.has(id))).toEqual([]);
  // And once the owner reconnects, what was not yet saved arrives too: nothing is lost.
  await expect.poll(() => owner.status, { timeout: 30_000 }).toBe('saved');
  await expect.poll(async () => (await fresh.readAll()).records.length, { timeout: 30_000 }).toBe(written.length);
});

test('a member who connects while nothing changes is told what is stored: a viewer, who never writes, sees it saved', async () => {
  const dir = await tempDir('quiet');
  const first = await startServer({ dataDir: dir });
  servers.push(first);
  const shared = await sharePlan(first.url);
  sessions.push(shared.owner);
  for (const r of SAMPLE) await shared.owner.write(r.table, r.id, r.fields);
  await expect.poll(() => shared.owner.status).toBe('saved');
  const code = await invite(shared, 'viewer');
  const { member: viewer } = await join(first.url, code);
  sessions.push(viewer);
  await expect.poll(() => viewer.provider.isSynced).toBe(true);
  expect((await viewer.readAll()).records).toHaveLength(SAMPLE.length);
  await expect.poll(() => viewer.status).toBe('saved');

  // Also straight after a restart, when the plan is loaded from the store and nobody has written yet.
  await first.stop();
  const second = await startServer({ dataDir: dir, port: first.port });
  servers.push(second);
  await expect.poll(() => viewer.status, { timeout: 30_000 }).not.toBe('saved');
  await expect.poll(() => viewer.status, { timeout: 30_000 }).toBe('saved');
});
