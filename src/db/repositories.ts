/**
 * Typed repositories over the Dexie tables. Every write is normalised and validated first; an
 * invalid record is refused with the validator's message and nothing is written. Multi-record
 * writes are one transaction: all or nothing.
 */
import { ENTITIES, parseEntity, TABLE_NAMES, type EntityOf, type TableName } from '../domain/model';
import type { Plan } from '../domain/model';
import { StaleEditError } from './errors';
import type { SummitryDb } from './schema';

export type Clock = () => string;
export const systemClock: Clock = () => new Date().toISOString();

export interface PutOptions {
  expectedRev?: number;
}

export interface Repository<T extends TableName> {
  readonly table: T;
  get(id: string): Promise<EntityOf<T> | undefined>;
  all(): Promise<EntityOf<T>[]>;
  /**
   * Validate, stamp `updatedAt` and the next revision `rev`, and write one record. With
   * `expectedRev` (the revision the edit was made from; 0 for an item that was not stored), a
   * stored revision that differs refuses the write with a `StaleEditError`. Returns what was stored.
   */
  put(value: unknown, options?: PutOptions): Promise<EntityOf<T>>;
  /** Validate every record first, then write them all in one transaction, each with its next `rev`. */
  putMany(values: readonly unknown[]): Promise<EntityOf<T>[]>;
  delete(id: string): Promise<void>;
  count(): Promise<number>;
}

export interface TimedRepository<T extends 'events' | 'windows'> extends Repository<T> {
  /** Records whose half-open [startsAt, endsAt) meets [start, end) (UTC ISO instants). */
  inRange(start: string, end: string): Promise<EntityOf<T>[]>;
  /** The record that starts first at or after `instant`, if any. */
  firstStartingFrom(instant: string): Promise<EntityOf<T> | undefined>;
}

export interface LegRepository extends Repository<'legs'> {
  inRange(start: string, end: string): Promise<EntityOf<'legs'>[]>;
  forVisit(visitId: string): Promise<EntityOf<'legs'>[]>;
  /** The leg that departs first at or after `instant`, if any. */
  firstDepartingFrom(instant: string): Promise<EntityOf<'legs'> | undefined>;
}

/** The revision after `stored`: above both the stored one and any the incoming record carries. */
function nextRev(stored: { rev?: number } | undefined, incoming: { rev?: number }): number {
  return Math.max(stored?.rev ?? 0, incoming.rev ?? 0) + 1;
}

function makeRepository<T extends TableName>(db: SummitryDb, table: T, clock: Clock): Repository<T> {
  const t = () => db.table(table);
  return {
    table,
    get: (id) => t().get(id) as Promise<EntityOf<T> | undefined>,
    all: () => t().toArray() as Promise<EntityOf<T>[]>,
    async put(value, options = {}) {
      const parsed = parseEntity(table, value);
      const now = clock();
      return db.transaction('rw', t(), async () => {
        const stored = (await t().get(parsed.id)) as EntityOf<T> | undefined;
        const { expectedRev } = options;
        if (expectedRev !== undefined && (stored?.rev ?? 0) !== expectedRev)
          throw new StaleEditError(table, parsed.id, expectedRev, stored ? (stored.rev ?? 0) : null, stored);
        const record = { ...parsed, updatedAt: now, rev: nextRev(stored, parsed) } as EntityOf<T>;
        await t().put(record);
        return record;
      });
    },
    async putMany(values) {
      const now = clock();
      const parsed = values.map((v) => parseEntity(table, v));
      return db.transaction('rw', t(), async () => {
        const stored = (await t().bulkGet(parsed.map((p) => p.id))) as (EntityOf<T> | undefined)[];
        const records = parsed.map((p, i) => ({ ...p, updatedAt: now, rev: nextRev(stored[i], p) }) as EntityOf<T>);
        await t().bulkPut(records);
        return records;
      });
    },
    delete: (id) => t().delete(id),
    count: () => t().count(),
  };
}

