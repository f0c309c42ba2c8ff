/**
 * The sample plan shown on first run: US–China summitry, September 2025 → December 2026.
 * Dates, places, zones and sources come from shared/FACTS.md; statuses follow the sources' own
 * words. Where a time was not reported, the item says so in its notes ("time approximate").
 * The September 2025 draft of the state visit is a planning draft built around what the
 * 17 Sep 2025 report described (Beijing, an optional rail leg to Shanghai, then Korea for APEC);
 * the report gave no dates.
 */
import type { Plan } from '../model';
import { SAMPLE_UPDATED_AT } from './builders';
import { events2025 } from './events-2025';
import { events2026 } from './events-2026';
import { participants, places } from './places';
import { legs } from './legs';
import { scenarios } from './scenarios';
import { visits } from './visits';
import { windows } from './windows';

export { SAMPLE_UPDATED_AT };
export const SAMPLE_PLAN_NAME = 'US–China summitry 2025–26';

const events = [...events2025, ...events2026];

/** A fresh copy of the sample plan. */
export function buildSamplePlan(): Plan {
  return structuredClone({ places, participants, events, visits, legs, windows, scenarios });
}
