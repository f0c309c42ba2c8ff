/**
 * The Dexie database: one table per plan entity, plus `meta` (plan name, seed marker, settings).
 * Each schema change is a new entry in VERSIONS with its upgrade; a shipped version is never
 * edited. `openOlderSchema` opens the database as an earlier version for migration tests.
 */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type {
  Acceptance,
  HistoryEntry,
  Leg,
  Participant,
  Place,
  PlanEvent,
  PlanRecord,
  PlanWindow,
  Scenario,
  Tombstone,
  Visit,
} from '../domain/model';

export const DB_NAME = 'summitry';

export interface MetaRow {
  key: string;
  value: unknown;
}

export type AcceptanceRow = Acceptance;

export interface BackupRow {
  id: string;
  createdAt: string;
  reason: string;
  /** The plan as JSON text in the backup format. */
  data: string;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** 2026-11-28: first schema. */
const V1: SchemaVersion = {
  version: 1,
  stores: {
    places: 'id, name, cityId',
    participants: 'id',
    events: 'id, startsAt, endsAt, visitId, *participantIds, placeId, kind, status',
    visits: 'id, status, guestId',
    legs: 'id, departsAt, arrivesAt, visitId, *participantIds, fromPlaceId, toPlaceId',
    windows: 'id, startsAt, endsAt, kind',
    scenarios: 'id',
    /** Conflicts marked accepted: id is the conflict id; the note and the items' revisions at the time. */
    acceptances: 'id, acceptedAt',
    /** Automatic backups (the plan as it was before a replace-import or a reset). */
    backups: 'id, createdAt',
    meta: 'key',
  },
};

/** The tables whose rows carry a revision `rev` from version 2 on. */
const REVISIONED_V2 = ['places', 'participants', 'events', 'visits', 'legs', 'windows', 'scenarios'] as const;

/**
 * 2026-12-01: a per-item revision `rev` (1 for every existing row; the repositories add 1 on
 * each write and refuse a save made against a stale revision). No index: rev is read by id.
 */
const V2: SchemaVersion = {
  version: 2,
  stores: {},
  upgrade: async (tx) => {
    for (const name of REVISIONED_V2) {
      await tx
        .table(name)
        .toCollection()
        .modify((row: { rev?: unknown }) => {
          if (typeof row.rev !== 'number') row.rev = 1;
        });
    }
  },
};

/**
 * Version 3: events and legs keep only the indexes a query reads (time and visit). Every put
 * writes every index: on events the four unread ones (participants, place, kind, status; five
 * entries a record) took about a quarter of Chromium's IndexedDB work in a 5,000-item import.
 * Filters by those fields run on records in memory. No upgrade: IndexedDB drops the indexes.
 */
const V3: SchemaVersion = {
  version: 3,
  stores: {
    events: 'id, startsAt, endsAt, visitId',
    legs: 'id, departsAt, arrivesAt, visitId',
  },
};

/**
 * Version 4: one write path with history (src/db/commands.ts). `history` holds one entry per
 * command (when, device, label, each record's before and after), indexed by time and by the
 * `table/id` of every record it changed; `tombstones` holds each deleted record (keyed
 * `table/id`, with `deletedAt` and the record as it was), so a delete can be undone or restored
 * and a later sync can carry it. Deleted records leave their table, so no read ever sees them.
 * No upgrade: both tables start empty and every existing row is kept as it is.
 */
const V4: SchemaVersion = {
  version: 4,
  stores: {
    history: 'id, at, *itemKeys',
    tombstones: 'id, deletedAt',
  },
};

/** The first plan's id: the plan an upgraded database's records go into, and the first run's. */
export const DEFAULT_PLAN_ID = 'plan-1';
/** The `meta` key holding the open plan's id (remembered across reloads). */
export const OPEN_PLAN_KEY = 'openPlanId';
/** The `meta` key of the plan's name before version 5 (the upgrade names the first plan after it). */
const LEGACY_PLAN_NAME_KEY = 'planName';
/** The tables whose rows belong to one plan (`planId`) from version 5 on. */
export const PLAN_SCOPED_TABLES = [...REVISIONED_V2, 'acceptances', 'history', 'tombstones'] as const;

/**
 * Version 5: several plans. A `plans` table (id, name, createdAt, …) and `planId` on every
 * record of the plan's tables, acceptances, history entries and tombstones, indexed. The upgrade
 * makes one plan named after the plan's name (meta `planName`), puts every existing row into it
 * unchanged otherwise, and opens it.
 */
const V5: SchemaVersion = {
  version: 5,
  stores: {
    plans: 'id, createdAt',
    places: 'id, name, cityId, planId',
    participants: 'id, planId',
    events: 'id, startsAt, endsAt, visitId, planId',
    visits: 'id, status, guestId, planId',
    legs: 'id, departsAt, arrivesAt, visitId, planId',
    windows: 'id, startsAt, endsAt, kind, planId',
    scenarios: 'id, planId',
    acceptances: 'id, acceptedAt, planId',
    history: 'id, at, *itemKeys, planId',
    tombstones: 'id, deletedAt, planId',
  },
  upgrade: async (tx) => {
    const named = (await tx.table('meta').get(LEGACY_PLAN_NAME_KEY)) as MetaRow | undefined;
    const seeded = (await tx.table('meta').get('seededAt')) as MetaRow | undefined;
    const now = new Date().toISOString();
    const name = typeof named?.value === 'string' && named.value.trim() ? named.value.trim().slice(0, 300) : '';
    await tx.table('plans').put({
      id: DEFAULT_PLAN_ID,
      name: name || 'Untitled plan',
      createdAt: typeof seeded?.value === 'string' ? seeded.value : now,
      rev: 1,
      updatedAt: now,
    });
    for (const table of PLAN_SCOPED_TABLES) {
      await tx
        .table(table)
        .toCollection()
        .modify((row: { planId?: unknown }) => {
          if (typeof row.planId !== 'string') row.planId = DEFAULT_PLAN_ID;
        });
    }
    await tx.table('meta').put({ key: OPEN_PLAN_KEY, value: DEFAULT_PLAN_ID });
  },
};

export const VERSIONS: readonly SchemaVersion[] = [V1, V2, V3, V4, V5];
export const CURRENT_VERSION = VERSIONS[VERSIONS.length - 1]!.version;

export class SummitryDb extends Dexie {
  places!: Table<Place, string>;
  participants!: Table<Participant, string>;
  events!: Table<PlanEvent, string>;
  visits!: Table<Visit, string>;
  legs!: Table<Leg, string>;
  windows!: Table<PlanWindow, string>;
  scenarios!: Table<Scenario, string>;
  acceptances!: Table<AcceptanceRow, string>;
  backups!: Table<BackupRow, string>;
  meta!: Table<MetaRow, string>;
  history!: Table<HistoryEntry, string>;
  tombstones!: Table<Tombstone, string>;
  plans!: Table<PlanRecord, string>;

  /** `options` can hand Dexie another IndexedDB implementation (the in-memory fallback). */
  constructor(name: string = DB_NAME, upTo: number = CURRENT_VERSION, options?: DexieOptions) {
    super(name, options);
    for (const v of VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

/** Open the database `name` as schema version `version` (for migration tests and fixtures). */
export function openOlderSchema(name: string, version: number): SummitryDb {
  if (!VERSIONS.some((v) => v.version === version)) throw new RangeError(`No schema version ${version}`);
  return new SummitryDb(name, version);
}
