/** The plans as the Plans dialog lists them: live, with how many items each holds. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { listPlans, openPlanId } from '../../db/open-plan';
import { deletedPlans } from '../../db/plans';
import type { PlanRecord } from '../../domain/model';

export interface PlanRow {
  plan: PlanRecord;
  /** Events, legs, windows and visits in the plan. */
  items: number;
  open: boolean;
}

export interface PlansList {
  live: PlanRow[];
  deleted: PlanRecord[];
}

const ITEM_TABLES = ['events', 'legs', 'windows', 'visits'] as const;

async function itemCount(planId: string): Promise<number> {
  const counts = await Promise.all(ITEM_TABLES.map((t) => db.table(t).where('planId').equals(planId).count()));
  return counts.reduce((a, b) => a + b, 0);
}

async function readPlans(): Promise<PlansList> {
  const [plans, deleted, openId] = await Promise.all([listPlans(db), deletedPlans(db), openPlanId(db)]);
  const counts = await Promise.all(plans.map((p) => itemCount(p.id)));
  return { live: plans.map((plan, i) => ({ plan, items: counts[i]!, open: plan.id === openId })), deleted };
}

/** Every plan with its item count, and the deleted ones; `undefined` while loading. */
export function usePlans(): PlansList | undefined {
  return useLiveQuery(readPlans, []);
}
