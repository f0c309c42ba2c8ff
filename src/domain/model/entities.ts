/**
 * The plan's tables, each with its schema, a label for messages and a normaliser that derives
 * what is derivable (all-day instants from local dates) before validation.
 */
import type { z } from 'zod';
import {
  legSchema,
  participantSchema,
  placeSchema,
  planEventSchema,
  planWindowSchema,
  scenarioSchema,
  visitSchema,
  type Plan,
} from './model';
import { isValidZone, localDaysToInstants } from '../time';
import { parseOrThrow, validate, type Validated } from './validate';

export type TableName = keyof Plan;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For an all-day record with valid dates and zone, set startsAt/endsAt from the local days. */
function deriveAllDayInstants(value: unknown, always: boolean): unknown {
  if (!isRecord(value)) return value;
  if (!always && value.allDay !== true) return value;
  const { startDate, endDate, timeZone } = value;
  if (typeof startDate !== 'string' || typeof endDate !== 'string' || typeof timeZone !== 'string') return value;
  if (!isValidZone(timeZone) || !/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(endDate))
    return value;
  try {
    return { ...value, ...localDaysToInstants(startDate, endDate, timeZone) };
  } catch {
    return value;
  }
}

export function normalizeEventInput(value: unknown): unknown {
  const derived = deriveAllDayInstants(value, false);
  if (isRecord(derived) && derived.allDay === false) {
    const { startDate: _s, endDate: _e, ...rest } = derived;
    return rest;
  }
  return derived;
}

export function normalizeWindowInput(value: unknown): unknown {
  return deriveAllDayInstants(value, true);
}

interface EntitySpec<S extends z.ZodType> {
  schema: S;
  label: string;
  normalize: (value: unknown) => unknown;
}

const identity = (value: unknown) => value;

export const ENTITIES = {
  places: { schema: placeSchema, label: 'Place', normalize: identity },
  participants: { schema: participantSchema, label: 'Participant', normalize: identity },
  events: { schema: planEventSchema, label: 'Event', normalize: normalizeEventInput },
  visits: { schema: visitSchema, label: 'Visit', normalize: identity },
  legs: { schema: legSchema, label: 'Leg', normalize: identity },
  windows: { schema: planWindowSchema, label: 'Window', normalize: normalizeWindowInput },
  scenarios: { schema: scenarioSchema, label: 'Scenario', normalize: identity },
} as const satisfies { [K in TableName]: EntitySpec<z.ZodType> };

export type EntityOf<T extends TableName> = Plan[T][number];

/** Normalise and validate one record of a table. */
export function validateEntity<T extends TableName>(table: T, value: unknown): Validated<EntityOf<T>> {
  const spec = ENTITIES[table];
  return validate(spec.schema, spec.normalize(value), spec.label) as Validated<EntityOf<T>>;
}

/** Normalise and validate one record of a table, throwing a `ValidationError`. */
export function parseEntity<T extends TableName>(table: T, value: unknown): EntityOf<T> {
  const spec = ENTITIES[table];
  return parseOrThrow(spec.schema, spec.normalize(value), spec.label) as EntityOf<T>;
}

export const TABLE_NAMES: readonly TableName[] = [
  'places',
  'participants',
  'events',
  'visits',
  'legs',
  'windows',
  'scenarios',
];
