import { Dialog } from '../../components/Dialog';
import { useBackupTimes } from '../../db/status-hooks';
import { formatBytes, formatPercent, storageLevel, backupReminder } from '../../domain/storage';
import { formatLocalDateTime } from '../../domain/time';
import { useStatusStore } from '../../store/status-store';
import { useUiStore } from '../../store/ui-store';
import { requestPersistence } from './storage-api';
import { downloadBackup, useStorageEstimate } from './use-storage';

/** Where the plan is kept and how safe it is: persistence, usage and quota, backups, offline. */
export function StoragePanel({ onClose }: { onClose: () => void }) {
  const mode = useStatusStore((s) => s.storageMode);
  const problem = useStatusStore((s) => s.storageProblem);
  const persisted = useStatusStore((s) => s.persisted);
  const setPersisted = useStatusStore((s) => s.setPersisted);
  const offlineReady = useStatusStore((s) => s.offlineReady);
  const displayZone = useUiStore((s) => s.displayZone);
  const times = useBackupTimes();
  const { estimate, refresh } = useStorageEstimate(10_000);
  const level = storageLevel(estimate?.usage, estimate?.quota);
  const reminder = times ? backupReminder(times.lastBackupAt, times.since, new Date().toISOString()) : null;

  return (
    <Dialog title="Storage" onClose={onClose}>
      <dl className="storage-facts">
        <dt>Where your plan is kept</dt>
        <dd>
          {mode === 'memory' ? (
            <strong className="storage-bad">
              In memory only: this browser refused its storage{problem ? ` (${problem})` : ''}. Everything is lost when
              this tab closes.
            </strong>
          ) : (
            'In this browser’s storage (IndexedDB), on this device only. Nothing is sent anywhere.'
          )}
        </dd>
        <dt>Persistent storage</dt>
        <dd>
          {persisted === true && '✓ Granted: the browser will not clear Summitry’s data to free space.'}
          {persisted === false && (
            <>
              ✗ Not granted: the browser may clear Summitry’s data when the disk runs low. Keep backups.{' '}
              <button type="button" className="link" onClick={() => void requestPersistence().then(setPersisted)}>
                Ask again
              </button>
            </>
          )}
          {persisted === null && 'Unknown: this browser does not say.'}
        </dd>
        <dt>Used</dt>
        <dd>
          {estimate?.usage !== undefined && estimate.quota ? (
            <>
              <span>
                {formatBytes(estimate.usage)} of {formatBytes(estimate.quota)} ({formatPercent(level.fraction ?? 0)})
              </span>
              <meter
                className="storage-meter"
                min={0}
                max={1}
                low={0.6}
                high={0.8}
                optimum={0}
                value={level.fraction ?? 0}
                aria-label="Storage used"
              />
            </>
          ) : (
            'Unknown: this browser gives no estimate.'
          )}
        </dd>
        <dt>Last backup</dt>
        <dd>
          {!times ? 'Reading…' : times.lastBackupAt ? formatLocalDateTime(times.lastBackupAt, displayZone) : 'Never'}
          {reminder?.due && ' — a backup is due.'}
        </dd>
        <dt>Offline</dt>
        <dd>
          {offlineReady
            ? '✓ Ready: Summitry opens and works with no network.'
            : 'Not yet: open Summitry once more while online.'}
        </dd>
      </dl>
      {level.nearlyFull && (
        <p role="alert" className="storage-warning">
          ⚠ Storage is {formatPercent(level.fraction ?? 0)} full. Saving may soon fail: download a backup and free some
          disk space.
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void downloadBackup().then(refresh)}>
          Download a backup (.json)
        </button>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
