import { afterEach, describe, expect, it } from 'vitest';
import { StaleEditError } from '../../src/db/errors';
import { createRepositories } from '../../src/db/repositories';
import { resetSamplePlan, seedIfFirstRun } from '../../src/db/seed';
import { dumpDb, freshDb } from '../helpers/fresh-db';
import { makeEvent, makeLeg } from '../helpers/factories';

const opened: { close(): void }[] = [];
function setup() {
  const f = freshDb();
  opened.push(f.db);
  return f;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('revisions', () => {
  it('start at 1 and go up by one on every put', async () => {
    const { repos } = setup();
    const first = await repos.events.put(makeEvent({ id: 'e' as never }));
    expect(first.rev).toBe(1);
    const second = await repos.events.put({ ...first, title: 'Renamed' });
    expect(second.rev).toBe(2);
    expect((await repos.events.get('e'))?.rev).toBe(2);
  });

  it('ignore a revision passed in, except that they never go backwards (an undone delete)', async () => {
    const { repos } = setup();
    expect((await repos.legs.put({ ...makeLeg({ id: 'l' as never }), rev: 0 })).rev).toBe(1);
    const stored = await repos.legs.put({ ...makeLeg({ id: 'l' as never }), rev: 0 });
    expect(stored.rev).toBe(2);
    await repos.legs.delete('l');
    // The delete's tombstone took revision 3.
    expect((await repos.legs.put(stored)).rev).toBe(4);
  });

  it('are set by putMany for each record', async () => {
    const { repos } = setup();
    await repos.events.put(makeEvent({ id: 'a' as never }));
    const records = await repos.events.putMany([makeEvent({ id: 'a' as never }), makeEvent({ id: 'b' as never })]);
    expect(records.map((r) => [r.id, r.rev])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('refuse a save made from a stale revision, write nothing, and say which revision is stored', async () => {
    const { db, repos } = setup();
    const loaded = await repos.events.put(makeEvent({ id: 'e' as never, title: 'Original' }));
    // Another tab saves first.
    const other = createRepositories(db, () => '2026-11-28T12:05:00.000Z');
    await other.events.put({ ...loaded, title: 'Changed in the other tab' }, { expectedRev: loaded.rev });
    const before = await dumpDb(db);
    const refusal = await repos.events
      .put({ ...loaded, title: 'Mine' }, { expectedRev: loaded.rev })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StaleEditError);
    expect((refusal as StaleEditError).actualRev).toBe(2);
    expect((refusal as StaleEditError).stored).toMatchObject({ title: 'Changed in the other tab' });
    expect((refusal as Error).message).toMatch(/changed in another tab or window/);
    expect(await dumpDb(db)).toEqual(before);
    // Saving again from the revision now stored goes through.
    expect((await repos.events.put({ ...loaded, title: 'Mine' }, { expectedRev: 2 })).rev).toBe(3);
  });

  it('refuse a save of an item deleted elsewhere, saying so; a new item saves with expectedRev 0', async () => {
    const { repos } = setup();
    const loaded = await repos.events.put(makeEvent({ id: 'gone' as never }));
    await repos.events.delete('gone');
    const refusal = await repos.events.put(loaded, { expectedRev: loaded.rev }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StaleEditError);
    expect((refusal as StaleEditError).actualRev).toBeNull();
    expect((refusal as Error).message).toMatch(/deleted in another tab or window/);
    expect(await repos.events.get('gone')).toBeUndefined();
    expect((await repos.events.put(makeEvent({ id: 'new' as never }), { expectedRev: 0 })).rev).toBe(1);
  });

  it('are 1 on a freshly seeded plan and move on when the sample plan is reset', async () => {
    const { db, repos } = setup();
    await seedIfFirstRun(db);
    const busan = await repos.events.get('busan-summit-2025');
    expect(busan?.rev).toBe(1);
    await repos.events.put({ ...busan, title: 'Edited' });
    await resetSamplePlan(db);
    expect((await repos.events.get('busan-summit-2025'))?.rev).toBe(3);
    expect((await repos.places.all()).every((p) => p.rev === 2)).toBe(true);
  });
});
