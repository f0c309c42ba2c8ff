import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_ID, openPlan } from '../../src/db/open-plan';
import { runCommand } from '../../src/db/commands';
import { applyImport } from '../../src/db/io';
import { RESET_LABEL, resetSamplePlan } from '../../src/db/seed';
import { undoEntry, UndoRefusedError } from '../../src/db/undo';
import { buildBackup, encodeBackup, restoreBackup, type Restored } from '../../src/domain/files';
import { entryChanges, type Plan } from '../../src/domain/model';
import { dbsPerTest, dumpDb, planDump } from '../helpers/fresh-db';
import { makeEvent } from '../helpers/factories';

const NOW = '2026-11-28T12:00:00.000Z';
const LATER = '2026-11-28T13:00:00.000Z';
const APPLY = { now: NOW, appVersion: '0.1.0', reason: 'Before importing x.json', fileName: 'x.json' };
const dbs = dbsPerTest();
const seeded = () => dbs.seeded(NOW);
const opts = { clock: () => LATER, device: { id: 'dev-test-000000', name: 'Test browser' } };

function backupOf(plan: Plan, planName = 'Incoming plan'): Restored {
  const result = restoreBackup(encodeBackup(buildBackup({ plan, planName, appVersion: '0.1.0', exportedAt: NOW })));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.restored;
}

const empty = (): Plan => ({
  places: [],
  participants: [],
  events: [],
  visits: [],
  legs: [],
  windows: [],
  scenarios: [],
});
const bulk = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    makeEvent({ id: `bulk-${i}` as never, title: `Bulk ${i}`, updatedAt: '2026-12-01T00:00:00.000Z' }),
  );

describe('an import is one History entry', () => {
  it('merge: labelled with the file, added and replaced counted, compact, and its Undo returns the plan exactly', async () => {
    const db = await seeded();
    const before = await planDump(db);
    const busan = (await db.events.get('busan-summit-2025'))!;
    const plan = {
      ...empty(),
      events: [...bulk(3), { ...busan, title: 'Busan (file)', updatedAt: '2026-12-02T00:00:00.000Z' }],
    };
    const result = await applyImport(db, backupOf(plan), 'merge', APPLY);
    const entry = result.entry!;
    expect(entry).toMatchObject({ kind: 'import', label: "Imported 'x.json': 3 items added, 1 replaced", at: NOW });
    expect(await db.history.count()).toBe(1);
    // The added records are stored in columns (one array each of ids, titles and revisions), the
    // replaced one as a change with its before; entryChanges reads both the same way.
    expect(entry.added).toEqual({
      events: { ids: ['bulk-0', 'bulk-1', 'bulk-2'], titles: ['Bulk 0', 'Bulk 1', 'Bulk 2'], revs: [1, 1, 1] },
    });
    expect(entry.changes.map((c) => c.id)).toEqual(['busan-summit-2025']);
    expect((await db.history.get(entry.id))!.added).toEqual(entry.added);
    const added = entryChanges(entry).find((c) => c.id === 'bulk-0')!;
    expect(added).toMatchObject({ before: null, after: { id: 'bulk-0', rev: 1 }, brief: true, title: 'Bulk 0' });
    const replaced = entryChanges(entry).find((c) => c.id === 'busan-summit-2025')!;
    expect(replaced.before).toEqual(busan);
    // The file's edit time is kept (merge compares it).
    expect((await db.events.get('busan-summit-2025'))!.updatedAt).toBe('2026-12-02T00:00:00.000Z');

    await undoEntry(db, entry.id, opts);
    expect(await planDump(db)).toEqual(before);
    expect(await db.events.get('bulk-0')).toBeUndefined();
  });

  it('replace: deletes what the file lacks as tombstones, renames the plan, and Undo brings all of it back', async () => {
    const db = await seeded();
    const before = await planDump(db);
    const count = (await db.events.count()) + (await db.places.count());
    const result = await applyImport(db, backupOf({ ...empty(), events: bulk(2) }, 'Two'), 'replace', APPLY);
    expect(result.entry).toMatchObject({ kind: 'import', label: "Replaced the plan with 'x.json': 2 items" });
    expect(await db.events.count()).toBe(2);
    expect(await db.tombstones.count()).toBeGreaterThanOrEqual(count);
    expect((await openPlan(db)).name).toBe('Two');
    expect(result.backupId).toBeDefined();

    await undoEntry(db, result.entry!.id, opts);
    expect(await planDump(db)).toEqual({ ...before, backups: await db.backups.toArray() });
  });

  it('an import whose items were edited since is refused in plain words and changes nothing', async () => {
    const db = await seeded();
    const result = await applyImport(db, backupOf({ ...empty(), events: bulk(2) }), 'merge', APPLY);
    const stored = (await db.events.get('bulk-1'))!;
    await runCommand(db, { label: 'Renamed', put: { events: [{ ...stored, title: 'Edited' }] } }, opts);
    const dump = await dumpDb(db);
    const refusal = await undoEntry(db, result.entry!.id, opts).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UndoRefusedError);
    expect((refusal as Error).message).toMatch(/'Bulk 1' has been changed since.*Nothing was changed\./);
    expect(await dumpDb(db)).toEqual(dump);
  });

  it('an import that changes nothing writes no entry', async () => {
    const db = await seeded();
    const busan = (await db.events.get('busan-summit-2025'))!;
    const result = await applyImport(db, backupOf({ ...empty(), events: [busan] }), 'merge', APPLY);
    expect(result.entry).toBeUndefined();
    expect(await db.history.count()).toBe(0);
  });

  it('a file holding one id twice is refused and nothing is written', async () => {
    const db = await seeded();
    const dump = await dumpDb(db);
    const twice = makeEvent({ id: 'twice' as never });
    await expect(
      runCommand(db, { label: 'x', put: { events: [twice, { ...twice, title: 'Again' }] }, validated: true }, opts),
    ).rejects.toThrow(/events\/twice twice/);
    expect(await dumpDb(db)).toEqual(dump);
  });

  it('reports progress in chunks and ends at the total', async () => {
    const db = await seeded();
    const seen: [number, number][] = [];
    await applyImport(db, backupOf({ ...empty(), events: bulk(25) }), 'merge', {
      ...APPLY,
      chunkSize: 10,
      onProgress: (w, t) => seen.push([w, t]),
    });
    expect(seen).toEqual([
      [10, 25],
      [20, 25],
      [25, 25],
      [25, 25],
    ]);
  });
});

describe('a reset is one History entry', () => {
  it("is labelled 'Reset to the sample plan' and its Undo returns the plan exactly", async () => {
    const db = await seeded();
    await runCommand(db, { label: 'Added mine', put: { events: [makeEvent({ id: 'mine' as never })] } }, opts);
    await runCommand(db, { label: 'Deleted', remove: { events: ['busan-summit-2025'] } }, opts);
    const plan = (await db.plans.get(DEFAULT_PLAN_ID))!;
    await runCommand(db, { label: 'Renamed', put: { plans: [{ ...plan, name: 'Mine' }] } }, opts);
    const before = await planDump(db);
    const { entry } = await resetSamplePlan(db, LATER);
    expect(entry).toMatchObject({ kind: 'reset', label: RESET_LABEL });
    expect(await db.events.get('mine')).toBeUndefined();
    expect(await db.events.get('busan-summit-2025')).toBeDefined();
    expect((await openPlan(db)).name).toBe('US–China summitry 2025–26');

    await undoEntry(db, entry!.id, opts);
    expect(await planDump(db)).toEqual(before);
  });
});
