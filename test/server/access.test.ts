import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type SyncSession,
  PlanCipher,
  createPlan,
  openKeyring,
  readAllRecords,
  verifyMembership,
} from '../../src/sync/protocol';
import { type ServerProcess, newKeys, session, startServer, tempDir } from './helpers';
import { invite, join, removeJoined, sharePlan, titles } from './plans';

let server: ServerProcess;
const sessions: SyncSession[] = [];
const track = <T extends SyncSession>(s: T) => (sessions.push(s), s);

beforeAll(async () => {
  server = await startServer({ dataDir: await tempDir('access') });
});
afterAll(async () => {
  for (const s of sessions) s.destroy();
  await server.stop();
});

test('a client whose key is not on the roster is refused and receives nothing', async () => {
  const shared = await sharePlan(server.url);
  track(shared.owner);
  await shared.owner.write('events', 'busan-summit-2025', { title: 'Trump–Xi summit, Busan' });
  await expect.poll(() => shared.owner.status).toBe('saved');

  const stranger = track(session(server.url, shared.planId, await newKeys()));
  await expect.poll(() => stranger.authFailure).toBe('You are not a member of this plan.');
  expect(stranger.doc.share.size).toBe(0);
  expect(stranger.membership).toBeNull();
});

test('a plan id that is not bound to the signer of its membership list is refused', async () => {
  const real = await createPlan(await newKeys(), '', new Date());
  const forger = await newKeys();
  const forged = await createPlan(forger, '', new Date());
  // A forged list for someone else's plan id: signed by the forger, naming the forger as owner.
  const s = track(session(server.url, real.planId, forger, { membership: forged.signed }));
  await expect.poll(() => s.authFailure).toBe('The membership list is for another plan.');
});

test('a viewer reads the plan, but their writes are refused by the server', async () => {
  const shared = await sharePlan(server.url);
  track(shared.owner);
  await shared.owner.write('events', 'e1', { title: 'Madrid trade talks' });
  const { member: viewer } = await join(server.url, await invite(shared, 'viewer'));
  track(viewer);
  await expect.poll(() => titles(viewer)).toEqual(['events/e1']);

  await viewer.write('events', 'e2', { title: 'Written by a viewer' });
  // Reconnecting makes the viewer offer the write again in its sync step; the server refuses it.
  await viewer.disconnect();
  void viewer.connect();
  await expect.poll(() => viewer.provider.isSynced && viewer.status !== 'offline').toBe(true);
  await shared.owner.write('events', 'e3', { title: 'After the viewer' });
  await expect.poll(() => shared.owner.status).toBe('saved');

  const fresh = track(session(server.url, shared.planId, shared.ownerKeys, { keyring: shared.keyring }));
  await expect.poll(() => titles(fresh)).toEqual(['events/e1', 'events/e3']);
  expect(await titles(shared.owner)).toEqual(['events/e1', 'events/e3']);
});

test('a removed member is cut off, gets nothing new, and cannot read what is written after the rotation', async () => {
  const shared = await sharePlan(server.url);
  track(shared.owner);
  await shared.owner.write('events', 'before', { title: 'Before the removal' });
  const joined = await join(server.url, await invite(shared, 'editor'));
  const { keys, member } = joined;
  track(member);
  await expect.poll(() => titles(member)).toEqual(['events/before']);
  const { memberId, oldKeyring, keyring, signed } = await removeJoined(shared, joined);

  await shared.owner.write('events', 'after', { title: 'Secret after the removal' });
  await expect.poll(() => shared.owner.status).toBe('saved');
  await member.disconnect();
  void member.connect();
  await expect.poll(() => member.authFailure).toBe('This invitation is no longer valid.');
  expect(await titles(member)).toEqual(['events/before']);

  // Even with the server's whole document, the old keys do not open the new record.
  const fresh = track(session(server.url, shared.planId, shared.ownerKeys, { keyring }));
  await expect.poll(() => titles(fresh)).toEqual(['events/after', 'events/before']);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(fresh.doc));
  const withOldKeys = await readAllRecords(copy, await PlanCipher.open(shared.planId, oldKeyring));
  expect(withOldKeys.records.find((r) => r.id === 'after')?.fields ?? {}).toEqual({});
  expect(withOldKeys.unreadable).toBeGreaterThan(0);
  const newList = await verifyMembership(signed);
  await expect(openKeyring(newList, memberId, keys.dhPrivate)).rejects.toThrow(/not shared with you/);
});
