/**
 * The conflict engine's entry point. (Stub until the engine lands: same signature, no results.)
 */
import type { Plan, Scenario } from '../model';
import type { Conflict, EngineSettings } from './types';

export * from './types';

export interface FindOptions {
  /** Take optional items in (`true`), leave them out (`false`), or take in just these ids. */
  includeOptional: boolean | readonly string[];
  /** A saved scenario: its optional items and alternative dates apply. */
  scenario?: Scenario;
  settings?: Partial<EngineSettings>;
}

/** Every conflict in the plan, in a deterministic order. */
export function findConflicts(_plan: Plan, _options: FindOptions): Conflict[] {
  return [];
}
