/**
 * First-run seeding. The sample plan is written once, marked in `meta`, and never again by
 * itself: items the user deletes stay deleted. `resetSamplePlan` replaces the whole plan with a
 * fresh sample after the user has confirmed.
 */
import { TABLE_NAMES, type TableName } from '../domain/model';
import { buildSamplePlan, SAMPLE_PLAN_NAME } from '../domain/sample';
import { runCommand, type CommandResult } from './commands';
import { validatePlan } from './repositories';
import type { SummitryDb } from './schema';

export const SEEDED_KEY = 'seededAt';
export const PLAN_NAME_KEY = 'planName';

/**
 * Seed the sample plan if this database has never been seeded. Returns true if it seeded. A
 * seeded database is told by one read, before the sample is built (every later start). The
 * sample is written as built: it is valid as it stands (test/db/seed.test.ts checks that
 * validation leaves it unchanged), and validating it here cost the first start ≈ 50 ms.
 */
export async function seedIfFirstRun(db: SummitryDb, now: string = new Date().toISOString()): Promise<boolean> {
  if (await db.meta.get(SEEDED_KEY)) return false;
  const plan = buildSamplePlan();
  return db.transaction('rw', [...TABLE_NAMES.map((n) => db.table(n)), db.meta], async () => {
    if (await db.meta.get(SEEDED_KEY)) return false;
    for (const name of TABLE_NAMES) await db.table(name).bulkPut(plan[name].map((r) => ({ ...r, rev: 1 })));
    await db.meta.put({ key: SEEDED_KEY, value: now });
    await db.meta.put({ key: PLAN_NAME_KEY, value: SAMPLE_PLAN_NAME });
    return true;
  });
}

/** History's label for a reset. */
export const RESET_LABEL = 'Reset to the sample plan';

/**
 * Replace everything in the plan with a fresh copy of the sample plan, as one command: the
 * sample's records written (revisions moving on past the replaced rows, so an editor open on one
 * sees its edit as stale), every other record deleted (tombstoned), one History entry whose Undo
 * returns the plan exactly to before. Accepted conflicts are kept.
 */
export function resetSamplePlan(db: SummitryDb, now: string = new Date().toISOString()): Promise<CommandResult> {
  const plan = validatePlan(buildSamplePlan());
  return runCommand(
    db,
    async () => {
      const keys = await Promise.all(TABLE_NAMES.map((n) => db.table(n).toCollection().primaryKeys()));
      const put: Partial<Record<TableName, unknown[]>> = {};
      const remove: Partial<Record<TableName, string[]>> = {};
      TABLE_NAMES.forEach((name, i) => {
        const keep = new Set<string>(plan[name].map((r) => r.id));
        put[name] = plan[name];
        remove[name] = (keys[i] as string[]).filter((id) => !keep.has(id));
      });
      return {
        label: RESET_LABEL,
        kind: 'reset',
        put,
        remove,
        validated: true,
        meta: { [SEEDED_KEY]: now, [PLAN_NAME_KEY]: SAMPLE_PLAN_NAME },
      };
    },
    { clock: () => now },
  );
}
