/** React hooks that read the plan with live queries: IndexedDB is the one source of truth. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Plan } from '../domain/model';
import { db as defaultDb } from './index';
import { usePlanFeed } from './plan-feed';
import { openPlan } from './open-plan';

/**
 * The whole plan, or `undefined` while loading. Re-runs on any change, in this tab or another.
 * One live query shared by every reader (see plan-feed.ts), so all get the same object.
 */
export function usePlan(db = defaultDb): Plan | undefined {
  return usePlanFeed(db);
}

/** The open plan's name, `null` while loading. */
export function usePlanName(db = defaultDb): string | null {
  return useLiveQuery(async () => (await openPlan(db)).name, [db], null);
}
