/**
 * The app's one database and its repositories. `db` and `repos` are live bindings: when the
 * browser refuses IndexedDB (some private modes), `openPlanDatabase` replaces them, before the
 * app renders, with the same schema on an in-memory IndexedDB, and says so.
 */
import type { FaultControl } from './faults';
import { createRepositories } from './repositories';
import { prefetchSamplePlan } from './sample-data';
import { CURRENT_VERSION, SummitryDb } from './schema';

export let db = new SummitryDb();
export let repos = createRepositories(db);

export type StorageMode = 'indexeddb' | 'memory';

export interface OpenOutcome {
  mode: StorageMode;
  /** Why IndexedDB could not be used (memory mode only). */
  problem?: string;
  /** The fault-injection control, when asked for (tests only). */
  faults?: FaultControl;
}

export interface OpenHooks {
  /** An upgrade waits for other tabs that still hold the old version open. */
  onBlocked?: () => void;
  /** Another tab upgraded or deleted the database: this tab's connection is now closed. */
  onVersionChange?: () => void;
  /** Install the fault-injection middleware (browser tests). */
  faults?: boolean;
}

const MEMORY_DB_NAME = 'summitry-memory';

/**
 * Fault injection exists only in the test build (`vite build --mode faults`, into dist-faults/):
 * in a production build this is the constant false, and the fault module is never bundled.
 */
export const FAULTS_BUILD = import.meta.env.MODE === 'faults';

function watch(target: SummitryDb, hooks: OpenHooks) {
  target.on('blocked', () => hooks.onBlocked?.());
  target.on('versionchange', () => {
    // Close at once so the other tab's upgrade is never blocked by this one; writes here now fail
    // with DatabaseClosedError (and the editor keeps the edit) until the user reloads.
    target.close();
    hooks.onVersionChange?.();
    return false;
  });
}

async function openMemoryDb(hooks: OpenHooks, faults: FaultControl | undefined): Promise<SummitryDb> {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const memory = new SummitryDb(MEMORY_DB_NAME, CURRENT_VERSION, { indexedDB: new IDBFactory(), IDBKeyRange });
  watch(memory, hooks);
  if (FAULTS_BUILD && faults) (await import('./faults')).installFaults(memory, faults);
  await memory.open();
  return memory;
}

async function open(hooks: OpenHooks): Promise<OpenOutcome> {
  watch(db, hooks);
  // A database created by this open is a first run: the sample's chunk is fetched while it opens.
  db.on('populate', prefetchSamplePlan);
  const faults = FAULTS_BUILD && hooks.faults ? (await import('./faults')).installFaults(db) : undefined;
  try {
    await db.open();
    return { mode: 'indexeddb', ...(faults ? { faults } : {}) };
  } catch (err) {
    const problem = err instanceof Error ? err.message || err.name : String(err);
    db.close();
    db = await openMemoryDb(hooks, faults);
    repos = createRepositories(db);
    return { mode: 'memory', problem, ...(faults ? { faults } : {}) };
  }
}

let opening: Promise<OpenOutcome> | undefined;

/** Open the plan database once (later calls share the first); falls back to memory if IndexedDB fails. */
export function openPlanDatabase(hooks: OpenHooks = {}): Promise<OpenOutcome> {
  opening ??= open(hooks);
  return opening;
}

export { SummitryDb } from './schema';
export { loadPlan } from './repositories';
export { seedIfFirstRun, resetSamplePlan, PLAN_NAME_KEY } from './seed';
export { StaleEditError, describeFailure, describeWriteError, failureMessage, isQuotaError } from './errors';
export { makeBackup, recordBackup, backupTimes, LAST_BACKUP_KEY, type UnsavedRecord } from './backup';
export type { FaultControl } from './faults';
