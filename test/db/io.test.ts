import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  applyImport,
  exportBackup,
  listBackups,
  MAX_AUTOMATIC_BACKUPS,
  previewImport,
  restoreAutomaticBackup,
} from '../../src/db/io';
import type { SummitryDb } from '../../src/db/schema';
import { loadPlan } from '../../src/db/repositories';
import { openPlan } from '../../src/db/open-plan';
import { seedIfFirstRun } from '../../src/db/seed';
import { buildBackup, encodeBackup } from '../../src/domain/files/backup';
import { exportCalendar } from '../../src/domain/files';
import { TABLE_NAMES } from '../../src/domain/model';
import type { Plan } from '../../src/domain/model/model';
import { restoreBackup, restoreCalendar, restoreFile, type Restored } from '../../src/domain/files';
import { buildSamplePlan } from '../../src/domain/sample/sample-plan';
import { makeEvent } from '../helpers/factories';
import { dbsPerTest, dumpDb, freshDb, planDump } from '../helpers/fresh-db';

const NOW = '2026-11-28T12:00:00.000Z';
const APPLY = { now: NOW, appVersion: '0.1.0', reason: 'Before importing test.json' };
const dbs = dbsPerTest();
const seeded = () => dbs.seeded(NOW);

function backupOf(plan: Plan, planName = 'Incoming plan'): Restored {
  const result = restoreBackup(encodeBackup(buildBackup({ plan, planName, appVersion: '0.1.0', exportedAt: NOW })));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.restored;
}

/** A plan of `n` valid events (and nothing else). */
function manyEvents(n: number): Plan {
  const events = Array.from({ length: n }, (_, i) =>
    makeEvent({
      id: `bulk-${String(i).padStart(5, '0')}` as never,
      title: `Bulk ${i}`,
      updatedAt: '2026-12-01T00:00:00.000Z',
    }),
  );
  return { places: [], participants: [], events, visits: [], legs: [], windows: [], scenarios: [] };
}

/**
 * A DBCore middleware that fails the `nth` put/add request (counted once `arm()` is called):
 * either by throwing, or by reporting a failed record the way IndexedDB constraint errors do
 * (which Dexie turns into a BulkError).
 */
