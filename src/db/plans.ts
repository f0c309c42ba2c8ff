/**
 * The plans themselves: create an empty one, duplicate one, rename, delete (a tombstone on the
 * `plans` row: its records stay, hidden, so Undo or Restore brings the plan back whole), and
 * open the sample plan as one plan among others. Each is one command through the write path,
 * with its History entry and Undo. Switching plans is not a change to any plan: it only moves the
 * open-plan marker in `meta`, which every live query follows.
 */
import {
  cleanPlanName,
  freshIdMap,
  idSuffix,
  remapAcceptances,
  remapFingerprint,
  remapPlan,
  TABLE_NAMES,
  type Acceptance,
  type Plan,
  type PlanId,
  type PlanRecord,
  type TableName,
} from '../domain/model';
import { systemClock, type Clock } from './clock';
import { runCommand, type CommandResult } from './commands';
import { listPlans, OPEN_PLAN_KEY, openPlanId, rowsOfPlan } from './open-plan';
import { validatePlan } from './repositories';
import type { SummitryDb } from './schema';
import { loadSamplePlan } from './sample-data';
import { samplePlanFor } from './seed';

/** A plan change that cannot be made; the message says why, for a person. */
export class PlanRefusedError extends Error {
  override readonly name = 'PlanRefusedError';
}

export const NEW_PLAN_NAME = 'New plan';

const quoted = (name: string) => `'${name}'`;

/** A new plan id: `plan-` and 16 random letters and digits. */
export function newPlanId(): PlanId {
  return `plan-${idSuffix()}${idSuffix()}` as PlanId;
}

/** The deleted plans, most recently deleted first (each can be restored). */
export async function deletedPlans(db: SummitryDb): Promise<PlanRecord[]> {
  const all = await db.plans.toArray();
  return all.filter((p) => p.deletedAt).sort((a, b) => (a.deletedAt! < b.deletedAt! ? 1 : -1));
}

async function livePlanOrRefuse(db: SummitryDb, id: string): Promise<PlanRecord> {
  const row = await db.plans.get(id);
  if (!row || row.deletedAt)
    throw new PlanRefusedError('That plan is no longer here (it was deleted). Nothing was changed.');
  return row;
}

/** Open plan `id` (every view follows). Refused for a plan that does not exist or was deleted. */
export async function switchPlan(db: SummitryDb, id: string): Promise<void> {
  await db.transaction('rw', [db.plans, db.meta], async () => {
    await livePlanOrRefuse(db, id);
    await db.meta.put({ key: OPEN_PLAN_KEY, value: id });
  });
}

export interface PlanResult extends CommandResult {
  planId: PlanId;
}

interface CreateOptions {
  clock?: Clock;
  /** Open the new plan once it is made (default true). */
  open?: boolean;
}

/** `name`, or `name (2)`, `name (3)`… when a plan not deleted has it already. */
export function unusedName(name: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  for (let n = 2; ; n++) if (!names.has(`${name} (${n})`)) return `${name} (${n})`;
}

/** The records and acceptances of a new plan, written as one command. */
async function writeNewPlan(
  db: SummitryDb,
  label: (name: string) => string,
  name: string,
  content: (planId: PlanId, now: string) => Promise<{ plan?: Plan; acceptances?: Acceptance[]; sample?: boolean }>,
  options: CreateOptions,
): Promise<PlanResult> {
  const now = (options.clock ?? systemClock)();
  const planId = newPlanId();
  const wanted = cleanPlanName(name, NEW_PLAN_NAME);
  const result = await runCommand(
    db,
    async () => {
      const clean = unusedName(
        wanted,
        (await listPlans(db)).map((p) => p.name),
      );
      const { plan, acceptances, sample } = await content(planId, now);
      const put: Partial<Record<TableName | 'plans' | 'acceptances', unknown[]>> = {
        plans: [{ id: planId, name: clean, createdAt: now, ...(sample ? { sample: true } : {}) }],
      };
      if (plan) for (const t of TABLE_NAMES) put[t] = plan[t].map((r) => ({ ...r, planId }));
      if (acceptances?.length) put.acceptances = acceptances.map((a) => ({ ...a, planId }));
      return { label: label(clean), put, planId, compact: true, validated: Boolean(plan) };
    },
    { clock: () => now },
  );
  if (options.open !== false) await switchPlan(db, planId);
  return { ...result, planId };
}

