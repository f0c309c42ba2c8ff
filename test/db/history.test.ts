import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/db/commands';
import { entryChanges } from '../../src/domain/model';
import { readHistory, storedAfter } from '../../src/db/history';
import { resetSamplePlan } from '../../src/db/seed';
import { dbsPerTest, freshDb } from '../helpers/fresh-db';
import { makeEvent } from '../helpers/factories';

const dbs = dbsPerTest();
const fresh = () => dbs.track(freshDb().db);
const at = (i: number) => new Date(Date.UTC(2026, 10, 28, 12, 0, i)).toISOString();
const run = (db: ReturnType<typeof fresh>, i: number, label: string, events: ReturnType<typeof makeEvent>[]) =>
  runCommand(db, { label, put: { events } }, { clock: () => at(i), device: { id: 'dev-0123456789', name: 'T' } });

describe('readHistory', () => {
  it('pages entries newest first and says whether older ones match', async () => {
    const db = fresh();
    for (let i = 0; i < 7; i++)
      await run(db, i, `Added ${i}`, [makeEvent({ id: `e${i}` as never, title: `Item ${i}` })]);
    const first = await readHistory(db, { limit: 3 });
    expect(first.entries.map((e) => e.label)).toEqual(['Added 6', 'Added 5', 'Added 4']);
    expect(first.more).toBe(true);
    const all = await readHistory(db, { limit: 7 });
    expect(all.entries.map((e) => e.label)).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Added ${i}`));
    expect(all.more).toBe(false);
  });

  it('filters by words starting words of a changed record’s title (case and accents ignored), and by one item', async () => {
    const db = fresh();
    await run(db, 1, 'Added Busan', [makeEvent({ id: 'busan' as never, title: 'Trump–Xi summit, Busan' })]);
    await run(db, 2, 'Added Séoul', [makeEvent({ id: 'seoul' as never, title: 'Dinner in Séoul' })]);
    const busan = (await db.events.get('busan'))!;
    await runCommand(
      db,
      { label: 'Renamed Busan', put: { events: [{ ...busan, title: 'Busan meeting' }] } },
      { clock: () => at(3) },
    );
    const labels = async (q: Parameters<typeof readHistory>[1]) =>
      (await readHistory(db, q)).entries.map((e) => e.label);
    expect(await labels({ limit: 10, text: 'busan' })).toEqual(['Renamed Busan', 'Added Busan']);
    expect(await labels({ limit: 10, text: 'SEOUL din' })).toEqual(['Added Séoul']);
    expect(await labels({ limit: 10, text: 'usan' })).toEqual([]);
    expect(await labels({ limit: 10, itemKey: 'events/busan' })).toEqual(['Renamed Busan', 'Added Busan']);
    expect(await labels({ limit: 1, itemKey: 'events/busan' })).toEqual(['Renamed Busan']);
    expect(await labels({ limit: 10, itemKey: 'events/nothing' })).toEqual([]);
  });

  it('finds a compact entry (a big import) in the history of an item it wrote, and shows the stored record as its after', async () => {
    const db = fresh();
    const big = await runCommand(db, {
      label: 'Imported',
      kind: 'import',
      compact: true,
      put: { events: [makeEvent({ id: 'a' as never, title: 'A' }), makeEvent({ id: 'b' as never, title: 'B' })] },
    });
    const change = entryChanges(big.entry!).find((c) => c.id === 'a')!;
    expect(change.brief).toBe(true);
    expect((await readHistory(db, { limit: 10, itemKey: 'events/a' })).entries.map((e) => e.id)).toEqual([
      big.entry!.id,
    ]);
    expect((await readHistory(db, { limit: 10, itemKey: 'events/c' })).entries).toEqual([]);
    const stored = await db.events.get('a');
    expect(await storedAfter(db, change)).toEqual(stored);
    // Changed since: the compact change has no after of its own left to show.
    await runCommand(db, { label: 'Renamed', put: { events: [{ ...stored!, title: 'Other' }] } });
    expect(await storedAfter(db, change)).toBeNull();
  });

  it('finds a reset in the history of an item it wrote', async () => {
    const db = fresh();
    const reset = await resetSamplePlan(db, at(1));
    const change = entryChanges(reset.entry!).find((c) => c.table === 'events' && c.after)!;
    const found = await readHistory(db, { limit: 10, itemKey: `events/${change.id}` });
    expect(found.entries.map((e) => e.label)).toEqual([reset.entry!.label]);
  });
});
