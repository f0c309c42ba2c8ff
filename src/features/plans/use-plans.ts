/** The plans as the Plans dialog lists them: live, with how many items each holds. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { plansWithCounts, type PlansList } from '../../db/plans';

export type { PlanRow, PlansList } from '../../db/plans';

/** Every plan with its item count, and the deleted ones; `undefined` while loading. */
export function usePlans(): PlansList | undefined {
  return useLiveQuery(() => plansWithCounts(db), []);
}
