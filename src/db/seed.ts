/**
 * First-run seeding. The sample plan is written once, marked in `meta`, and never again by
 * itself: items the user deletes stay deleted. `resetSamplePlan` replaces the whole plan with a
 * fresh sample after the user has confirmed.
 */
import { TABLE_NAMES } from '../domain/model';
import { buildSamplePlan, SAMPLE_PLAN_NAME } from '../domain/sample';
import { validatePlan } from './repositories';
import type { SummitryDb } from './schema';

export const SEEDED_KEY = 'seededAt';
export const PLAN_NAME_KEY = 'planName';

/** Seed the sample plan if this database has never been seeded. Returns true if it seeded. */
export async function seedIfFirstRun(db: SummitryDb, now: string = new Date().toISOString()): Promise<boolean> {
  const plan = validatePlan(buildSamplePlan());
  return db.transaction('rw', [...TABLE_NAMES.map((n) => db.table(n)), db.meta], async () => {
    if (await db.meta.get(SEEDED_KEY)) return false;
    for (const name of TABLE_NAMES) await db.table(name).bulkPut(plan[name].map((r) => ({ ...r, rev: 1 })));
    await db.meta.put({ key: SEEDED_KEY, value: now });
    await db.meta.put({ key: PLAN_NAME_KEY, value: SAMPLE_PLAN_NAME });
    return true;
  });
}

/** Replace everything in the plan with a fresh copy of the sample plan. */
export async function resetSamplePlan(db: SummitryDb, now: string = new Date().toISOString()): Promise<void> {
  const plan = validatePlan(buildSamplePlan());
  await db.transaction('rw', [...TABLE_NAMES.map((n) => db.table(n)), db.meta], async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table<{ id: string; rev?: number }, string>(name);
      const before = await table.bulkGet(plan[name].map((r) => r.id));
      await table.clear();
      // Revisions move on past the replaced rows, so an editor open on one of them sees its edit as stale.
      await table.bulkPut(plan[name].map((r, i) => ({ ...r, rev: (before[i]?.rev ?? 0) + 1 })));
    }
    await db.meta.put({ key: SEEDED_KEY, value: now });
    await db.meta.put({ key: PLAN_NAME_KEY, value: SAMPLE_PLAN_NAME });
  });
}
