/** The import dialog's list of automatic backups (kept before each replace): restore or download one. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { downloadTextFile } from '../../components/download';
import { db, describeFailure } from '../../db';
import { listBackups, readBackupData, restoreAutomaticBackup } from '../../db/io';
import { undoOffer } from '../../db/undo-offer';
import { APP_VERSION } from '../../domain/model';
import { formatLocalDateTime } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { fileBaseName } from './files';

/** The automatic backups kept before each replace: restore one, or download it. */
export function AutomaticBackups({ onDone }: { onDone: () => void }) {
  const backups = useLiveQuery(() => listBackups(db), [], null);
  const zone = useUiStore((s) => s.displayZone);
  const present = useUndoStore((s) => s.present);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!backups || backups.length === 0) return null;
  return (
    <section className="io-backups" aria-labelledby="io-backups-heading">
      <h3 id="io-backups-heading">Automatic backups</h3>
      <p className="io-hint">Saved before each replace; the newest ten are kept in this browser.</p>
      <ul>
        {backups.map((b) => (
          <li key={b.id}>
            <span>
              <strong>{b.planName ?? 'Plan'}</strong> — {formatLocalDateTime(b.createdAt, zone)}. {b.reason}.
            </span>
            {confirm === b.id ? (
              <span className="io-inline">
                <span>Replace your plan with this backup?</span>
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={async () => {
                    setBusy(true);
                    const result = await restoreAutomaticBackup(db, b.id, {
                      now: new Date().toISOString(),
                      appVersion: APP_VERSION,
                    }).catch((err: unknown) => ({ ok: false as const, errors: [describeFailure(err)] }));
                    setBusy(false);
                    if (!result.ok) setError(`Could not restore: ${result.errors.join(' ')} Nothing was changed.`);
                    else {
                      present(
                        undoOffer(
                          result.result.entry,
                          'The automatic backup was restored; the plan it replaced was saved as a new automatic backup.',
                        ),
                      );
                      onDone();
                    }
                  }}
                >
                  Restore
                </button>
                <button type="button" onClick={() => setConfirm(null)}>
                  Keep my plan
                </button>
              </span>
            ) : (
              <span className="io-inline">
                <button
                  type="button"
                  onClick={() => setConfirm(b.id)}
                  aria-label={`Restore the backup of ${formatLocalDateTime(b.createdAt, zone)}`}
                >
                  Restore…
                </button>
                <button
                  type="button"
                  aria-label={`Download the backup of ${formatLocalDateTime(b.createdAt, zone)}`}
                  onClick={async () => {
                    const data = await readBackupData(db, b.id);
                    if (data)
                      downloadTextFile(
                        `${fileBaseName(b.planName ?? 'backup', b.createdAt)}-automatic.json`,
                        data,
                        'application/json',
                      );
                  }}
                >
                  Download
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="save-error">
          {error}
        </p>
      )}
    </section>
  );
}
