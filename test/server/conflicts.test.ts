import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Client, edit, eventually, remove, sharedEventPlan } from './clients';
import { type ServerProcess, startServer, tempDir } from './helpers';

let server: ServerProcess;
const open: Client[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir: await tempDir('conflicts') });
});

afterAll(async () => {
  for (const c of open) await c.close().catch(() => undefined);
  await server.stop();
});

async function offlineBoth(a: Client, b: Client, work: () => Promise<void>) {
  await a.session.disconnect();
  await b.session.disconnect();
  await work();
  await a.bridge.flush();
  await b.bridge.flush();
  await a.session.connect();
  await b.session.connect();
}

const conflictsOf = async (c: Client) => c.bridge.conflicts();

test('the same field edited by two members offline: both converge, the losing value waits in Sync conflicts on both', async () => {
  const { owner, editor } = await sharedEventPlan(server.url, open);
  await offlineBoth(owner, editor, async () => {
    await edit(owner, 'busan', { title: 'Summit in Busan' });
    await edit(editor, 'busan', { title: 'Meeting at Gimhae' });
  });
  const settled = async (c: Client) => (await conflictsOf(c)).length === 1;
  await eventually(owner, () => settled(owner));
  await eventually(editor, () => settled(editor));
  const [ownerTitle, editorTitle] = [
    (await owner.db.events.get('busan'))!.title,
    (await editor.db.events.get('busan'))!.title,
  ];
  await eventually(
    owner,
    async () => (await owner.db.events.get('busan'))!.title === (await editor.db.events.get('busan'))!.title,
  );
  const [c] = await conflictsOf(editor);
  const kept = (await editor.db.events.get('busan'))!.title;
  expect([ownerTitle, editorTitle]).toContain(kept);
  expect(c).toMatchObject({ kind: 'field', table: 'events', recordId: 'busan', field: 'title' });
  expect(c!.kept.value).toBe(kept);
  expect([c!.kept.value, c!.lost.value].sort()).toEqual(['Meeting at Gimhae', 'Summit in Busan']);
  const byName = { 'Summit in Busan': owner.memberId, 'Meeting at Gimhae': editor.memberId } as Record<string, string>;
  expect(c!.lost.by).toBe(byName[c!.lost.value as string]);
  expect(c!.lost.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect((await conflictsOf(owner))[0]?.id).toBe(c!.id);

  // Keeping the lost value is a command: it reaches both, and the conflict leaves both lists.
  await editor.bridge.resolve(c!, 'lost');
  const lost = c!.lost.value as string;
  const done = async (x: Client) =>
    (await x.db.events.get('busan'))?.title === lost && (await conflictsOf(x)).length === 0;
  await eventually(editor, () => done(editor));
  await eventually(owner, () => done(owner));
  const kept2 = (await editor.db.history.toArray()).find((h) => h.label.includes('sync conflict'));
  expect(kept2?.label).toMatch(/^Kept (Ana|Bo)’s title of “/);
});

test('a delete that races an edit: the deletion stands, the edit waits in Sync conflicts and can be kept', async () => {
  const { owner, editor } = await sharedEventPlan(server.url, open);
  await offlineBoth(owner, editor, async () => {
    await remove(owner, 'busan');
    await edit(editor, 'busan', { notes: 'Motorcade from Gimhae air base' });
  });
  const raced = async (c: Client) => !(await c.db.events.get('busan')) && (await conflictsOf(c)).length === 1;
  await eventually(owner, () => raced(owner));
  await eventually(editor, () => raced(editor));
  const [c] = await conflictsOf(owner);
  expect(c).toMatchObject({ kind: 'delete', recordId: 'busan', title: 'Busan meeting' });
  expect(c!.kept.by).toBe(owner.memberId);
  expect(c!.lost).toMatchObject({ value: { notes: 'Motorcade from Gimhae air base' }, by: editor.memberId });

  await owner.bridge.resolve(c!, 'lost');
  const back = async (x: Client) =>
    (await x.db.events.get('busan'))?.notes === 'Motorcade from Gimhae air base' && (await conflictsOf(x)).length === 0;
  await eventually(owner, () => back(owner));
  await eventually(editor, () => back(editor));
});
