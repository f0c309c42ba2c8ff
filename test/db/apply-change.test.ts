import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/model/validate';
import { dumpDb, freshDb } from '../helpers/fresh-db';
import { makeEvent, makeLeg } from '../helpers/factories';

const opened: { close(): void }[] = [];
function setup() {
  const f = freshDb();
  opened.push(f.db);
  return f;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('changes across tables', () => {
  it('deletes and writes in several tables at once, returning what was removed for an undo', async () => {
    const { db, repos } = setup();
    const leg = makeLeg({ id: 'rail' as never });
    const event = makeEvent({ id: 'shanghai' as never });
    await repos.legs.put(leg);
    await repos.events.put(event);
    const before = await dumpDb(db);
    const applied = await repos.apply({ remove: { legs: ['rail'], events: ['shanghai', 'never-there'] } });
    expect(await db.legs.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(applied.removed.legs?.map((l) => l.id)).toEqual(['rail']);
    expect(applied.removed.events?.map((e) => e.id)).toEqual(['shanghai']);
    const restored = await repos.apply({ put: applied.removed });
    // The same records, each one revision on.
    expect(restored.stored.legs?.[0]?.rev).toBe((applied.removed.legs?.[0]?.rev ?? 0) + 1);
    const strip = (d: Record<string, unknown[]>) =>
      Object.fromEntries(
        Object.entries(d).map(([k, rows]) => [k, rows.map((r) => ({ ...(r as object), rev: undefined }))]),
      );
    expect(strip(await dumpDb(db))).toEqual(strip(before));
  });

  it('refuses the whole change when one record is invalid, and writes nothing', async () => {
    const { db, repos } = setup();
    await repos.legs.put(makeLeg({ id: 'keep' as never }));
    const before = await dumpDb(db);
    await expect(
      repos.apply({
        remove: { legs: ['keep'] },
        put: { events: [makeEvent(), { ...makeEvent({ title: 'Bad' }), endsAt: '2020-01-01T00:00:00.000Z' }] },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('does nothing for an empty change', async () => {
    const { repos } = setup();
    expect(await repos.apply({})).toEqual({ stored: {}, removed: {} });
  });
});
