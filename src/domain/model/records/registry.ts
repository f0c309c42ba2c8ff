/**
 * Every stored record type, one entry each: the database's write path (src/db/commands.ts) and
 * the file restore path (src/domain/files/restore.ts) both validate through these, so what the
 * app writes is exactly what it reads back. A new record type is a file in this folder plus a
 * line here (and a table in src/db/schema.ts).
 */
import type { z } from 'zod';
import { acceptanceRecord } from './acceptance';
import { eventRecord } from './event';
import { historyEntryRecord } from './history-entry';
import { legRecord } from './leg';
import { participantRecord } from './participant';
import { placeRecord } from './place';
import { planRecordSpec } from './plan';
import { scenarioRecord } from './scenario';
import type { RecordSpec } from './spec';
import { tombstoneRecord } from './tombstone';
import { visitRecord } from './visit';
import { windowRecord } from './window';
import { parseOrThrow, validate, type Validated } from '../validate';

/** The plan's own tables: what a plan holds and a backup carries. */
export const PLAN_RECORDS = {
  places: placeRecord,
  participants: participantRecord,
  events: eventRecord,
  visits: visitRecord,
  legs: legRecord,
  windows: windowRecord,
  scenarios: scenarioRecord,
} as const;

/** Every stored record type, by table. */
export const RECORDS = {
  ...PLAN_RECORDS,
  acceptances: acceptanceRecord,
  tombstones: tombstoneRecord,
  history: historyEntryRecord,
  plans: planRecordSpec,
} as const satisfies { [K: string]: RecordSpec };

export type TableName = keyof typeof PLAN_RECORDS;
export type RecordTable = keyof typeof RECORDS;
export type RecordOf<T extends RecordTable> = z.output<(typeof RECORDS)[T]['schema']>;
/** A record of one of the plan's tables. */
export type EntityOf<T extends TableName> = RecordOf<T>;

export const TABLE_NAMES: readonly TableName[] = [
  'places',
  'participants',
  'events',
  'visits',
  'legs',
  'windows',
  'scenarios',
];

/** The tables a command writes: the plan's, the accepted conflicts and the plans themselves. */
export const WRITABLE_TABLES = [...TABLE_NAMES, 'acceptances', 'plans'] as const;
export type WritableTable = (typeof WRITABLE_TABLES)[number];

/** Normalise and validate one record of any stored type. */
export function validateRecord<T extends RecordTable>(table: T, value: unknown): Validated<RecordOf<T>> {
  const spec: RecordSpec = RECORDS[table];
  return validate(spec.schema, spec.normalize(value), spec.label) as Validated<RecordOf<T>>;
}

/** Normalise and validate one record of any stored type, throwing a `ValidationError`. */
export function parseRecord<T extends RecordTable>(table: T, value: unknown): RecordOf<T> {
  const spec: RecordSpec = RECORDS[table];
  return parseOrThrow(spec.schema, spec.normalize(value), spec.label) as RecordOf<T>;
}

/** The plan's tables by their old name (one registry: these are `RECORDS` entries). */
export const ENTITIES = PLAN_RECORDS;
export const validateEntity: <T extends TableName>(table: T, value: unknown) => Validated<EntityOf<T>> = validateRecord;
export const parseEntity: <T extends TableName>(table: T, value: unknown) => EntityOf<T> = parseRecord;

/** A record's title or name, for labels and messages. */
export function recordTitle(record: unknown): string {
  if (!record || typeof record !== 'object') return '';
  const r = record as { title?: unknown; name?: unknown; id?: unknown };
  const t = typeof r.title === 'string' ? r.title : typeof r.name === 'string' ? r.name : r.id;
  return typeof t === 'string' ? t.slice(0, 300) : '';
}