function injectFault(db: SummitryDb, nth: number, how: 'throw' | 'bulk-error') {
  let armed = false;
  let count = 0;
  db.use({
    stack: 'dbcore',
    name: 'fault-injection',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const table = down.table(name);
          return {
            ...table,
            mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              if (armed && (req.type === 'put' || req.type === 'add')) {
                count += 1;
                if (count === nth) {
                  if (how === 'throw') return Promise.reject(new Error(`Injected fault on write ${nth} (${name})`));
                  return table.mutate(req).then((res) => ({
                    ...res,
                    numFailures: 1,
                    failures: { 0: new Error('Injected constraint error') },
                  }));
                }
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
  return { arm: () => (armed = true), count: () => count };
}

const withoutExportedAt = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

describe('JSON backup round trip', () => {
  it('export → wipe → import → export gives the same JSON (but exportedAt)', async () => {
    const db = await seeded();
    await db.acceptances.put({
      id: 'overlap:busan-summit-2025|apec-2025-week',
      note: 'Inside the APEC week on purpose.',
      acceptedAt: NOW,
      itemsFingerprint: 'a|b',
    });
    const first = await exportBackup(db, { kind: 'plan' }, { appVersion: '0.1.0', now: NOW });
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
    });
    expect((await exportBackup(db, { kind: 'plan' }, { appVersion: '0.1.0', now: NOW })).length).toBeLessThan(1000);
    const restored = restoreBackup(first);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    await applyImport(db, restored.restored, 'replace', APPLY);
    const second = await exportBackup(db, { kind: 'plan' }, { appVersion: '0.1.0', now: '2027-01-01T00:00:00.000Z' });
    expect(withoutExportedAt(second)).toBe(withoutExportedAt(first));
    expect(JSON.parse(second).acceptances).toHaveLength(1);
  });
});

describe('older backups and revisions', () => {
  it("reads the storage panel's former backup (format 1), and a merge applies its unsaved edit", async () => {
    const db = await seeded();
    const stored = (await db.events.get('busan-summit-2025'))!;
    const plan = await loadPlan(db);
    // What the Storage panel wrote before it wrote format 2; the editor's record has no rev or updatedAt.
    const { rev: _rev, updatedAt: _updatedAt, ...typed } = { ...stored, title: 'Busan (typed, not saved)' };
    const v1 = {
      format: 'summitry-backup',
      formatVersion: 1,
      schemaVersion: 2,
      exportedAt: NOW,
      planName: 'US–China summitry 2025–26',
      plan,
      unsaved: [{ table: 'events', record: typed }],
    };
    const result = restoreBackup(JSON.stringify(v1, null, 2));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.restored.formatVersion).toBe(1);
    expect(result.restored.plan.places).toEqual(plan.places.map(({ rev: _rev, planId: _planId, ...p }) => p));
    expect(result.restored.plan.events.find((e) => e.id === 'busan-summit-2025')!.title).toBe(
      'Busan (typed, not saved)',
    );
    const merged = await applyImport(db, result.restored, 'merge', APPLY);
    expect(merged.summary.total).toMatchObject({ add: 0, update: 1 });
    expect((await db.events.get('busan-summit-2025'))!.title).toBe('Busan (typed, not saved)');
  });

  it("leaves rev out of backups and numbers the revisions of what it writes after the plan's", async () => {
    const db = await seeded();
    const text = await exportBackup(db, { kind: 'plan' }, { appVersion: '0.1.0', now: NOW });
    expect(text).not.toMatch(/"rev"/);
    await db.events.update('busan-summit-2025', { rev: 7 });
    const plan = buildSamplePlan();
    const edited = plan.events.map((e) =>
      e.id === 'busan-summit-2025' ? { ...e, title: 'Busan (newer)', updatedAt: '2026-12-05T00:00:00.000Z' } : e,
    );
    await applyImport(
      db,
      backupOf({ ...plan, events: [...edited, makeEvent({ id: 'fresh' as never })] }),
      'merge',
      APPLY,
    );
    expect((await db.events.get('busan-summit-2025'))!.rev).toBe(8);
    expect((await db.events.get('fresh'))!.rev).toBe(1);
    await applyImport(db, backupOf(plan), 'replace', APPLY);
    expect((await db.events.get('busan-summit-2025'))!.rev).toBe(9);
  });
});

describe('replace', () => {
  it('keeps the replaced plan as an automatic backup that can be restored', async () => {
    const db = await seeded();
    const before = await planDump(db);
    const result = await applyImport(db, backupOf(manyEvents(3), 'Three events'), 'replace', APPLY);
    expect(await db.events.count()).toBe(3);
    expect(await db.places.count()).toBe(0);
    expect((await openPlan(db)).name).toBe('Three events');
    const backups = await listBackups(db);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({
      id: result.backupId,
      reason: 'Before importing test.json',
      planName: 'US–China summitry 2025–26',
      createdAt: NOW,
    });

    const restored = await restoreAutomaticBackup(db, result.backupId!, {
      now: '2026-11-28T13:00:00.000Z',
      appVersion: '0.1.0',
    });
    expect(restored.ok).toBe(true);
    // The same plan; the write stamps (rev, updatedAt, updatedBy) move on with every write.
    const after = await planDump(db);
    for (const table of [...TABLE_NAMES, 'acceptances', 'meta']) expect(after[table], table).toEqual(before[table]);
    expect((await listBackups(db)).map((b) => b.planName)).toEqual(['Three events', 'US–China summitry 2025–26']);
  });

  it(`keeps only the newest ${MAX_AUTOMATIC_BACKUPS} automatic backups`, async () => {
    const db = await seeded();
    for (let i = 0; i < MAX_AUTOMATIC_BACKUPS + 2; i++) {
      await applyImport(db, backupOf(manyEvents(1), `Plan ${i}`), 'replace', {
        ...APPLY,
        now: `2026-11-28T12:${String(i).padStart(2, '0')}:00.000Z`,
      });
    }
    const backups = await listBackups(db);
    expect(backups).toHaveLength(MAX_AUTOMATIC_BACKUPS);
    expect(backups[0]!.planName).toBe(`Plan ${MAX_AUTOMATIC_BACKUPS}`);
  });

  it('is refused for a calendar file and for a one-visit backup', async () => {
    const db = await seeded();
    const visit = restoreBackup(
      encodeBackup(
        buildBackup({
          plan: buildSamplePlan(),
          planName: 'x',
          appVersion: '1',
          exportedAt: NOW,
          scope: { kind: 'visit', visitId: 'may-2026-visit' },
        }),
      ),
    );
    if (!visit.ok) throw new Error(visit.errors.join());
    await expect(applyImport(db, visit.restored, 'replace', APPLY)).rejects.toThrow(/backup of one visit is merged/);
  });
});

describe('merge', () => {
  it('adds, updates where the file is newer, keeps where the plan is newer, and says so before writing', async () => {
    const db = await seeded();
    const plan = buildSamplePlan();
    const events = plan.events.map((e) => {
      if (e.id === 'busan-summit-2025')
        return { ...e, title: 'Busan summit (renamed in the file)', updatedAt: '2026-12-01T00:00:00.000Z' };
      if (e.id === 'xi-visit-dinner') return { ...e, title: 'Older title', updatedAt: '2025-01-01T00:00:00.000Z' };
      return e;
    });
    const incoming = backupOf({
      ...plan,
      events: [...events, makeEvent({ id: 'new-one' as never, title: 'New one', updatedAt: NOW })],
    });
    const before = await dumpDb(db);
    const preview = await previewImport(db, incoming, 'merge');
    expect(await dumpDb(db)).toEqual(before);
    expect(preview.summary.tables.events).toEqual({ add: 1, update: 1, unchanged: plan.events.length - 2, keep: 1 });
    expect(preview.dangling).toEqual([]);
    const result = await applyImport(db, incoming, 'merge', APPLY);
    expect(result.summary).toEqual(preview.summary);
    expect((await db.events.get('busan-summit-2025'))!.title).toBe('Busan summit (renamed in the file)');
    expect((await db.events.get('xi-visit-dinner'))!.title).toBe('State dinner');
    expect(await db.events.get('new-one')).toBeDefined();
    expect(await db.backups.count()).toBe(0);
  });

  it('decides a file of many thousand records slice by slice, each record against the plan as stored', async () => {
    // The decisions are made a few thousand at a time, the page given a turn between: records
    // the plan already has are placed after the first slices, so they are decided after turns.
    const db = await seeded();
    const plan = buildSamplePlan();
    const renamed = { ...plan.events[0]!, title: 'Renamed in the file', updatedAt: '2026-12-01T00:00:00.000Z' };
    const older = { ...plan.events[1]!, title: 'Older title', updatedAt: '2025-01-01T00:00:00.000Z' };
    const bulk = manyEvents(12_000).events;
    const incoming = backupOf({
      ...plan,
      events: [...bulk.slice(0, 11_000), renamed, older, ...bulk.slice(11_000), ...plan.events.slice(2)],
    });
    const preview = await previewImport(db, incoming, 'merge');
    expect(preview.summary.tables.events).toEqual({
      add: 12_000,
      update: 1,
      unchanged: plan.events.length - 2,
      keep: 1,
    });
    const result = await applyImport(db, incoming, 'merge', APPLY);
    expect(result.summary).toEqual(preview.summary);
    expect(await db.events.count()).toBe(plan.events.length + 12_000);
    expect((await db.events.get(renamed.id))!.title).toBe('Renamed in the file');
    expect((await db.events.get(older.id))!.title).toBe(plan.events[1]!.title);
    expect((await db.events.get('bulk-11999'))!.title).toBe('Bulk 11999');
  });
});

describe('all or nothing', () => {
  const cases: { name: string; mode: 'replace' | 'merge'; how: 'throw' | 'bulk-error'; nth: number }[] = [
    {
      name: 'replace, a thrown error on the first chunk of events (after the automatic backup)',
      mode: 'replace',
      how: 'throw',
      nth: 2,
    },
    { name: 'replace, a BulkError on the second chunk of events', mode: 'replace', how: 'bulk-error', nth: 3 },
    { name: 'replace, a thrown error on the last write (the plan name)', mode: 'replace', how: 'throw', nth: 5 },
    { name: 'merge, a thrown error on the second chunk', mode: 'merge', how: 'throw', nth: 2 },
    { name: 'merge, a BulkError on the first chunk', mode: 'merge', how: 'bulk-error', nth: 1 },
  ];
  for (const c of cases) {
    it(`leaves the database exactly as it was: ${c.name}`, async () => {
      const { db } = freshDb();
      dbs.track(db);
      const fault = injectFault(db, c.nth, c.how);
      await seedIfFirstRun(db, NOW);
      await db.acceptances.put({ id: 'acc-1', note: 'n', acceptedAt: NOW, itemsFingerprint: 'f' });
      const before = await dumpDb(db);
      fault.arm();
      await expect(applyImport(db, backupOf(manyEvents(1200)), c.mode, { ...APPLY, chunkSize: 500 })).rejects.toThrow(
        /Injected|constraint|bulk/i,
      );
      expect(fault.count()).toBe(c.nth);
      expect(await dumpDb(db)).toEqual(before);
    }, 30_000);
  }

  it('hostile files each give a message and change nothing', async () => {
    const db = await seeded();
    const before = await dumpDb(db);
    const good = JSON.parse(
      encodeBackup(buildBackup({ plan: buildSamplePlan(), planName: 'x', appVersion: '1', exportedAt: NOW })),
    );
    const variant = (change: (d: typeof good) => void) => {
      const d = structuredClone(good);
      change(d);
      return JSON.stringify(d);
    };
    const hostile: [string, string, RegExp][] = [
      ['malformed JSON', '{"format": "summitry-backup", ', /not valid JSON/],
      [
        'wrong types',
        variant((d) => (d.tables.legs[0].departsAt = false)),
        /Leg \S+ \(legs #1\): departsAt must be a UTC date-time/,
      ],
      [
        'a huge string',
        variant((d) => (d.tables.visits[0].title = 'x'.repeat(500_000))),
        /\(visits #1\): title is too long/,
      ],
      [
        '__proto__',
        variant((d) => (d.tables.places[0] = JSON.parse('{"__proto__": {"isAdmin": true}}'))),
        /\(places #1\): the key "__proto__" is not allowed/,
      ],
      [
        'script in text, and an unsafe link',
        variant((d) => (d.tables.events[0].sources = [{ title: '<script>x</script>', url: 'javascript:alert(1)' }])),
        /sources\.0\.url must be an absolute web address/,
      ],
      [
        'an impossible date',
        variant((d) => (d.tables.windows[0].endDate = '2026-02-29')),
        /windows #1\): endDate is not a real date/,
      ],
      [
        'an unknown zone',
        variant((d) => (d.tables.participants[0].timeZone = 'Asia/Atlantis')),
        /timeZone "Asia\/Atlantis" is not a known IANA time zone/,
      ],
      ['a newer format', variant((d) => (d.formatVersion = 99)), /format version 99/],
      [
        'not a calendar',
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026\r\n',
        /calendar file could not be read/,
      ],
    ];
    for (const [name, text, message] of hostile) {
      const result = restoreFile(text, { displayZone: 'UTC', now: NOW });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.errors.join('\n'), name).toMatch(message);
    }
    expect(await dumpDb(db)).toEqual(before);
  });
});

describe('calendar files', () => {
  it('a re-imported export updates by UID instead of duplicating, and keeps what the file cannot carry', async () => {
    const db = await seeded();
    const plan = buildSamplePlan();
    const ics = exportCalendar(plan, { kind: 'plan' }, { now: NOW, appVersion: '0.1.0', calendarName: 'x' });
    const read = (text: string) => {
      const r = restoreCalendar(text, { displayZone: 'Europe/London', now: NOW });
      if (!r.ok) throw new Error(r.errors.join());
      return r.restored;
    };
    const same = await applyImport(db, read(ics), 'merge', APPLY);
    expect(same.summary.total).toEqual({
      add: 0,
      update: 0,
      unchanged:
        plan.events.length +
        plan.legs.length +
        plan.windows.length +
        plan.visits.length +
        plan.places.length +
        plan.participants.length,
      keep: 0,
    });

    const moved = ics
      .replace('SUMMARY:Trump–Xi summit\\, Busan', 'SUMMARY:Trump–Xi summit\\, Busan (moved)')
      .replace(
        /(UID:busan-summit-2025@summitry.local\r\n(?:.*\r\n)*?)LAST-MODIFIED:\d{8}T\d{6}Z/,
        '$1LAST-MODIFIED:20261201T000000Z',
      );
    const result = await applyImport(db, read(moved), 'merge', APPLY);
    expect(result.summary.total.update).toBe(1);
    expect(await db.events.count()).toBe(plan.events.length);
    const busan = (await db.events.get('busan-summit-2025'))!;
    const original = plan.events.find((e) => e.id === 'busan-summit-2025')!;
    expect(busan.title).toBe('Trump–Xi summit, Busan (moved)');
    expect(busan.sources).toEqual(original.sources);
    expect(busan.notes).toBe(original.notes);
    expect(busan.updatedAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('a calendar into an empty plan adds its events, legs and windows, with nothing they refer to missing', async () => {
    const { db } = freshDb();
    dbs.track(db);
    const plan = buildSamplePlan();
    const r = restoreCalendar(
      exportCalendar(plan, { kind: 'plan' }, { now: NOW, appVersion: '0.1.0', calendarName: 'x' }),
      { displayZone: 'UTC', now: NOW },
    );
    if (!r.ok) throw new Error(r.errors.join());
    const preview = await previewImport(db, r.restored, 'merge');
    expect(preview.dangling).toEqual([]);
    await applyImport(db, r.restored, 'merge', APPLY);
    expect([await db.events.count(), await db.legs.count(), await db.windows.count()]).toEqual([
      plan.events.length,
      plan.legs.length,
      plan.windows.length,
    ]);
  });
});
