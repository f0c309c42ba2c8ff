/**
 * First-run seeding. The sample plan is written once, marked in `meta`, and never again by
 * itself: items the user deletes stay deleted. `resetSamplePlan` replaces the open plan (and
 * nothing else) with a fresh sample after the user has confirmed.
 */
import { freshIdMap, remapPlan, TABLE_NAMES, type Plan, type PlanId, type TableName } from '../domain/model';
import { runCommand, type CommandResult } from './commands';
import { inPlan, OPEN_PLAN_KEY, openPlanId, rowsOfPlan } from './open-plan';
import { validatePlan } from './repositories';
import { loadSamplePlan } from './sample-data';
import type { SummitryDb } from './schema';

export const SEEDED_KEY = 'seededAt';
/** The plan's name before schema version 5 (now each plan's name is its `plans` row). */
export const PLAN_NAME_KEY = 'planName';

/** Inside a rw transaction: name plan `planId` (its `plans` row, made if missing). */
async function namePlan(db: SummitryDb, planId: string, name: string, now: string): Promise<void> {
  const row = await db.plans.get(planId);
  await db.plans.put({
    ...(row ?? { id: planId as PlanId, createdAt: now }),
    sample: true,
    name,
    rev: (row?.rev ?? 0) + 1,
    updatedAt: now,
  });
}

/**
 * Seed the sample plan if this database has never been seeded. Returns true if it seeded. A
 * seeded database is told by one read, before the sample is loaded (every later start). The
 * sample is written as built: it is valid as it stands (test/db/seed.test.ts checks that
 * validation leaves it unchanged), and validating it here cost the first start ≈ 50 ms. Its
 * writes go out together in one transaction, not one after another: each awaited write waited
 * for a turn of the main thread, which the first view was busy rendering.
 */
export async function seedIfFirstRun(db: SummitryDb, now: string = new Date().toISOString()): Promise<boolean> {
  if (await db.meta.get(SEEDED_KEY)) return false;
  const { plan, name: sampleName } = await loadSamplePlan();
  return db.transaction('rw', [...TABLE_NAMES.map((n) => db.table(n)), db.meta, db.plans], async () => {
    if (await db.meta.get(SEEDED_KEY)) return false;
    const planId = await openPlanId(db);
    await Promise.all([
      ...TABLE_NAMES.map((name) => db.table(name).bulkPut(plan[name].map((r) => ({ ...r, planId, rev: 1 })))),
      db.meta.bulkPut([
        { key: SEEDED_KEY, value: now },
        { key: OPEN_PLAN_KEY, value: planId },
      ]),
      namePlan(db, planId, sampleName, now),
    ]);
    return true;
  });
}

/** History's label for a reset. */
export const RESET_LABEL = 'Reset to the sample plan';

/**
 * Inside a transaction: the sample plan for plan `planId`, under new ids when another plan
 * already uses its ids (ids are unique across plans), so a second copy never overwrites the first.
 */
export async function samplePlanFor(db: SummitryDb, planId: string, plan: Plan): Promise<Plan> {
  const mine = inPlan(planId);
  for (const name of TABLE_NAMES) {
    const stored = (await db.table(name).bulkGet(plan[name].map((r) => r.id))) as ({ planId?: string } | undefined)[];
    if (stored.some((r) => r && !mine(r))) return validatePlan(remapPlan(plan, freshIdMap(plan)));
  }
  return plan;
}

/**
 * Replace everything in the open plan (and nothing in any other) with a fresh copy of the sample plan, as one command: the
 * sample's records written (revisions moving on past the replaced rows, so an editor open on one
 * sees its edit as stale), every other record deleted (tombstoned), one History entry whose Undo
 * returns the plan exactly to before. Accepted conflicts are kept.
 */
export async function resetSamplePlan(db: SummitryDb, now: string = new Date().toISOString()): Promise<CommandResult> {
  const { plan: built, name: sampleName } = await loadSamplePlan();
  const sample = validatePlan(built);
  return runCommand(
    db,
    async () => {
      const planId = await openPlanId(db);
      const plan = await samplePlanFor(db, planId, sample);
      const rows = await Promise.all(TABLE_NAMES.map((n) => rowsOfPlan<{ id: string }>(db, n, planId)));
      const put: Partial<Record<TableName | 'plans', unknown[]>> = {};
      const remove: Partial<Record<TableName, string[]>> = {};
      TABLE_NAMES.forEach((name, i) => {
        const keep = new Set<string>(plan[name].map((r) => r.id));
        put[name] = plan[name].map((r) => ({ ...r, planId }));
        remove[name] = rows[i]!.map((r) => r.id).filter((id) => !keep.has(id));
      });
      const row = (await db.plans.get(planId)) ?? { id: planId, createdAt: now };
      put.plans = [{ ...row, name: sampleName, sample: true }];
      return {
        label: RESET_LABEL,
        kind: 'reset',
        put,
        remove,
        validated: true,
        meta: { [SEEDED_KEY]: now },
      };
    },
    { clock: () => now },
  );
}
