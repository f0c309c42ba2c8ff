/**
 * Migration harness: open the database as an older schema with fixture rows, close it, open the
 * current schema, and check the rows. Each new schema version adds its case here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/db/commands';
import { restoreDeleted, undoEntry } from '../../src/db/undo';
import { DEFAULT_PLAN_ID, OPEN_PLAN_KEY, openPlan } from '../../src/db/open-plan';
import { createRepositories, loadPlan } from '../../src/db/repositories';
import { CURRENT_VERSION, openOlderSchema, SummitryDb, VERSIONS } from '../../src/db/schema';
import { buildSamplePlan } from '../../src/domain/sample/sample-plan';

let n = 0;

/** A row as it was before version 5 gave it a plan. */
const withoutPlanId = ({ planId: _planId, ...rest }: Record<string, unknown>) => rest;

/** Write `rows` into a database opened at schema `version`, close it, and open it at the current one. */
export async function migrateFrom(version: number, rows: Record<string, unknown[]>): Promise<SummitryDb> {
  const name = `migration-${n++}`;
  const old = openOlderSchema(name, version);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkPut(list);
  });
  old.close();
  const current = new SummitryDb(name);
  await current.open();
  return current;
}

describe('schema versions', () => {
  it('are numbered 1, 2, … with no gaps', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual(VERSIONS.map((_v, i) => i + 1));
    expect(CURRENT_VERSION).toBe(VERSIONS.length);
  });

  it('opens version 1 fixture data at the current version with every row intact', async () => {
    const sample = buildSamplePlan();
    const db = await migrateFrom(1, { events: sample.events, legs: sample.legs, places: sample.places });
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.events.count()).toBe(sample.events.length);
    const busan = await db.events.get('busan-summit-2025');
    expect(busan?.startsAt).toBe('2025-10-30T02:00:00.000Z');
    expect(await db.events.where('visitId').equals('trump-china-2026').count()).toBe(
      sample.events.filter((e) => e.visitId === 'trump-china-2026').length,
    );
    db.close();
  });

  it('version 2 gives every version 1 row of every plan table revision 1, and keeps the rest as it was', async () => {
    const sample = buildSamplePlan();
    const rows = {
      places: sample.places,
      participants: sample.participants,
      events: sample.events,
      visits: sample.visits,
      legs: sample.legs,
      windows: sample.windows,
      scenarios: [
        { id: 'with-shanghai', name: 'With the Shanghai leg', includeOptionalIds: ['leg-rail-bjs-sha'], overrides: [] },
      ],
      meta: [{ key: 'planName', value: 'Fixture plan' }],
      backups: [{ id: 'b1', createdAt: '2026-01-01T00:00:00.000Z', reason: 'fixture', data: '{}' }],
    };
    const db = await migrateFrom(1, rows);
    for (const [table, list] of Object.entries(rows)) {
      // Version 5 opens the first plan (a `meta` row of its own).
      const stored = (await db.table(table).toArray()).filter((r) => r.key !== 'openPlanId');
      expect(stored, table).toHaveLength(list.length);
      if (table === 'meta' || table === 'backups') {
        expect(stored, table).toEqual(list);
        continue;
      }
      for (const row of stored) expect(row.rev, `${table} ${row.id}`).toBe(1);
      expect(
        stored.map(({ rev: _rev, planId: _planId, ...rest }) => rest),
        table,
      ).toEqual([...list].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1)));
    }
    const mayLegs = sample.legs.filter((l) => l.visitId === 'trump-china-2026').length;
    expect(mayLegs).toBeGreaterThan(0);
    expect(await db.legs.where('visitId').equals('trump-china-2026').count()).toBe(mayLegs);
    db.close();
  });

  it('after the upgrade, a repository write moves revision 1 to 2', async () => {
    const sample = buildSamplePlan();
    const db = await migrateFrom(1, { events: sample.events });
    const repos = createRepositories(db, () => '2026-12-01T00:00:00.000Z');
    const busan = await repos.events.get('busan-summit-2025');
    const saved = await repos.events.put({ ...busan, title: 'Busan summit (edited)' }, { expectedRev: busan!.rev });
    expect(saved.rev).toBe(2);
    db.close();
  });

  it('version 3 keeps every row and only the indexes a query reads on events and legs', async () => {
    const sample = buildSamplePlan();
    const rows = {
      events: sample.events.map((e) => ({ ...e, rev: 4 })),
      legs: sample.legs.map((l) => ({ ...l, rev: 2 })),
      places: sample.places.map((p) => ({ ...p, rev: 1 })),
    };
    const indexNames = (db: SummitryDb, table: string) =>
      [...db.backendDB().transaction(table).objectStore(table).indexNames].sort();
    const old = openOlderSchema(`migration-${n++}-v2`, 2);
    await old.open();
    expect(indexNames(old, 'events')).toEqual([
      'endsAt',
      'kind',
      'participantIds',
      'placeId',
      'startsAt',
      'status',
      'visitId',
    ]);
    old.close();
    const db = await migrateFrom(2, rows);
    // Version 5 adds only `planId` to these.
    expect(indexNames(db, 'events')).toEqual(['endsAt', 'planId', 'startsAt', 'visitId']);
    expect(indexNames(db, 'legs')).toEqual(['arrivesAt', 'departsAt', 'planId', 'visitId']);
    expect(indexNames(db, 'places')).toEqual(['cityId', 'name', 'planId']);
    for (const [table, list] of Object.entries(rows))
      expect((await db.table(table).orderBy(':id').toArray()).map(withoutPlanId), table).toEqual(
        [...list].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    const repos = createRepositories(db, () => '2026-12-03T00:00:00.000Z');
    expect(
      (await repos.events.inRange('2025-10-30T00:00:00.000Z', '2025-10-31T00:00:00.000Z')).map((e) => e.id),
    ).toContain('busan-summit-2025');
    expect((await repos.legs.forVisit('trump-china-2026')).length).toBe(
      sample.legs.filter((l) => l.visitId === 'trump-china-2026').length,
    );
    db.close();
  });

  it('version 4 keeps every version 3 row and adds empty history and tombstones that the write path uses', async () => {
    const sample = buildSamplePlan();
    const rows = {
      places: sample.places.map((p) => ({ ...p, rev: 1 })),
      participants: sample.participants.map((p) => ({ ...p, rev: 1 })),
      events: sample.events.map((e) => ({ ...e, rev: 3, updatedAt: '2026-12-02T00:00:00.000Z' })),
      visits: sample.visits.map((v) => ({ ...v, rev: 1 })),
      legs: sample.legs.map((l) => ({ ...l, rev: 2 })),
      windows: sample.windows.map((w) => ({ ...w, rev: 1 })),
      acceptances: [
        { id: 'overlap:a|b', note: 'Agreed', acceptedAt: '2026-12-02T00:00:00.000Z', itemsFingerprint: '[]' },
      ],
      meta: [{ key: 'planName', value: 'Fixture plan' }],
      backups: [{ id: 'b1', createdAt: '2026-01-01T00:00:00.000Z', reason: 'fixture', data: '{}' }],
    };
    const db = await migrateFrom(3, rows);
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const [table, list] of Object.entries(rows)) {
      const key = table === 'meta' ? 'key' : 'id';
      const byKey = (a: Record<string, string>, b: Record<string, string>) => (a[key]! < b[key]! ? -1 : 1);
      let stored = (await db.table(table).toArray()).map(withoutPlanId);
      // Version 5 opens the first plan (a `meta` row of its own).
      if (table === 'meta') stored = stored.filter((r) => r.key !== 'openPlanId');
      expect(stored, table).toEqual([...(list as Record<string, string>[])].sort(byKey));
    }
    expect(await db.history.count()).toBe(0);
    expect(await db.tombstones.count()).toBe(0);
    const busan = (await db.events.get('busan-summit-2025'))!;
    const { entry } = await runCommand(
      db,
      { label: "Deleted 'Busan'", remove: { events: [busan.id] }, expect: { [`events/${busan.id}`]: 3 } },
      { clock: () => '2026-12-05T00:00:00.000Z', device: { id: 'dev-00000000', name: 'Test' } },
    );
    expect(await db.history.where('itemKeys').equals('events/busan-summit-2025').count()).toBe(1);
    expect((await db.tombstones.get('events/busan-summit-2025'))?.rev).toBe(4);
    await undoEntry(db, entry!.id);
    expect(await db.events.get(busan.id)).toMatchObject({ title: busan.title, rev: 5 });
    db.close();
  });

  it('version 5 puts every version 4 row into one plan named after the plan, opens it, and keeps every row intact', async () => {
    const sample = buildSamplePlan();
    const at = '2026-12-04T09:00:00.000Z';
    const stamp = { updatedAt: at, updatedBy: 'dev-fixture00', rev: 2 };
    const [deleted, ...events] = sample.events.map((e) => ({ ...e, ...stamp }));
    const rows = {
      places: sample.places.map((p) => ({ ...p, rev: 1 })),
      participants: sample.participants.map((p) => ({ ...p, rev: 1 })),
      events,
      visits: sample.visits.map((v) => ({ ...v, ...stamp })),
      legs: sample.legs.map((l) => ({ ...l, rev: 3 })),
      windows: sample.windows.map((w) => ({ ...w, rev: 1 })),
      scenarios: [
        { id: 'with-shanghai', name: 'With the Shanghai leg', includeOptionalIds: ['leg-rail-bjs-sha'], overrides: [] },
      ],
      acceptances: [{ id: 'overlap:a|b', note: 'Agreed', acceptedAt: at, itemsFingerprint: '[]', rev: 1 }],
      history: [
        {
          id: 'h-fixture-1',
          at,
          deviceId: 'dev-fixture00',
          label: `Deleted '${deleted!.title}'`,
          kind: 'edit',
          itemKeys: [`events/${deleted!.id}`],
          changes: [{ table: 'events', id: deleted!.id, title: deleted!.title, before: deleted, after: null }],
        },
      ],
      tombstones: [
        {
          id: `events/${deleted!.id}`,
          table: 'events',
          recordId: deleted!.id,
          deletedAt: at,
          record: deleted,
          rev: 3,
          updatedAt: at,
          updatedBy: 'dev-fixture00',
        },
      ],
      meta: [
        { key: 'planName', value: 'Fixture plan' },
        { key: 'seededAt', value: '2026-11-28T12:00:00.000Z' },
      ],
      backups: [{ id: 'b1', createdAt: '2026-01-01T00:00:00.000Z', reason: 'fixture', data: '{}' }],
    };
    const db = await migrateFrom(4, rows);
    expect(db.verno).toBe(5);
    expect(await db.plans.toArray()).toEqual([
      {
        id: DEFAULT_PLAN_ID,
        name: 'Fixture plan',
        createdAt: '2026-11-28T12:00:00.000Z',
        rev: 1,
        updatedAt: expect.stringMatching(/^\d{4}-/),
      },
    ]);
    expect(await db.meta.get(OPEN_PLAN_KEY)).toEqual({ key: OPEN_PLAN_KEY, value: DEFAULT_PLAN_ID });
    const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a[key]) < String(b[key]) ? -1 : 1;
    for (const [table, list] of Object.entries(rows)) {
      const stored = await db.table(table).toArray();
      if (table === 'meta' || table === 'backups') {
        expect(
          stored.filter((r) => r.key !== OPEN_PLAN_KEY),
          table,
        ).toEqual([...list].sort(byKey('key')));
        continue;
      }
      // Every row is as it was, with the plan's id added (and indexed).
      expect(stored, table).toEqual(
        [...(list as Record<string, unknown>[])].map((r) => ({ ...r, planId: DEFAULT_PLAN_ID })).sort(byKey('id')),
      );
      expect(await db.table(table).where('planId').equals(DEFAULT_PLAN_ID).count(), table).toBe(list.length);
    }
    // The views read the plan as it was; its name is the plan's.
    expect(await openPlan(db)).toEqual({ id: DEFAULT_PLAN_ID, name: 'Fixture plan' });
    const plan = await loadPlan(db);
    expect(plan.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(plan.scenarios).toHaveLength(1);
    // The version 4 History still works: its deleted item comes back into the plan.
    await restoreDeleted(db, 'h-fixture-1', { clock: () => '2026-12-05T00:00:00.000Z' });
    expect(await db.events.get(deleted!.id)).toMatchObject({ title: deleted!.title, planId: DEFAULT_PLAN_ID, rev: 4 });
    expect((await loadPlan(db)).events).toHaveLength(sample.events.length);
    db.close();
  });

  it('version 5 calls a plan without a name "Untitled plan"', async () => {
    const db = await migrateFrom(4, { meta: [{ key: 'planName', value: '   ' }] });
    expect(await openPlan(db)).toEqual({ id: DEFAULT_PLAN_ID, name: 'Untitled plan' });
    db.close();
  });

  it('refuses to open a schema version that does not exist', () => {
    expect(() => openOlderSchema('x', 99)).toThrow(/No schema version 99/);
  });
});
