/**
 * The sample plan as the build wrote it (scripts/sample/plugin.mjs): a chunk of its own, fetched
 * only when the app seeds a first run, resets to the sample or opens it as a plan. Parsing its JSON
 * takes a millisecond or two, where building it (local times to instants in each zone) took
 * 100–200 ms of the main thread, and every start paid that, since the builders ran as they loaded.
 */
import type { Plan } from '../domain/model';

export interface SampleData {
  plan: Plan;
  name: string;
}

/** A fresh copy of the sample plan and its name. */
export async function loadSamplePlan(): Promise<SampleData> {
  const { name, planJson } = await import('virtual:sample-plan');
  return { plan: JSON.parse(planJson) as Plan, name };
}
