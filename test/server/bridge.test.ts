import 'fake-indexeddb/auto'; // before any module that opens the app's database
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCommand } from '../../src/db/commands';
import { makeEvent } from '../helpers/factories';
import { writeFields } from '../../src/sync/protocol';
import { type Client, edit, eventually, sharedEventPlan } from './clients';
import { type ServerProcess, startServer, storedBytes, tempDir } from './helpers';

let server: ServerProcess;
let dataDir: string;
const open: Client[] = [];

beforeAll(async () => {
  dataDir = await tempDir('bridge');
  server = await startServer({ dataDir });
});

afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
  await server.stop();
});

const sharedPlan = () => sharedEventPlan(server.url, open);

test('two members edit different fields offline, reconnect, and both fields survive in both', async () => {
  const { owner, editor } = await sharedPlan();
  await owner.session.disconnect();
  await editor.session.disconnect();
  await edit(owner, 'busan', { title: 'Trump–Xi meeting, Busan' });
  await edit(editor, 'busan', { notes: 'Gimhae air base' });
  await owner.bridge.flush();
  await editor.bridge.flush();
  await owner.session.connect();
  await editor.session.connect();
  const both = async (c: Client) => {
    const e = await c.db.events.get('busan');
    return e?.title === 'Trump–Xi meeting, Busan' && e.notes === 'Gimhae air base';
  };
  await eventually(owner, () => both(owner));
  await eventually(editor, () => both(editor));
  // Each side's History names the member who made the change that arrived.
  const arrived = (await editor.db.history.toArray()).filter((h) => h.deviceId === `member:${owner.memberId}`);
  const renamed = arrived.find((h) => h.changes[0]?.after?.title === 'Trump–Xi meeting, Busan');
  expect(renamed).toMatchObject({ deviceName: 'Ana', itemKeys: ['events/busan'] });
  expect(renamed?.label).toBe('Ana changed “Trump–Xi meeting, Busan” (shared plan)');
  // The server holds none of it in clear.
  await owner.bridge.settled();
  const bytes = await storedBytes(dataDir);
  for (const text of ['Busan', 'Gimhae', 'Trump']) expect(bytes).not.toContain(text);
});

test('an offline edit survives closing the tab and is sent after the reload', async () => {
  const { owner, editor } = await sharedPlan();
  await editor.session.disconnect();
  await edit(editor, 'busan', { notes: 'Motorcade from Gimhae' });
  await editor.close();
  await editor.connect({ claim: undefined });
  await eventually(owner, async () => (await owner.db.events.get('busan'))?.notes === 'Motorcade from Gimhae');
});

test('a record that fails validation is quarantined with the reason and changes nothing', async () => {
  const { owner, editor } = await sharedPlan();
  const before = await editor.db.events.get('busan');
  // A member's client that skips validation writes an end before the start.
  await writeFields(owner.bridge.doc, await owner.session.ready(), 'events', 'busan', {
    endsAt: '2025-10-29T00:00:00.000Z',
  });
  await eventually(editor, async () => (await editor.store.quarantine.count()) > 0);
  const [row] = await editor.store.quarantine.toArray();
  expect(row).toMatchObject({ table: 'events', recordId: 'busan' });
  expect(row!.message).toMatch(/Event “?"?Busan meeting/);
  expect(row!.message).toMatch(/end/i);
  expect(await editor.db.events.get('busan')).toEqual(before);
});

test('a compact History entry (an import) sends the whole record from its table', async () => {
  const { owner, editor } = await sharedPlan();
  const imported = makeEvent({ id: 'gyeongju' as never, title: 'APEC leaders, Gyeongju', notes: 'Hwabaek centre' });
  await runCommand(owner.db, { label: 'Imported', kind: 'import', compact: true, put: { events: [imported] } });
  expect((await owner.db.history.toArray()).some((h) => h.added?.events?.ids.includes('gyeongju'))).toBe(true);
  await owner.bridge.flush();
  await eventually(editor, async () => (await editor.db.events.get('gyeongju'))?.notes === 'Hwabaek centre');
  expect((await editor.db.events.get('gyeongju'))?.title).toBe('APEC leaders, Gyeongju');
});
