/**
 * The plan's domain model. Each stored record type has its own file in ./records (type, schema,
 * label and normaliser) and is listed in ./records/registry.ts; this module names the plan as a
 * whole and the references views make to its items.
 *
 * Instants are UTC ISO-8601 strings (`2025-09-19T12:00:00.000Z`) with the IANA zone they were
 * planned in; all-day items are local dates (end inclusive) whose instants are derived.
 * Intervals are half-open: [startsAt, endsAt).
 */
import type { Leg, Participant, Place, PlanEvent, PlanWindow, Scenario, Visit } from './records';

export * from './records';

/** Everything a plan holds, as plain arrays. */
export interface Plan {
  places: Place[];
  participants: Participant[];
  events: PlanEvent[];
  visits: Visit[];
  legs: Leg[];
  windows: PlanWindow[];
  scenarios: Scenario[];
}

export const EMPTY_PLAN: Plan = {
  places: [],
  participants: [],
  events: [],
  visits: [],
  legs: [],
  windows: [],
  scenarios: [],
};

/** A reference to one item of the plan, as conflicts, searches and views name it. */
export type ItemType = 'event' | 'leg' | 'window' | 'visit';

export interface ItemRef {
  type: ItemType;
  id: string;
  title: string;
}
