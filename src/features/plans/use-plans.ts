/** The plans as the Plans dialog lists them: live, with how many items each holds. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { listPlans, openPlanId } from '../../db/open-plan';
import { deletedPlans } from '../../db/plans';
import type { PlanRecord } from '../../domain/model';

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

const countIn = (table: string, planId: string) => db.table(table).where('planId').equals(planId).count();

async function itemCount(planId: string): Promise<{ items: number; visits: number }> {
  const [events, legs, visits] = await Promise.all(['events', 'legs', 'visits'].map((t) => countIn(t, planId)));
  return { items: events! + legs!, visits: visits! };
}

async function readPlans(): Promise<PlansList> {
  const [plans, deleted, openId] = await Promise.all([listPlans(db), deletedPlans(db), openPlanId(db)]);
  const counts = await Promise.all(plans.map((p) => itemCount(p.id)));
  return { live: plans.map((plan, i) => ({ plan, ...counts[i]!, open: plan.id === openId })), deleted };
}

/** Every plan with its item count, and the deleted ones; `undefined` while loading. */
export function usePlans(): PlansList | undefined {
  return useLiveQuery(readPlans, []);
}
