/**
 * Typed repositories over the Dexie tables: reads, and writes of one table as commands of the one
 * write path (src/db/commands.ts), which validates, checks revisions, stamps, tombstones deletes
 * and records each write in History. An invalid record is refused with the validator's message
 * and nothing is written. Multi-record writes are one transaction: all or nothing.
 */
import { ENTITIES, parseEntity, recordTitle, TABLE_NAMES, type EntityOf, type TableName } from '../domain/model';
import type { Plan } from '../domain/model';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { runCommand } from './commands';
import { inPlan, openPlanId, rowsOfPlan } from './open-plan';
import type { SummitryDb } from './schema';

export { systemClock, type Clock } from './clock';

export interface PutOptions {
  /** The revision the edit was made from (0: not stored); a different stored one refuses it. */
  expectedRev?: number;
  /** The History label (default "Saved 'title'" / "Deleted 'title'"). */
  label?: string;
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
  putMany(values: readonly unknown[], options?: Pick<PutOptions, 'label'>): Promise<EntityOf<T>[]>;
  /** Delete one record (a tombstone keeps it for Undo); with `expectedRev`, a stale delete is refused. */
  delete(id: string, options?: PutOptions): Promise<void>;
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

const expectOf = (table: TableName, id: unknown, rev: number | undefined) =>
  rev === undefined ? {} : { expect: { [`${table}/${String(id)}`]: rev } };

function makeRepository<T extends TableName>(db: SummitryDb, table: T, clock: Clock): Repository<T> {
  const t = () => db.table(table);
  return {
    table,
    get: (id) => t().get(id) as Promise<EntityOf<T> | undefined>,
    all: async () => rowsOfPlan<EntityOf<T>>(db, table, await openPlanId(db)),
    async put(value, options = {}) {
      const id = (value as { id?: unknown } | null)?.id;
      const { stored } = await runCommand(
        db,
        {
          label: options.label ?? `Saved '${recordTitle(value)}'`,
          put: { [table]: [value] },
          ...expectOf(table, id, options.expectedRev),
        },
        { clock },
      );
      return stored[table]![0] as EntityOf<T>;
    },
    async putMany(values, options = {}) {
      if (values.length === 0) return [];
      const { stored } = await runCommand(
        db,
        { label: options.label ?? `Saved ${values.length} items`, put: { [table]: values } },
        { clock },
      );
      return stored[table] as EntityOf<T>[];
    },
    async delete(id, options = {}) {
      const existing = await t().get(id);
      await runCommand(
        db,
        {
          label: options.label ?? `Deleted '${recordTitle(existing) || id}'`,
          remove: { [table]: [id] },
          ...expectOf(table, id, options.expectedRev),
        },
        { clock },
      );
    },
    count: async () => {
      const mine = inPlan(await openPlanId(db));
      return t().filter(mine).count();
    },
  };
}

export function createRepositories(db: SummitryDb, clock: Clock = systemClock) {
  const events = makeRepository(db, 'events', clock);
  const windows = makeRepository(db, 'windows', clock);
  const legs = makeRepository(db, 'legs', clock);
  return {
    /** The database these read and write (for commands: src/db/commands.ts). */
    db,
    places: makeRepository(db, 'places', clock),
    participants: makeRepository(db, 'participants', clock),
    visits: makeRepository(db, 'visits', clock),
    scenarios: makeRepository(db, 'scenarios', clock),
    events: {
      ...events,
      inRange: async (start: string, end: string) => {
        const mine = inPlan(await openPlanId(db));
        return db.events
          .where('endsAt')
          .above(start)
          .and((e) => e.startsAt < end && mine(e))
          .toArray();
      },
      firstStartingFrom: async (instant: string) => {
        const mine = inPlan(await openPlanId(db));
        return db.events.where('startsAt').aboveOrEqual(instant).and(mine).first();
      },
    } satisfies TimedRepository<'events'>,
    windows: {
      ...windows,
      inRange: async (start: string, end: string) => {
        const mine = inPlan(await openPlanId(db));
        return db.windows
          .where('endsAt')
          .above(start)
          .and((w) => w.startsAt < end && mine(w))
          .toArray();
      },
      firstStartingFrom: async (instant: string) => {
        const mine = inPlan(await openPlanId(db));
        return db.windows.where('startsAt').aboveOrEqual(instant).and(mine).first();
      },
    } satisfies TimedRepository<'windows'>,
    legs: {
      ...legs,
      inRange: async (start: string, end: string) => {
        const mine = inPlan(await openPlanId(db));
        return db.legs
          .where('arrivesAt')
          .above(start)
          .and((l) => l.departsAt < end && mine(l))
          .toArray();
      },
      forVisit: (visitId: string) => db.legs.where('visitId').equals(visitId).sortBy('departsAt'),
      firstDepartingFrom: async (instant: string) => {
        const mine = inPlan(await openPlanId(db));
        return db.legs.where('departsAt').aboveOrEqual(instant).and(mine).first();
      },
    } satisfies LegRepository,
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** The open plan as plain arrays, read in one transaction. */
export async function loadPlan(db: SummitryDb): Promise<Plan> {
  return db.transaction('r', [...TABLE_NAMES.map((n) => db.table(n)), db.meta, db.plans], async () => {
    const planId = await openPlanId(db);
    const entries = await Promise.all(TABLE_NAMES.map(async (n) => [n, await rowsOfPlan(db, n, planId)] as const));
    return Object.fromEntries(entries) as unknown as Plan;
  });
}

/** Validate a whole plan; throws the first record's `ValidationError`. */
export function validatePlan(plan: Plan): Plan {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = plan[name].map((r) => parseEntity(name, r));
  return out as unknown as Plan;
}

export { ENTITIES };
