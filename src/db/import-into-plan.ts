/**
 * Where an imported file goes: into the open plan, and only it. Record ids are unique across
 * plans, so a file record whose id another plan uses gets a new id first (references follow).
 */
import type { Restored } from '../domain/files';
import {
  idSuffix,
  remapAcceptances,
  remapPlan,
  renamedId,
  TABLE_NAMES,
  type PlanId,
  type TableName,
} from '../domain/model';
import { openPlanId } from './open-plan';
import type { SummitryDb } from './schema';

/**
 * Inside a transaction: the file as it goes into the open plan. Ids are unique across plans, so
 * a record whose id another plan already uses gets a new id (and references to it follow);
 * an id the open plan has is kept, so a merge still recognises its records.
 */
export async function intoOpenPlan(
  db: SummitryDb,
  restored: Restored,
): Promise<{ restored: Restored; planId: PlanId }> {
  const planId = await openPlanId(db);
  const taken = new Set<string>();
  const keys = await Promise.all(
    TABLE_NAMES.map((name) => db.table(name).where('planId').notEqual(planId).primaryKeys()),
  );
  for (const list of keys) for (const k of list) taken.add(k as string);
  if (taken.size === 0) return { restored, planId };
  const suffix = idSuffix();
  const map = new Map<string, string>();
  for (const name of TABLE_NAMES)
    for (const r of restored.plan[name] as { id: string }[])
      if (taken.has(r.id)) map.set(r.id, renamedId(r.id, suffix));
  if (map.size === 0) return { restored, planId };
  const fields: Restored['fields'] = {};
  for (const [name, byId] of Object.entries(restored.fields ?? {}) as [
    TableName,
    ReadonlyMap<string, readonly string[]>,
  ][])
    fields[name] = new Map([...byId].map(([id, list]) => [map.get(id) ?? id, list]));
  return {
    planId,
    restored: {
      ...restored,
      plan: remapPlan(restored.plan, map),
      acceptances: remapAcceptances(restored.acceptances, map),
      ...(restored.fields ? { fields } : {}),
    },
  };
}
