/** Reading a plan's rows: in pages (short tasks for a large table), all of them, the plan's only. */
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { READ_PAGE, rowsOfPlan } from '../../src/db/open-plan';
import { DEFAULT_PLAN_ID } from '../../src/db/schema';
import { freshDb } from '../helpers/fresh-db';
import { makeEvent } from '../helpers/factories';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** `n` events, ids `e-00000`…, every third in another plan. */
function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    ...makeEvent({ id: `e-${String(i).padStart(5, '0')}` as never, title: `Event ${i}` }),
    planId: i % 3 === 2 ? 'plan-other' : DEFAULT_PLAN_ID,
  }));
}

describe('rowsOfPlan', () => {
  it('reads a table of more than two pages whole, in key order, keeping only the plan’s rows', async () => {
    const { db } = freshDb();
    opened.push(db);
    const all = rows(2 * READ_PAGE + 7);
    await db.events.bulkPut(all as never);
    const got = await rowsOfPlan<{ id: string }>(db, 'events', DEFAULT_PLAN_ID);
    const want = all.filter((r) => r.planId === DEFAULT_PLAN_ID).map((r) => r.id);
    expect(got.map((r) => r.id)).toEqual(want);
    // A table that ends exactly on a page boundary.
    await db.events.clear();
    await db.events.bulkPut(rows(READ_PAGE) as never);
    expect(await rowsOfPlan(db, 'events', 'plan-other')).toHaveLength(Math.floor(READ_PAGE / 3));
  });

  it('tells a live query of a change in any page', async () => {
    const { db } = freshDb();
    opened.push(db);
    await db.events.bulkPut(rows(2 * READ_PAGE) as never);
    const seen: number[] = [];
    const sub = liveQuery(() => rowsOfPlan(db, 'events', DEFAULT_PLAN_ID)).subscribe((r) => seen.push(r.length));
    await expect.poll(() => seen.length).toBe(1);
    const first = seen[0]!;
    // A row inside the first page, then one past the last.
    await db.events.put({ ...makeEvent({ id: 'e-00000a' as never }), planId: DEFAULT_PLAN_ID } as never);
    await expect.poll(() => seen.at(-1)).toBe(first + 1);
    await db.events.put({ ...makeEvent({ id: 'z-last' as never }), planId: DEFAULT_PLAN_ID } as never);
    await expect.poll(() => seen.at(-1)).toBe(first + 2);
    sub.unsubscribe();
  });
});
