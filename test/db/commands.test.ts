import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/db/commands';
import { StaleEditError } from '../../src/db/errors';
import { restoreDeleted, undoEntry, UndoRefusedError } from '../../src/db/undo';
import { dbsPerTest, dumpDb, freshDb } from '../helpers/fresh-db';
import { makeEvent } from '../helpers/factories';

const NOW = '2026-11-28T12:00:00.000Z';
const device = { id: 'dev-0123456789', name: 'Test browser' };
const opts = { clock: () => NOW, device };
const dbs = dbsPerTest();
const fresh = () => dbs.track(freshDb().db);

describe('runCommand', () => {
  it('stores the history label and device name as one line of cleaned text (a file name may carry anything)', async () => {
    const db = fresh();
    const { entry } = await runCommand(
      db,
      { label: "Imported 'hostile\u202Egnp.json\u0007'\r\n", put: { events: [makeEvent({ id: 'h' as never })] } },
      { clock: () => NOW, device: { id: device.id, name: 'Evil\u202E\u0000 laptop\n' } },
    );
    expect(entry).toMatchObject({ label: "Imported 'hostilegnp.json'", deviceName: 'Evil laptop' });
    expect((await db.history.get(entry!.id))?.label).toBe("Imported 'hostilegnp.json'");
  });

  it('stamps rev, updatedAt and updatedBy, and writes one history entry with before and after', async () => {
    const db = fresh();
    const first = await runCommand(
      db,
      { label: "Added 'A'", put: { events: [makeEvent({ id: 'a' as never, title: 'A' })] } },
      opts,
    );
    const stored = await db.events.get('a');
    expect(stored).toMatchObject({ rev: 1, updatedAt: NOW, updatedBy: device.id, title: 'A' });
    const edit = await runCommand(
      db,
      { label: "Renamed 'A'", put: { events: [{ ...stored, title: 'B' }] }, expect: { 'events/a': 1 } },
      opts,
    );
    expect(edit.entry?.changes).toEqual([
      { table: 'events', id: 'a', title: 'B', before: stored, after: await db.events.get('a') },
    ]);
    expect(edit.entry).toMatchObject({
      label: "Renamed 'A'",
      deviceId: device.id,
      deviceName: 'Test browser',
      itemKeys: ['events/a'],
    });
    expect((await db.history.toArray()).map((h) => h.id).sort()).toEqual([first.entry!.id, edit.entry!.id].sort());
  });

  it('refuses an invalid record and writes nothing, not even history', async () => {
    const db = fresh();
    const before = await dumpDb(db);
    await expect(
      runCommand(
        db,
        { label: 'x', put: { events: [makeEvent({ id: 'ok' as never }), { id: 'bad', title: '' }] } },
        opts,
      ),
    ).rejects.toThrow();
    expect(await dumpDb(db)).toEqual(before);
  });

  it('refuses a stale delete like a stale save (issue 19, item 2), and writes nothing', async () => {
    const db = fresh();
    await runCommand(db, { label: 'add', put: { events: [makeEvent({ id: 'a' as never })] } }, opts);
    const loaded = (await db.events.get('a'))!;
    await runCommand(db, { label: 'other tab', put: { events: [{ ...loaded, title: 'Theirs' }] } }, opts);
    const before = await dumpDb(db);
    const refusal = await runCommand(
      db,
      { label: 'delete', remove: { events: ['a'] }, expect: { 'events/a': loaded.rev! } },
      opts,
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StaleEditError);
    expect((refusal as StaleEditError).actualRev).toBe(2);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('turns a delete into a tombstone; the record leaves its table; a later put moves the revision on', async () => {
    const db = fresh();
    await runCommand(db, { label: 'add', put: { events: [makeEvent({ id: 'a' as never })] } }, opts);
    await runCommand(db, { label: "Deleted 'a'", remove: { events: ['a'] }, expect: { 'events/a': 1 } }, opts);
    expect(await db.events.get('a')).toBeUndefined();
    expect(await db.tombstones.get('events/a')).toMatchObject({
      table: 'events',
      recordId: 'a',
      deletedAt: NOW,
      rev: 2,
    });
    await runCommand(db, { label: 'again', put: { events: [makeEvent({ id: 'a' as never })] } }, opts);
    expect((await db.events.get('a'))?.rev).toBe(3);
    expect(await db.tombstones.get('events/a')).toBeUndefined();
  });
});

describe('undo and restore', () => {
  it('undo puts every record back as it was, and enters history itself', async () => {
    const db = fresh();
    await runCommand(db, { label: 'add', put: { events: [makeEvent({ id: 'a' as never, title: 'A' })] } }, opts);
    const a = (await db.events.get('a'))!;
    const edit = await runCommand(
      db,
      { label: 'rename', put: { events: [{ ...a, title: 'B' }] }, meta: { planName: 'New name' } },
      opts,
    );
    const undo = await undoEntry(db, edit.entry!.id, opts);
    expect(undo.entry).toMatchObject({ label: 'Undid: rename', kind: 'undo', undoes: edit.entry!.id });
    expect((await db.events.get('a'))?.title).toBe('A');
    expect(await db.meta.get('planName')).toBeUndefined();
  });

  it('refuses to undo an older entry whose records have changed since, and to undo twice', async () => {
    const db = fresh();
    const add = await runCommand(
      db,
      { label: 'add', put: { events: [makeEvent({ id: 'a' as never, title: 'A' })] } },
      opts,
    );
    const a = (await db.events.get('a'))!;
    const rename = await runCommand(db, { label: 'rename', put: { events: [{ ...a, title: 'B' }] } }, opts);
    const before = await dumpDb(db);
    await expect(undoEntry(db, add.entry!.id, opts)).rejects.toThrow(/Cannot undo “add”: 'A' has been changed since/);
    expect(await dumpDb(db)).toEqual(before);
    await undoEntry(db, rename.entry!.id, opts);
    await expect(undoEntry(db, rename.entry!.id, opts)).rejects.toThrow(/already been undone/);
    await expect(undoEntry(db, 'h-missing', opts)).rejects.toBeInstanceOf(UndoRefusedError);
  });

  it('restores a deleted item from its entry', async () => {
    const db = fresh();
    await runCommand(db, { label: 'add', put: { events: [makeEvent({ id: 'a' as never, title: 'A' })] } }, opts);
    const del = await runCommand(db, { label: "Deleted 'A'", remove: { events: ['a'] } }, opts);
    const restored = await restoreDeleted(db, del.entry!.id, opts);
    expect(restored.entry?.label).toBe("Restored 'A'");
    expect(await db.events.get('a')).toMatchObject({ title: 'A', rev: 3 });
    await expect(restoreDeleted(db, del.entry!.id, opts)).rejects.toThrow(/already in the plan/);
  });
});
