/**
 * Which plan is open. Its id is a `meta` row, so every tab and every live query follows a switch
 * and it survives a reload. Every read of the plan's tables goes through `openPlanId` and keeps
 * only that plan's records; a record without `planId` (written before version 5 by a test or an
 * old file) belongs to the first plan, `DEFAULT_PLAN_ID`.
 */
import type { IndexableType } from 'dexie';
import type { PlanId, PlanRecord } from '../domain/model';
import { DEFAULT_PLAN_ID, OPEN_PLAN_KEY, PLAN_SCOPED_TABLES, type SummitryDb } from './schema';

export { DEFAULT_PLAN_ID, OPEN_PLAN_KEY, PLAN_SCOPED_TABLES };

/** The name a plan has when nothing names it. */
export const UNTITLED_PLAN = 'Untitled plan';

/** The plans not deleted, oldest first. */
export async function listPlans(db: SummitryDb): Promise<PlanRecord[]> {
  return (await db.plans.orderBy('createdAt').toArray()).filter((p) => !p.deletedAt);
}

/**
 * The open plan's id (inside a transaction, `meta` and `plans` must be in its scope): the one
 * `meta` names if that plan exists and is not deleted, else the oldest plan not deleted, else
 * `DEFAULT_PLAN_ID`.
 */
export async function openPlanId(db: SummitryDb): Promise<PlanId> {
  const row = await db.meta.get(OPEN_PLAN_KEY);
  const named = typeof row?.value === 'string' ? row.value : undefined;
  const plan = named ? await db.plans.get(named) : undefined;
  if (plan && !plan.deletedAt) return plan.id;
  const first = await db.plans
    .orderBy('createdAt')
    .filter((p) => !p.deletedAt)
    .first();
  return (first?.id ?? (plan ? undefined : named) ?? DEFAULT_PLAN_ID) as PlanId;
}

/** The plan a record belongs to. */
export function planOf(record: { planId?: unknown }): string {
  return typeof record.planId === 'string' ? record.planId : DEFAULT_PLAN_ID;
}

/** True when the record belongs to plan `planId`. */
export const inPlan =
  (planId: string) =>
  (record: { planId?: unknown }): boolean =>
    planOf(record) === planId;

/** True for the tables whose records belong to a plan. */
export function isPlanScoped(table: string): boolean {
  return (PLAN_SCOPED_TABLES as readonly string[]).includes(table);
}

/** The records of `table` that belong to plan `planId`. */
export async function rowsOfPlan<T>(db: SummitryDb, table: string, planId: string): Promise<T[]> {
  const mine = inPlan(planId);
  const out: T[] = [];
  const t = db.table(table);
  // A page per request: each request's records are turned back into objects in a task of their
  // own, so a large table is read in short tasks, not one (50,000 events took 130 ms in one).
  let last: IndexableType | undefined;
  for (;;) {
    const from = last === undefined ? t.toCollection() : t.where(':id').above(last);
    const page = (await from.limit(READ_PAGE).toArray()) as (T & { id: IndexableType; planId?: unknown })[];
    for (const row of page) if (mine(row)) out.push(row);
    if (page.length < READ_PAGE) return out;
    // Every plan table is keyed by `id`.
    last = page[page.length - 1]!.id;
  }
}

/** Records per read request in `rowsOfPlan`. */
export const READ_PAGE = 2_000;

/** A plan's name (its `plans` row; a database without one still has its old `meta` name). */
export async function planName(db: SummitryDb, planId: string): Promise<string> {
  const row = await db.plans.get(planId);
  if (row) return row.name;
  const legacy = await db.meta.get('planName');
  return typeof legacy?.value === 'string' && legacy.value ? legacy.value : UNTITLED_PLAN;
}

/** The open plan and its name. */
export async function openPlan(db: SummitryDb): Promise<{ id: PlanId; name: string }> {
  const id = await openPlanId(db);
  return { id, name: await planName(db, id) };
}
