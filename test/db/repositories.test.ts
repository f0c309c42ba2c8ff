import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/model/validate';
import { dumpDb, freshDb } from '../helpers/fresh-db';
import { makeEvent, makeLeg, makeWindow } from '../helpers/factories';

const opened: { close(): void }[] = [];
function setup() {
  const f = freshDb();
  opened.push(f.db);
  return f;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('repositories', () => {
  it('stores and returns a valid event, stamped with the clock', async () => {
    const { repos } = setup();
    const stored = await repos.events.put(makeEvent({ id: 'busan' as never, title: 'Busan meeting' }));
    expect(stored.updatedAt).toBe('2026-11-28T12:00:00.000Z');
    expect(await repos.events.get('busan')).toEqual(stored);
  });

  it('refuses a malformed record with a message naming the field, and writes nothing', async () => {
    const { db, repos } = setup();
    await repos.events.put(makeEvent({ id: 'keep' as never }));
    const before = await dumpDb(db);
    await expect(repos.events.put({ ...makeEvent({ title: 'Broken' }), timeZone: 'Nowhere/Land' })).rejects.toThrow(
      /Event "Broken": timeZone "Nowhere\/Land" is not a known IANA time zone/,
    );
    await expect(repos.legs.put({ ...makeLeg(), mode: 'teleport' })).rejects.toBeInstanceOf(ValidationError);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('writes all of putMany or none of it', async () => {
    const { db, repos } = setup();
    const before = await dumpDb(db);
    await expect(repos.events.putMany([makeEvent(), makeEvent(), { ...makeEvent(), endsAt: 'soon' }])).rejects.toThrow(
      /endsAt/,
    );
    expect(await dumpDb(db)).toEqual(before);
    await repos.events.putMany([makeEvent(), makeEvent()]);
    expect(await repos.events.count()).toBe(2);
  });

  it('queries by half-open range: touching items are left out', async () => {
    const { repos } = setup();
    await repos.events.putMany([
      makeEvent({ id: 'before' as never, startsAt: '2025-10-30T00:00:00.000Z', endsAt: '2025-10-30T02:00:00.000Z' }),
      makeEvent({ id: 'inside' as never, startsAt: '2025-10-30T02:30:00.000Z', endsAt: '2025-10-30T03:00:00.000Z' }),
      makeEvent({ id: 'across' as never, startsAt: '2025-10-29T00:00:00.000Z', endsAt: '2025-11-02T00:00:00.000Z' }),
      makeEvent({ id: 'after' as never, startsAt: '2025-10-30T04:00:00.000Z', endsAt: '2025-10-30T05:00:00.000Z' }),
    ]);
    const found = await repos.events.inRange('2025-10-30T02:00:00.000Z', '2025-10-30T04:00:00.000Z');
    expect(found.map((e) => e.id).sort()).toEqual(['across', 'inside']);
  });

  it('finds windows and legs in a range, and legs of a visit in order', async () => {
    const { repos } = setup();
    await repos.windows.put(makeWindow('2025-10-27', '2025-11-01', 'Asia/Seoul', { id: 'apec' as never }));
    await repos.legs.putMany([
      makeLeg({
        id: 'b' as never,
        visitId: 'v' as never,
        departsAt: '2025-10-28T10:00:00.000Z',
        arrivesAt: '2025-10-28T12:00:00.000Z',
      }),
      makeLeg({ id: 'a' as never, visitId: 'v' as never }),
    ]);
    expect(
      (await repos.windows.inRange('2025-10-31T00:00:00.000Z', '2025-11-01T00:00:00.000Z')).map((w) => w.id),
    ).toEqual(['apec']);
    expect((await repos.legs.forVisit('v')).map((l) => l.id)).toEqual(['a', 'b']);
    expect((await repos.legs.inRange('2025-10-28T05:00:00.000Z', '2025-10-28T06:00:00.000Z')).map((l) => l.id)).toEqual(
      ['a'],
    );
  });
});
