/**
 * Boot: open the plan database (in memory if the browser refuses IndexedDB), report an upgrade
 * blocked by other tabs and a database closed by a newer tab, and ask for persistent storage.
 * `?faults=1` in the address installs the write-fault hook for browser tests as
 * `window.__summitryFaults`; without it nothing of that is loaded.
 */
import { openPlanDatabase, type FaultControl } from '../db';
import { requestPersistence } from '../features/storage/storage-api';
import { useStatusStore } from '../store/status-store';

declare global {
  interface Window {
    __summitryFaults?: FaultControl;
  }
}

export async function startApp(): Promise<void> {
  const status = useStatusStore.getState();
  const outcome = await openPlanDatabase({
    onBlocked: () => status.setDbNotice('blocked'),
    onVersionChange: () => status.setDbNotice('closed'),
    faults: new URLSearchParams(window.location.search).get('faults') === '1',
  });
  if (useStatusStore.getState().dbNotice === 'blocked') status.setDbNotice(null);
  status.setStorage(outcome.mode, outcome.problem ?? null);
  if (outcome.faults) window.__summitryFaults = outcome.faults;
  void requestPersistence().then(status.setPersisted);
}
