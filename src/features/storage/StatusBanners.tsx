import { useState } from 'react';
import { useBackupTimes } from '../../db/status-hooks';
import { backupReminder, formatPercent, storageLevel } from '../../domain/storage';
import { useStatusStore } from '../../store/status-store';
import { StoragePanel } from './StoragePanel';
import { downloadBackup, useStorageEstimate } from './use-storage';
import './storage.css';

const reload = () => window.location.reload();

/**
 * What the user must know about the app itself, above the views: memory-only storage (stays),
 * an upgrade waiting on other tabs, a database closed by another tab, a new version, nearly full
 * storage, and a backup more than a week old. Also hosts the Storage panel.
 */
export function StatusBanners() {
  const mode = useStatusStore((s) => s.storageMode);
  const problem = useStatusStore((s) => s.storageProblem);
  const dbNotice = useStatusStore((s) => s.dbNotice);
  const update = useStatusStore((s) => s.update);
  const applyUpdate = useStatusStore((s) => s.applyUpdate);
  const pendingReload = useStatusStore((s) => s.pendingReload);
  const requestReload = useStatusStore((s) => s.requestReload);
  const panelOpen = useStatusStore((s) => s.storagePanelOpen);
  const openPanel = useStatusStore((s) => s.setStoragePanelOpen);
  const times = useBackupTimes();
  const { estimate } = useStorageEstimate();
  const [reminderDismissed, setReminderDismissed] = useState(false);
  const level = storageLevel(estimate?.usage, estimate?.quota);
  const reminder = times ? backupReminder(times.lastBackupAt, times.since, new Date().toISOString()) : null;

  const waiting = pendingReload && (
    <span className="banner-note"> Summitry will reload as soon as you save or cancel the item you are editing.</span>
  );

  return (
    <div className="status-banners">
      {mode === 'memory' && (
        <div role="alert" className="banner error status-banner">
          <span>
            <strong>Your plan is only in memory.</strong> This browser would not let Summitry store data
            {problem ? ` (the browser said: “${problem}”)` : ''}, perhaps because of a private window. Everything is
            lost when you close this tab: export the plan to keep it.
          </span>
          <button type="button" onClick={() => void downloadBackup()}>
            Export the plan (.json)
          </button>
        </div>
      )}
      {dbNotice === 'blocked' && (
        <div role="alert" className="banner warning status-banner">
          <span>Close other Summitry tabs to finish the upgrade. Summitry is waiting for them.</span>
        </div>
      )}
      {dbNotice === 'closed' && (
        <div role="alert" className="banner warning status-banner">
          <span>
            Summitry was upgraded in another tab, so this tab can no longer save. Reload it to continue.
            {waiting}
          </span>
          <button type="button" onClick={() => requestReload(reload)} disabled={!!pendingReload}>
            Reload
          </button>
        </div>
      )}
      {update === 'ready' && dbNotice !== 'closed' && (
        <div role="status" className="banner info status-banner">
          <span>
            A new version of Summitry is ready.
            {waiting}
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => requestReload(applyUpdate ?? reload)}
            disabled={!!pendingReload}
          >
            Reload
          </button>
        </div>
      )}
      {update === 'elsewhere' && dbNotice !== 'closed' && (
        <div role="status" className="banner info status-banner">
          <span>
            Summitry was updated in another tab. Reload this tab to use the new version.
            {waiting}
          </span>
          <button type="button" onClick={() => requestReload(reload)} disabled={!!pendingReload}>
            Reload
          </button>
        </div>
      )}
      {level.nearlyFull && (
        <div role="alert" className="banner warning status-banner">
          <span>
            Storage is {formatPercent(level.fraction ?? 0)} full. Saving may soon fail: download a backup and free some
            disk space.
          </span>
          <button type="button" onClick={() => openPanel(true)}>
            Storage details
          </button>
        </div>
      )}
      {mode === 'indexeddb' && reminder?.due && !reminderDismissed && (
        <div role="status" className="banner info status-banner">
          <span>
            {reminder.never
              ? `You have not downloaded a backup of this plan in the ${reminder.days} days since it was started.`
              : `Your last backup is ${reminder.days} days old.`}{' '}
            A backup keeps the plan safe if this browser’s data is cleared.
          </span>
          <button type="button" className="primary" onClick={() => void downloadBackup()}>
            Download a backup
          </button>
          <button type="button" onClick={() => setReminderDismissed(true)}>
            Later
          </button>
        </div>
      )}
      {panelOpen && <StoragePanel onClose={() => openPanel(false)} />}
    </div>
  );
}
