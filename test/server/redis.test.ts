import { afterAll, expect, test } from 'vitest';
import type { SyncSession } from '../../src/sync/protocol';
import { type ServerProcess, startServer, tempDir } from './helpers';
import { invite, join, sharePlan, titles, until } from './plans';
import { startRedis } from './redis';

const servers: ServerProcess[] = [];
const sessions: SyncSession[] = [];
let stopRedis: () => Promise<void> = async () => {};
afterAll(async () => {
  for (const s of sessions) s.destroy();
  for (const s of servers) await s.stop();
  await stopRedis();
});

test('two server processes share a plan through Redis: a member who joins through one, and their edits, reach a client of the other', async () => {
  const redis = await startRedis();
  stopRedis = redis.stop;
  const dir = await tempDir('redis');
  const a = await startServer({ dataDir: dir, redisUrl: redis.url });
  const b = await startServer({ dataDir: dir, redisUrl: redis.url });
  servers.push(a, b);
  expect(a.port).not.toBe(b.port);

  const shared = await sharePlan(a.url);
  sessions.push(shared.owner);
  const { keys, member } = await join(b.url, await invite(shared, 'editor'));
  sessions.push(member);
  // The member claimed the invitation through B: the owner, connected to A, is told of them too.
  const memberId = member.roster.find((r) => r.signPub === keys.signPub)!.id;
  await until(shared.owner, () => shared.owner.roster.some((r) => r.id === memberId));

  await shared.owner.write('events', 'from-a', { title: 'Written through server A' });
  await expect.poll(() => titles(member)).toEqual(['events/from-a']);
  await member.write('events', 'from-b', { title: 'Written through server B' });
  await expect.poll(() => titles(shared.owner)).toEqual(['events/from-a', 'events/from-b']);
  const { records } = await shared.owner.readAll();
  expect(records.find((r) => r.id === 'from-b')?.fields.title).toBe('Written through server B');
  // Each process's client is told its change is stored.
  await expect.poll(() => member.status).toBe('saved');
  await expect.poll(() => shared.owner.status).toBe('saved');
});