/** A new, empty plan named `name` (opened). */
export function createPlan(db: SummitryDb, name: string, options: CreateOptions = {}): Promise<PlanResult> {
  return writeNewPlan(
    db,
    (n) => `Created plan ${quoted(n)}`,
    name,
    async () => ({}),
    options,
  );
}

/** Every record of plan `planId` as stored, and its accepted conflicts (inside a transaction). */
async function planContents(db: SummitryDb, planId: string): Promise<{ plan: Plan; acceptances: Acceptance[] }> {
  const rows = await Promise.all(TABLE_NAMES.map((t) => rowsOfPlan<Record<string, unknown>>(db, t, planId)));
  const plan = Object.fromEntries(TABLE_NAMES.map((t, i) => [t, rows[i]])) as unknown as Plan;
  return { plan, acceptances: await rowsOfPlan<Acceptance>(db, 'acceptances', planId) };
}

/** A record without the write path's stamps, so that its copy starts at revision 1. */
function unstamped<R extends object>(record: R): R {
  const { rev: _rev, updatedAt: _at, updatedBy: _by, planId: _plan, ...rest } = record as Record<string, unknown>;
  return rest as R;
}

/**
 * A copy of plan `id` under new record ids (references follow), named `name` (default
 * "<name> (copy)"), opened. Accepted conflicts stay accepted in the copy; reopened ones stay reopened.
 */
export async function duplicatePlan(
  db: SummitryDb,
  id: string,
  name?: string,
  options: CreateOptions = {},
): Promise<PlanResult> {
  const source = await livePlanOrRefuse(db, id);
  return writeNewPlan(
    db,
    (n) => `Duplicated plan ${quoted(source.name)} as ${quoted(n)}`,
    name ?? `${source.name} (copy)`,
    async (_planId, now) => {
      const { plan, acceptances } = await planContents(db, id);
      const map = freshIdMap(plan);
      const bare = Object.fromEntries(TABLE_NAMES.map((t) => [t, plan[t].map(unstamped)])) as unknown as Plan;
      // Each copied record is written at revision 1 at `now`: an accepted conflict whose items
      // were at their current revision is accepted in the copy too.
      const copied = `${now}#1`;
      const remapped = remapAcceptances(acceptances.map(unstamped), map).map((a) => ({
        ...a,
        itemsFingerprint: remapFingerprint(a.itemsFingerprint, map, plan, copied),
      }));
      return { plan: validatePlan(remapPlan(bare, map)), acceptances: remapped };
    },
    options,
  );
}

/**
 * Give every record of plan `id` a new id of its own (references, accepted conflicts and scenario
 * items following), as one command. Record ids are unique across the plans of a browser, and a
 * plan made from the sample has the sample's ids, which every other browser's sample plan has
 * too: a plan gets ids of its own before it is shared, so that a member who joins keeps their
 * own plans beside it untouched.
 */
export function giveOwnIds(db: SummitryDb, id: string, options: { clock?: Clock } = {}): Promise<CommandResult> {
  const now = (options.clock ?? systemClock)();
  return runCommand(
    db,
    async () => {
      const row = await livePlanOrRefuse(db, id);
      const { plan, acceptances } = await planContents(db, id);
      const map = freshIdMap(plan);
      const bare = Object.fromEntries(TABLE_NAMES.map((t) => [t, plan[t].map(unstamped)])) as unknown as Plan;
      const remapped = validatePlan(remapPlan(bare, map));
      const put: Partial<Record<TableName | 'acceptances', unknown[]>> = {};
      const remove: Partial<Record<TableName | 'acceptances', string[]>> = {};
      for (const t of TABLE_NAMES) {
        put[t] = remapped[t].map((r) => ({ ...r, planId: id }));
        remove[t] = plan[t].map((r) => r.id);
      }
      const moved = remapAcceptances(acceptances.map(unstamped), map).map((a) => ({
        ...a,
        planId: id,
        itemsFingerprint: remapFingerprint(a.itemsFingerprint, map, plan, `${now}#1`),
      }));
      const kept = new Set(moved.map((a) => a.id));
      put.acceptances = moved;
      remove.acceptances = acceptances.map((a) => a.id).filter((a) => !kept.has(a));
      return {
        label: `Gave the items of ${quoted(row.name)} ids of their own, to share it`,
        put,
        remove,
        planId: id,
        compact: true,
        validated: true,
      };
    },
    { clock: () => now },
  );
}