export function createRepositories(db: SummitryDb, clock: Clock = systemClock) {
  const events = makeRepository(db, 'events', clock);
  const windows = makeRepository(db, 'windows', clock);
  const legs = makeRepository(db, 'legs', clock);
  return {
    places: makeRepository(db, 'places', clock),
    participants: makeRepository(db, 'participants', clock),
    visits: makeRepository(db, 'visits', clock),
    scenarios: makeRepository(db, 'scenarios', clock),
    events: {
      ...events,
      inRange: (start: string, end: string) =>
        db.events
          .where('endsAt')
          .above(start)
          .and((e) => e.startsAt < end)
          .toArray(),
      firstStartingFrom: (instant: string) => db.events.where('startsAt').aboveOrEqual(instant).first(),
    } satisfies TimedRepository<'events'>,
    windows: {
      ...windows,
      inRange: (start: string, end: string) =>
        db.windows
          .where('endsAt')
          .above(start)
          .and((w) => w.startsAt < end)
          .toArray(),
      firstStartingFrom: (instant: string) => db.windows.where('startsAt').aboveOrEqual(instant).first(),
    } satisfies TimedRepository<'windows'>,
    /** Several tables in one transaction (see `applyChange`). */
    apply: (change: PlanChange) => applyChange(db, change, clock),
    legs: {
      ...legs,
      inRange: (start: string, end: string) =>
        db.legs
          .where('arrivesAt')
          .above(start)
          .and((l) => l.departsAt < end)
          .toArray(),
      forVisit: (visitId: string) => db.legs.where('visitId').equals(visitId).sortBy('departsAt'),
      firstDepartingFrom: (instant: string) => db.legs.where('departsAt').aboveOrEqual(instant).first(),
    } satisfies LegRepository,
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** Records to write and ids to delete, across tables. */
export interface PlanChange {
  put?: { [K in TableName]?: readonly unknown[] };
  remove?: { [K in TableName]?: readonly string[] };
}

/** What a change wrote (as stored) and deleted (as it was): enough to undo it. */
export interface AppliedChange {
  stored: Partial<Plan>;
  removed: Partial<Plan>;
}

/**
 * Apply a change across tables in one transaction: every record is validated first (an invalid
 * one refuses the whole change and nothing is written), then deletions, then writes.
 */
export async function applyChange(
  db: SummitryDb,
  change: PlanChange,
  clock: Clock = systemClock,
): Promise<AppliedChange> {
  const now = clock();
  const parsed: Record<string, { id: string; rev?: number }[]> = {};
  for (const name of TABLE_NAMES) {
    const values = change.put?.[name];
    if (values?.length) parsed[name] = values.map((v) => parseEntity(name, v) as { id: string; rev?: number });
  }
  const names = TABLE_NAMES.filter((n) => parsed[n] || change.remove?.[n]?.length);
  if (names.length === 0) return { stored: {}, removed: {} };
  return db.transaction(
    'rw',
    names.map((n) => db.table(n)),
    async () => {
      const removed: Record<string, unknown[]> = {};
      const stored: Record<string, unknown[]> = {};
      for (const name of names) {
        const ids = change.remove?.[name];
        if (!ids?.length) continue;
        const rows = await db.table(name).bulkGet([...ids]);
        removed[name] = rows.filter((r) => r !== undefined);
        await db.table(name).bulkDelete([...ids]);
      }
      for (const name of names) {
        const records = parsed[name];
        if (!records) continue;
        const before = (await db.table(name).bulkGet(records.map((r) => r.id))) as ({ rev?: number } | undefined)[];
        stored[name] = records.map((r, i) => ({ ...r, updatedAt: now, rev: nextRev(before[i], r) }));
        await db.table(name).bulkPut(stored[name]);
      }
      return { stored: stored as Partial<Plan>, removed: removed as Partial<Plan> };
    },
  );
}

/** The whole plan as plain arrays, read in one transaction. */
export async function loadPlan(db: SummitryDb): Promise<Plan> {
  return db.transaction(
    'r',
    TABLE_NAMES.map((n) => db.table(n)),
    async () => {
      const entries = await Promise.all(TABLE_NAMES.map(async (n) => [n, await db.table(n).toArray()] as const));
      return Object.fromEntries(entries) as unknown as Plan;
    },
  );
}

/** Validate a whole plan; throws the first record's `ValidationError`. */
export function validatePlan(plan: Plan): Plan {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = plan[name].map((r) => parseEntity(name, r));
  return out as unknown as Plan;
}

export { ENTITIES };
