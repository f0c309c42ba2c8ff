import { describe, expect, it } from 'vitest';
import { createAcceptances } from '../../src/db/acceptances';
import { applyImport, exportBackup } from '../../src/db/io';
import { loadPlan } from '../../src/db/repositories';
import type { SummitryDb } from '../../src/db/schema';
import { restoreBackup } from '../../src/domain/files';
import { RECORDS, TABLE_NAMES, validateRecord, type RecordTable } from '../../src/domain/model';
import { dbsPerTest, freshDb } from '../helpers/fresh-db';

const NOW = '2026-11-28T12:00:00.000Z';
const dbs = dbsPerTest();

const LOCAL_STAMPS = ['planId', 'rev', 'updatedBy'];
const withoutLocalStamps = (r: object) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !LOCAL_STAMPS.includes(k))) as Record<string, unknown>;

/** Every row of every registry table this database has, checked: it validates and is unchanged by it. */
async function expectEveryRowValid(db: SummitryDb): Promise<number> {
  let rows = 0;
  for (const table of Object.keys(RECORDS) as RecordTable[]) {
    if (!db.tables.some((t) => t.name === table)) continue;
    for (const row of await db.table(table).toArray()) {
      const checked = validateRecord(table, row);
      expect(checked.ok ? 'ok' : checked.error.message).toBe('ok');
      if (checked.ok) expect(checked.value).toEqual(row);
      rows++;
    }
  }
  return rows;
}

async function planWithEdits(): Promise<SummitryDb> {
  const db = await dbs.seeded(NOW);
  const event = (await db.events.toArray())[0]!;
  await db.events.put({ ...event, title: `${event.title} (edited)`, notes: 'Line one\nLine two', rev: 2 });
  await createAcceptances(db, () => NOW).accept({ id: 'overlap:a|b', note: '  agreed  ', itemsFingerprint: '[]' });
  return db;
}

describe('one schema for what the app writes and what it reads back', () => {
  it('every record the app stores passes the registry and is a fixed point of it', async () => {
    const db = await planWithEdits();
    expect(await expectEveryRowValid(db)).toBeGreaterThan(50);
  });

  it('every stored record comes back from its backup exactly (less the database stamps)', async () => {
    const db = await planWithEdits();
    const text = await exportBackup(db, { kind: 'plan' }, { appVersion: '0.1.0', now: NOW });
    const restored = restoreBackup(text);
    if (!restored.ok) throw new Error(restored.errors.join('\n'));
    const plan = await loadPlan(db);
    for (const name of TABLE_NAMES) {
      const byId = new Map(restored.restored.plan[name].map((r) => [r.id as string, r]));
      expect(byId.size).toBe(plan[name].length);
      for (const row of plan[name]) expect(byId.get(row.id)).toEqual(withoutLocalStamps(row));
    }
    const accepted = await db.acceptances.toArray();
    expect(restored.restored.acceptances.map(withoutLocalStamps)).toEqual(
      accepted.map((a) => withoutLocalStamps(a)).map(({ updatedAt: _u, ...a }) => a),
    );
  });

  it('every record read from a file is stored as it was read, and passes the registry again', async () => {
    const source = await planWithEdits();
    const text = await exportBackup(source, { kind: 'plan' }, { appVersion: '0.1.0', now: NOW });
    const restored = restoreBackup(text);
    if (!restored.ok) throw new Error(restored.errors.join('\n'));
    const target = dbs.track(freshDb().db);
    await applyImport(target, restored.restored, 'replace', { now: NOW, appVersion: '0.1.0', reason: 'test' });
    await expectEveryRowValid(target);
    const plan = await loadPlan(target);
    for (const name of TABLE_NAMES) {
      const byId = new Map(plan[name].map((r) => [r.id as string, r]));
      for (const record of restored.restored.plan[name])
        expect(withoutLocalStamps(byId.get(record.id)!)).toEqual(record);
    }
  });
});
