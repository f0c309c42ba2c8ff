/**
 * A shared plan among several local plans: only the shared plan's records travel, never another
 * plan's and never a `plans` row (each member names the plan for themselves), and what arrives
 * lands in the member's own local plan.
 */
import 'fake-indexeddb/auto'; // before any module that opens the app's database
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCommand } from '../../src/db/commands';
import { createPlan, renamePlan, switchPlan } from '../../src/db/plans';
import { makeEvent } from '../helpers/factories';
import { type Client, eventually, joinAs, ownerClient } from './clients';
import { type ServerProcess, startServer, storedBytes, tempDir } from './helpers';

let server: ServerProcess;
let dataDir: string;
const open: Client[] = [];

beforeAll(async () => {
  dataDir = await tempDir('bridge-plans');
  server = await startServer({ dataDir });
});

afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
  await server.stop();
});

const device = { id: 'dev-0123456789', name: 'Test browser' };

test('only the shared local plan travels, and it arrives in the member’s own plan', async () => {
  // Ana's browser: a plan to share and a private one, each with an item.
  const { owner, keyring } = await ownerClient(server.url, 'plan-shared');
  open.push(owner);
  await owner.db.plans.put({ id: 'plan-shared' as never, name: 'Busan talks', createdAt: '2026-01-01T00:00:00.000Z' });
  await switchPlan(owner.db, 'plan-shared');
  await runCommand(
    owner.db,
    { label: 'add', put: { events: [makeEvent({ id: 'busan' as never, title: 'Busan meeting' })] } },
    { device },
  );
  const { planId: privateId } = await createPlan(owner.db, 'Private drafts');
  await runCommand(
    owner.db,
    { label: 'add', put: { events: [makeEvent({ id: 'secret' as never, title: 'Private Kuala Lumpur draft' })] } },
    { device },
  );
  expect((await owner.db.events.get('secret'))!.planId).toBe(privateId);
  await switchPlan(owner.db, 'plan-shared');
  await owner.bridge.shareAll();

  // Bo joins into a plan of his own, beside one he has already.
  const bo = await joinAs(server.url, owner, keyring, 'editor', 'Bo', 'plan-bo-shared');
  open.push(bo);
  await bo.db.plans.put({ id: 'plan-bo-shared' as never, name: 'Shared plan', createdAt: '2026-02-01T00:00:00.000Z' });
  await eventually(bo, async () => (await bo.db.events.get('busan'))?.title === 'Busan meeting');
  expect((await bo.db.events.get('busan'))!.planId).toBe('plan-bo-shared');

  // Later: an edit in the private plan and a rename of the shared plan stay in Ana's browser;
  // an edit in the shared plan crosses.
  await switchPlan(owner.db, privateId);
  const secret = (await owner.db.events.get('secret'))!;
  await runCommand(owner.db, { label: 'edit', put: { events: [{ ...secret, notes: 'Still private' }] } }, { device });
  await renamePlan(owner.db, 'plan-shared', 'Renamed by Ana');
  const busan = (await owner.db.events.get('busan'))!;
  await runCommand(owner.db, { label: 'edit', put: { events: [{ ...busan, notes: 'Gimhae air base' }] } }, { device });
  await owner.bridge.flush();
  await eventually(bo, async () => (await bo.db.events.get('busan'))?.notes === 'Gimhae air base');
  expect(await bo.db.events.get('secret')).toBeUndefined();
  expect((await bo.db.plans.toArray()).map((p) => [p.id, p.name])).toEqual([['plan-bo-shared', 'Shared plan']]);
  await owner.bridge.settled();
  const bytes = await storedBytes(dataDir);
  for (const text of ['Kuala Lumpur', 'Private', 'Renamed by Ana', 'Busan']) expect(bytes).not.toContain(text);
});
