/**
 * Boot: open the plan database (in memory if the browser refuses IndexedDB), report an upgrade
 * blocked by other tabs and a database closed by a newer tab, and ask for persistent storage.
 * Only in the test build (`vite build --mode faults`, into dist-faults/), `?faults=1` in the
 * address installs the write-fault hook for browser tests as `window.__summitryFaults`; the
 * production build contains none of it (FAULTS_BUILD is the constant false there).
 */
import { db, FAULTS_BUILD, openPlanDatabase, seedIfFirstRun, type FaultControl } from '../db';
import { requestPersistence } from '../features/storage/storage-api';
import { useStatusStore } from '../store/status-store';

declare global {
  interface Window {
    __summitryFaults?: FaultControl;
  }
}

let bootSeed: Promise<boolean> | undefined;

/**
 * The first-run seed `startApp` began as soon as the database opened (once; later calls get
 * undefined). The app awaits it to report a failure, and seeds itself when there is none.
 */
export function takeBootSeed(): Promise<boolean> | undefined {
  const seed = bootSeed;
  bootSeed = undefined;
  return seed;
}

let starting: Promise<void> | undefined;

/**
 * Boot once: main.tsx begins it before React's first render, so the database opens while the
 * page renders; the Startup screen waits for the same promise (later calls share it).
 */
export function startApp(): Promise<void> {
  starting ??= boot();
  return starting;
}

async function boot(): Promise<void> {
  const status = useStatusStore.getState();
  const outcome = await openPlanDatabase({
    onBlocked: () => status.setDbNotice('blocked'),
    onVersionChange: () => status.setDbNotice('closed'),
    faults: FAULTS_BUILD && new URLSearchParams(window.location.search).get('faults') === '1',
  });
  // The sample plan is written while the app renders and its first view's code arrives.
  bootSeed = seedIfFirstRun(db);
  bootSeed.catch(() => undefined);
  if (useStatusStore.getState().dbNotice === 'blocked') status.setDbNotice(null);
  status.setStorage(outcome.mode, outcome.problem ?? null);
  if (FAULTS_BUILD && outcome.faults) window.__summitryFaults = outcome.faults;
  void requestPersistence().then(status.setPersisted);
}
