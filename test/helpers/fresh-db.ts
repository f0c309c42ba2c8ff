import { afterEach } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { seedIfFirstRun } from '../../src/db/seed';
import { SummitryDb } from '../../src/db/schema';

let counter = 0;

/** A new, empty database with its own name, and repositories on a fixed clock. */
export function freshDb(clock = () => '2026-11-28T12:00:00.000Z') {
  const db = new SummitryDb(`test-${Date.now()}-${counter++}`);
  return { db, repos: createRepositories(db, clock) };
}

/** Every row of every table, for before/after comparisons. */
export async function dumpDb(db: SummitryDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The write path's own bookkeeping, left out of `planDump`. */
const BOOKKEEPING = new Set(['history', 'tombstones']);
const STAMPS = new Set(['rev', 'updatedAt', 'updatedBy']);

/**
 * What the plan holds: every row of every table except History and the tombstones, each without
 * the write stamps (`rev`, `updatedAt`, `updatedBy` move on with every write, an undo included).
 */
export async function planDump(db: SummitryDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (BOOKKEEPING.has(table.name)) continue;
    out[table.name] = (await table.toArray()).map((row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !STAMPS.has(k))),
    );
  }
  return out;
}

/**
 * Databases for one test file, each closed after its test: `seeded(now)` opens a fresh one
 * holding the sample plan; `track(db)` closes another one too. Call at the top of the file.
 */
export function dbsPerTest() {
  const opened: SummitryDb[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));
  return {
    track(db: SummitryDb): SummitryDb {
      opened.push(db);
      return db;
    },
    async seeded(now: string): Promise<SummitryDb> {
      const { db } = freshDb();
      opened.push(db);
      await seedIfFirstRun(db, now);
      return db;
    },
  };
}
