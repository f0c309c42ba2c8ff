import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import type { SyncSession } from '../../src/sync/protocol';
import { type ServerProcess, startServer, tempDir } from './helpers';
import { SAMPLE, SAMPLE_TEXT, invite, join, sharePlan, titles } from './plans';
import { startPostgres } from './postgres';
import { startRedis } from './redis';

const stops: (() => Promise<void>)[] = [];
const sessions: SyncSession[] = [];
afterAll(async () => {
  for (const s of sessions) s.destroy();
  for (const stop of stops.reverse()) await stop();
});

test('an office: two processes on Postgres and Redis share a plan, and the rows hold no plan text', async () => {
  const postgres = await startPostgres();
  stops.push(postgres.stop);
  const redis = await startRedis();
  stops.push(redis.stop);
  const servers: ServerProcess[] = [];
  for (let i = 0; i < 2; i++) {
    const server = await startServer({
      dataDir: await tempDir('unused'),
      redisUrl: redis.url,
      postgresUrl: postgres.url,
    });
    servers.push(server);
    stops.push(() => server.stop());
  }
  const [a, b] = servers as [ServerProcess, ServerProcess];
  const shared = await sharePlan(a.url);
  sessions.push(shared.owner);
  const { member } = await join(b.url, await invite(shared, 'editor'));
  sessions.push(member);

  for (const r of SAMPLE) await shared.owner.write(r.table, r.id, r.fields);
  await expect
    .poll(() => titles(member))
    .toEqual(['events/busan-summit-2025', 'events/gyeongju-apec-2025', 'places/busan']);
  await member.write('events', 'from-b', { title: 'Written through server B' });
  await expect.poll(() => titles(shared.owner).then((t) => t.includes('events/from-b'))).toBe(true);
  await expect.poll(() => member.status).toBe('saved');
  await expect.poll(() => shared.owner.status).toBe('saved');

  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const docs = await client.query<{ state: Buffer }>('SELECT state FROM summitry_documents');
    const plans = await client.query<{ membership: unknown; claims: unknown }>(
      'SELECT membership, claims FROM summitry_plans',
    );
    expect(docs.rows).toHaveLength(1);
    const bytes = docs.rows[0]!.state.toString('latin1') + JSON.stringify(plans.rows);
    expect(bytes.length).toBeGreaterThan(1000);
    for (const text of [...SAMPLE_TEXT, 'Written through server B']) expect(bytes, text).not.toContain(text);
  } finally {
    await client.end();
  }
});