/** The sample plan as a new plan of its own (opened), beside the others. */
export async function openSampleAsPlan(db: SummitryDb, options: CreateOptions = {}): Promise<PlanResult> {
  const { plan, name } = await loadSamplePlan();
  const sample = validatePlan(plan);
  return writeNewPlan(
    db,
    (n) => `Opened the sample plan as ${quoted(n)}`,
    name,
    async (planId) => ({ plan: await samplePlanFor(db, planId, sample), sample: true }),
    options,
  );
}

/** Rename plan `id`. A name left empty is refused. */
export function renamePlan(db: SummitryDb, id: string, name: string, options: { clock?: Clock } = {}) {
  const clean = cleanPlanName(name, '');
  return runCommand(
    db,
    async () => {
      const row = await livePlanOrRefuse(db, id);
      if (!clean) throw new PlanRefusedError('A plan needs a name. Nothing was changed.');
      return {
        label: `Renamed plan ${quoted(row.name)} to ${quoted(clean)}`,
        put: { plans: [{ ...row, name: clean }] },
        expect: { [`plans/${id}`]: row.rev ?? 0 },
        planId: id,
      };
    },
    options,
  );
}

/**
 * Delete plan `id`: its row gets `deletedAt` and its records stay, hidden, so Undo (or Restore in
 * the plan list) brings everything back. The last plan is never deleted. If it was open, the
 * oldest other plan opens.
 */
export async function deletePlan(db: SummitryDb, id: string, options: { clock?: Clock } = {}): Promise<CommandResult> {
  const now = (options.clock ?? systemClock)();
  const result = await runCommand(
    db,
    async () => {
      const row = await livePlanOrRefuse(db, id);
      const others = (await listPlans(db)).filter((p) => p.id !== id);
      if (others.length === 0)
        throw new PlanRefusedError(
          'This is the only plan, so it cannot be deleted. Create another plan first. Nothing was changed.',
        );
      return {
        label: `Deleted plan ${quoted(row.name)}`,
        put: { plans: [{ ...row, deletedAt: now }] },
        expect: { [`plans/${id}`]: row.rev ?? 0 },
        planId: id,
      };
    },
    { clock: () => now },
  );
  await db.transaction('rw', [db.plans, db.meta], async () => {
    if ((await openPlanId(db)) !== id) return;
    const next = (await listPlans(db))[0];
    if (next) await db.meta.put({ key: OPEN_PLAN_KEY, value: next.id });
  });
  return result;
}

/** Bring a deleted plan back with everything it held (and open it). */
export async function restorePlan(db: SummitryDb, id: string, options: { clock?: Clock } = {}): Promise<CommandResult> {
  const result = await runCommand(
    db,
    async () => {
      const row = await db.plans.get(id);
      if (!row) throw new PlanRefusedError('That plan is no longer here. Nothing was changed.');
      if (!row.deletedAt) throw new PlanRefusedError(`${quoted(row.name)} is not deleted. Nothing was changed.`);
      const { deletedAt: _gone, ...rest } = row;
      return {
        label: `Restored plan ${quoted(row.name)}`,
        put: { plans: [rest] },
        expect: { [`plans/${id}`]: row.rev ?? 0 },
        planId: id,
      };
    },
    options,
  );
  await switchPlan(db, id);
  return result;
}

export interface PlanRow {
  plan: PlanRecord;
  /** Events and legs in the plan (the overview's "items"). */
  items: number;
  visits: number;
  open: boolean;
}

export interface PlansList {
  live: PlanRow[];
  deleted: PlanRecord[];
}

const countIn = (db: SummitryDb, table: string, planId: string) =>
  db.table(table).where('planId').equals(planId).count();

async function itemCount(db: SummitryDb, planId: string): Promise<{ items: number; visits: number }> {
  const [events, legs, visits] = await Promise.all(['events', 'legs', 'visits'].map((t) => countIn(db, t, planId)));
  return { items: events! + legs!, visits: visits! };
}

/** Every plan not deleted with its counts and whether it is open, and the deleted plans (the Plans dialog). */
export async function plansWithCounts(db: SummitryDb): Promise<PlansList> {
  const [plans, deleted, openId] = await Promise.all([listPlans(db), deletedPlans(db), openPlanId(db)]);
  const counts = await Promise.all(plans.map((p) => itemCount(db, p.id)));
  return { live: plans.map((plan, i) => ({ plan, ...counts[i]!, open: plan.id === openId })), deleted };
}
