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

interface SampleModule {
  name: string;
  planJson: string;
}

let fetching: Promise<SampleModule> | undefined;

function sampleModule(): Promise<SampleModule> {
  if (!fetching) {
    const started = import('virtual:sample-plan');
    fetching = started;
    // A failed fetch (offline before the service worker had the chunk) is tried again next time.
    started.catch(() => {
      if (fetching === started) fetching = undefined;
    });
  }
  return fetching;
}

/**
 * Start fetching the sample's chunk: the database was just created, so the first-run seed will
 * want it, and the fetch runs while the database finishes opening instead of after.
 */
export function prefetchSamplePlan(): void {
  sampleModule().catch(() => undefined);
}

/** A fresh copy of the sample plan and its name. */
export async function loadSamplePlan(): Promise<SampleData> {
  const { name, planJson } = await sampleModule();
  return { plan: JSON.parse(planJson) as Plan, name };
}
