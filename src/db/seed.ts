/**
 * First-run seeding. The sample plan is written once, marked in `meta`, and never again by
 * itself: items the user deletes stay deleted. `resetSamplePlan` replaces the open plan (and
 * nothing else) with a fresh sample after the user has confirmed.
 */
import { freshIdMap, remapPlan, TABLE_NAMES, type Plan, type PlanId } from '../domain/model';
import { buildSamplePlan, SAMPLE_PLAN_NAME } from '../domain/sample';
import { inPlan, OPEN_PLAN_KEY, openPlanId } from './open-plan';
import { validatePlan } from './repositories';
import type { SummitryDb } from './schema';

export const SEEDED_KEY = 'seededAt';
/** The plan's name before schema version 5 (now each plan's name is its `plans` row). */
export const PLAN_NAME_KEY = 'planName';

const seedTables = (db: SummitryDb) => [...TABLE_NAMES.map((n) => db.table(n)), db.meta, db.plans];

/** Inside a rw transaction: name plan `planId` (its `plans` row, made if missing). */
export async function namePlan(
  db: SummitryDb,
  planId: string,
  name: string,
  now: string,
  extra: { sample?: boolean } = {},
): Promise<void> {
  const row = await db.plans.get(planId);
  await db.plans.put({
    ...(row ?? { id: planId as PlanId, createdAt: now }),
    ...extra,
    name,
    rev: (row?.rev ?? 0) + 1,
    updatedAt: now,
  });
}

/** Seed the sample plan if this database has never been seeded. Returns true if it seeded. */
export async function seedIfFirstRun(db: SummitryDb, now: string = new Date().toISOString()): Promise<boolean> {
  const plan = validatePlan(buildSamplePlan());
  return db.transaction('rw', seedTables(db), async () => {
    if (await db.meta.get(SEEDED_KEY)) return false;
    const planId = await openPlanId(db);
    for (const name of TABLE_NAMES) await db.table(name).bulkPut(plan[name].map((r) => ({ ...r, planId, rev: 1 })));
    await db.meta.put({ key: SEEDED_KEY, value: now });
    await db.meta.put({ key: OPEN_PLAN_KEY, value: planId });
    await namePlan(db, planId, SAMPLE_PLAN_NAME, now, { sample: true });
    return true;
  });
}

/**
 * Inside a transaction: the sample plan for plan `planId`, under new ids when another plan
 * already uses its ids (ids are unique across plans), so a second copy never overwrites the first.
 */
export async function samplePlanFor(db: SummitryDb, planId: string): Promise<Plan> {
  const plan = validatePlan(buildSamplePlan());
  const mine = inPlan(planId);
  for (const name of TABLE_NAMES) {
    const stored = (await db.table(name).bulkGet(plan[name].map((r) => r.id))) as ({ planId?: string } | undefined)[];
    if (stored.some((r) => r && !mine(r))) return validatePlan(remapPlan(plan, freshIdMap(plan)));
  }
  return plan;
}

/** Replace everything in the open plan (and nothing else) with a fresh copy of the sample plan. */
export async function resetSamplePlan(db: SummitryDb, now: string = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', seedTables(db), async () => {
    const planId = await openPlanId(db);
    const plan = await samplePlanFor(db, planId);
    const mine = inPlan(planId);
    for (const name of TABLE_NAMES) {
      const table = db.table<{ id: string; rev?: number; planId?: string }, string>(name);
      const before = await table.bulkGet(plan[name].map((r) => r.id));
      await table.filter(mine).delete();
      // Revisions move on past the replaced rows, so an editor open on one of them sees its edit as stale.
      await table.bulkPut(plan[name].map((r, i) => ({ ...r, planId, rev: (before[i]?.rev ?? 0) + 1 })));
    }
    await db.meta.put({ key: SEEDED_KEY, value: now });
    await namePlan(db, planId, SAMPLE_PLAN_NAME, now, { sample: true });
  });
}
