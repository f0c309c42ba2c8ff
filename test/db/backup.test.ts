/**
 * Every backup the app writes can be imported: the Storage panel's download and the backup
 * offered when a save fails go through restore and import like any file chosen in Import….
 */
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../src/db/backup';
import { applyImport, loadSnapshot } from '../../src/db/io';
import type { SummitryDb } from '../../src/db/schema';
import { BACKUP_FORMAT_VERSION, withoutRev } from '../../src/domain/files/backup';
import { restoreBackup } from '../../src/domain/files/restore';
import { makeEvent } from '../helpers/factories';
import { dbsPerTest, freshDb } from '../helpers/fresh-db';

const NOW = '2026-11-28T12:00:00.000Z';
const LATER = '2026-12-02T09:30:00.000Z';
const APPLY = { now: LATER, appVersion: '0.1.0', reason: 'Before importing the backup' };
const dbs = dbsPerTest();

async function seeded(): Promise<SummitryDb> {
  const db = await dbs.seeded(NOW);
  await db.acceptances.put({
    id: 'overlap:busan-summit-2025|apec-2025-week',
    note: 'On purpose.',
    acceptedAt: NOW,
    itemsFingerprint: 'a|b',
  });
  return db;
}

function restored(text: string) {
  const result = restoreBackup(text);
  if (!result.ok) throw new Error(`refused: ${result.errors.join(' ')}`);
  return result.restored;
}

/** The plan, its name and accepted conflicts as a backup would carry them (no revisions). */
async function planOf(db: SummitryDb) {
  const s = await loadSnapshot(db);
  const plan = Object.fromEntries(
    Object.entries(s.plan).map(([t, rows]) => [
      t,
      (rows as object[]).map(withoutRev).sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1)),
    ]),
  );
  return { plan, planName: s.planName, acceptances: s.acceptances };
}

describe('the Storage panel backup', () => {
  it('is written in the documented format, and replacing another plan with it gives an equal plan', async () => {
    const db = await seeded();
    const file = await makeBackup(db, NOW);
    expect(file.fileName).toMatch(/^summitry-backup-20261128-1200\.json$/);
    const doc = JSON.parse(file.text);
    expect(doc).toMatchObject({
      format: 'summitry-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: NOW,
      scope: { kind: 'plan' },
    });
    expect(doc).not.toHaveProperty('unsaved');

    const other = freshDb().db;
    dbs.track(other);
    await other.events.put({ ...makeEvent({ id: 'only-in-the-other-plan' as never }), rev: 1 });
    await applyImport(other, restored(file.text), 'replace', APPLY);
    expect(await planOf(other)).toEqual(await planOf(db));
  });

  it('merged into the plan it came from changes nothing', async () => {
    const db = await seeded();
    const result = await applyImport(db, restored((await makeBackup(db, NOW)).text), 'merge', APPLY);
    expect(result.summary.total.add + result.summary.total.update).toBe(0);
  });
});

describe('the backup made when a save fails', () => {
  it('carries the unsaved edits, and importing it applies them', async () => {
    const db = await seeded();
    const stored = (await db.events.get('busan-summit-2025'))!;
    // What the editor hands over: the form's record, without revision or edit time.
    const { rev: _rev, updatedAt: _updatedAt, ...edited } = { ...stored, title: 'Busan (typed, not saved)' };
    const fresh = { ...withoutRev(makeEvent({ id: 'typed-new-item' as never, title: 'A new item, not saved' })) };
    const file = await makeBackup(db, LATER, [
      { table: 'events', record: edited },
      { table: 'events', record: fresh },
    ]);
    expect(file.fileName).toMatch(/-unsaved\.json$/);
    const doc = JSON.parse(file.text);
    expect(doc.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(doc.tables.events.find((e: { id: string }) => e.id === 'busan-summit-2025').title).toBe(stored.title);
    expect(
      doc.unsaved.map((u: { table: string; record: { title: string; updatedAt: string } }) => [
        u.table,
        u.record.title,
        u.record.updatedAt,
      ]),
    ).toEqual([
      ['events', 'Busan (typed, not saved)', LATER],
      ['events', 'A new item, not saved', LATER],
    ]);

    const r = restored(file.text);
    expect(r.scope).toEqual({ kind: 'plan' });
    expect(r.notes.join(' ')).toMatch(/2 edits that could not be saved/);
    const merged = await applyImport(db, r, 'merge', APPLY);
    expect(merged.summary.tables.events).toMatchObject({ add: 1, update: 1 });
    expect((await db.events.get('busan-summit-2025'))!.title).toBe('Busan (typed, not saved)');
    expect((await db.events.get('typed-new-item'))!.title).toBe('A new item, not saved');
  });

  it('when the plan cannot be read, holds the unsaved edits alone and can be merged', async () => {
    const db = await seeded();
    const edit = withoutRev(
      makeEvent({ id: 'typed-while-closed' as never, title: 'Typed while the database was closed' }),
    );
    db.close();
    const file = await makeBackup(db, LATER, [{ table: 'events', record: edit }]);
    const r = restored(file.text);
    expect(r.scope).toEqual({ kind: 'partial' });
    expect(r.plan.events.map((e) => e.title)).toEqual(['Typed while the database was closed']);

    const target = await seeded();
    await expect(applyImport(target, r, 'replace', APPLY)).rejects.toThrow(/only some records/);
    await applyImport(target, r, 'merge', APPLY);
    expect((await target.events.get('typed-while-closed'))!.title).toBe('Typed while the database was closed');
  });
});
