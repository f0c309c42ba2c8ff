import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { db } from '../../db';
import {
  applyImport,
  listBackups,
  modeRefusal,
  previewImport,
  readBackupData,
  restoreAutomaticBackup,
  type ImportMode,
  type ImportPreview,
} from '../../db/io';
import { undoOffer } from '../../db/undo-offer';
import { decryptBackup } from '../../domain/files';
import type { MergeCounts, SummaryTable } from '../../domain/files';
import { SUMMARY_TABLES } from '../../domain/files';
import { detectFileKind, IMPORT_LIMITS, restoreFile, type Restored } from '../../domain/files';
import { formatLocalDateTime } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';
import { useUndoStore } from '../../store/undo-store';
import { APP_VERSION, countOf, verbOf } from '../../domain/model';
import { downloadTextFile } from '../../components/download';
import { fileBaseName, readFileText } from './files';
import { latestPerFrame } from './per-frame';

type Stage =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string; loaded: number; total: number }
  | { step: 'passphrase'; fileName: string; text: string; error?: string; busy?: boolean }
  | { step: 'refused'; fileName: string; errors: string[] }
  | { step: 'review'; fileName: string; restored: Restored }
  | { step: 'writing'; fileName: string; written: number; total: number };

const TABLE_WORDS: Record<SummaryTable, [one: string, many: string]> = {
  places: ['place', 'places'],
  participants: ['participant', 'participants'],
  events: ['event', 'events'],
  visits: ['visit', 'visits'],
  legs: ['leg', 'legs'],
  windows: ['window', 'windows'],
  scenarios: ['scenario', 'scenarios'],
  acceptances: ['accepted conflict', 'accepted conflicts'],
};
const plural = (n: number, table: SummaryTable) => countOf(n, ...TABLE_WORDS[table]);
const count = countOf;
/** For the benchmark: the write's duration as a performance entry (where the API exists). */
function markWriteTime(start: number) {
  try {
    performance.measure('summitry:import-write', { start, end: performance.now() });
  } catch {
    /* not measured; the import itself succeeded */
  }
}
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Import…: choose or drop a file, see what it holds and what it will change, then confirm. */
export function ImportDialog({ initialFile, onClose }: { initialFile?: File; onClose: () => void }) {
  const displayZone = useUiStore((s) => s.displayZone);
  const present = useUndoStore((s) => s.present);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const inputId = useId();
  const started = useRef(false);

  const accept = useCallback(
    (fileName: string, text: string) => {
      const result = restoreFile(text, { displayZone, now: new Date().toISOString() });
      if (!result.ok) setStage({ step: 'refused', fileName, errors: result.errors });
      else setStage({ step: 'review', fileName, restored: result.restored });
    },
    [displayZone],
  );

  const openFile = useCallback(
    async (file: File) => {
      if (file.size > IMPORT_LIMITS.maxFileBytes) {
        setStage({
          step: 'refused',
          fileName: file.name,
          errors: [
            `The file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB); the limit is ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`,
          ],
        });
        return;
      }
      setStage({ step: 'reading', fileName: file.name, loaded: 0, total: file.size });
      let text: string;
      try {
        text = await readFileText(file, (loaded, total) =>
          setStage({ step: 'reading', fileName: file.name, loaded, total }),
        );
      } catch (err) {
        setStage({ step: 'refused', fileName: file.name, errors: [`The file could not be read: ${errorText(err)}`] });
        return;
      }
      await nextFrame();
      if (detectFileKind(text) === 'encrypted') setStage({ step: 'passphrase', fileName: file.name, text });
      else accept(file.name, text);
    },
    [accept],
  );

  useEffect(() => {
    if (initialFile && !started.current) {
      started.current = true;
      void openFile(initialFile);
    }
  }, [initialFile, openFile]);

  const write = async (restored: Restored, mode: ImportMode, fileName: string) => {
    const total = restored.recordCount;
    setStage({ step: 'writing', fileName, written: 0, total });
    const now = new Date().toISOString();
    const progress = latestPerFrame((written: number, all: number) =>
      setStage({ step: 'writing', fileName, written, total: all }),
    );
    const t0 = performance.now();
    try {
      const result = await applyImport(db, restored, mode, {
        now,
        appVersion: APP_VERSION,
        reason: `Before importing ${fileName}`,
        fileName,
        onProgress: progress.push,
      });
      markWriteTime(t0);
      progress.cancel();
      onClose();
      const t = result.summary.total;
      // Undo is the History entry's: it returns the plan exactly to how it was before the import.
      present(
        undoOffer(
          result.entry,
          mode === 'replace'
            ? `Plan replaced with ${fileName} (${count(t.add, 'item')}). Your previous plan was saved as an automatic backup.`
            : `Imported ${fileName}: ${t.add.toLocaleString('en')} added, ${t.update.toLocaleString('en')} updated, ${t.unchanged.toLocaleString('en')} unchanged.`,
        ),
      );
    } catch (err) {
      progress.cancel();
      setStage({ step: 'refused', fileName, errors: [`The import failed and nothing was changed: ${errorText(err)}`] });
    }
  };

  const busy = stage.step === 'writing' || stage.step === 'reading' || (stage.step === 'passphrase' && stage.busy);
  return (
    <Dialog title="Import" onClose={busy ? () => undefined : onClose}>
      <div className="io-dialog">
        {stage.step === 'choose' && (
          <>
            <p>
              Import a Summitry backup (<code>.json</code>, plain or encrypted) or a calendar file (<code>.ics</code>)
              from Google Calendar, Outlook or Apple Calendar. Nothing is written until you have seen what the file
              holds and confirmed.
            </p>
            <p className="io-hint">
              Repeating events in a calendar file are imported for their occurrences from one year before today to two
              years after it.
            </p>
            <label className="io-dropzone" htmlFor={inputId}>
              <span>Drop a file anywhere on the page, or</span>
              <span className="io-choose">Choose a file…</span>
              <input
                id={inputId}
                type="file"
                accept=".json,.ics,.ical,.ifb,.icalendar,application/json,text/calendar"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void openFile(file);
                }}
              />
            </label>
            <AutomaticBackups onDone={onClose} />
            <div className="actions">
              <span className="spacer" />
              <button type="button" onClick={onClose}>
                Cancel
              </button>
            </div>
          </>
        )}

        {stage.step === 'reading' && (
          <div role="status">
            <p>
              Reading <strong>{stage.fileName}</strong>…
            </p>
            <progress max={stage.total || 1} value={stage.loaded} aria-label="Reading the file" />
          </div>
        )}

        {stage.step === 'passphrase' && (
          <PassphraseForm
            stage={stage}
            onCancel={onClose}
            onSubmit={async (passphrase) => {
              setStage({ ...stage, busy: true, error: undefined });
              await nextFrame();
              const opened = await decryptBackup(stage.text, passphrase);
              if (!opened.ok) setStage({ ...stage, busy: false, error: opened.error });
              else accept(stage.fileName, opened.plaintext);
            }}
          />
        )}

        {stage.step === 'refused' && (
          <>
            <div role="alert" className="io-refused">
              <p>
                <strong>{stage.fileName}</strong> cannot be imported. Nothing was changed.
              </p>
              <ul>
                {stage.errors.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </div>
            <div className="actions">
              <button type="button" onClick={() => setStage({ step: 'choose' })}>
                Choose another file
              </button>
              <span className="spacer" />
              <button type="button" onClick={onClose}>
                Close
              </button>
            </div>
          </>
        )}

        {stage.step === 'review' && (
          <Review
            fileName={stage.fileName}
            restored={stage.restored}
            onCancel={onClose}
            onConfirm={(mode) => write(stage.restored, mode, stage.fileName)}
          />
        )}

        {stage.step === 'writing' && (
          <div role="status">
            <p>
              Writing {count(stage.written, 'record')} of {stage.total.toLocaleString('en')}…
            </p>
            <progress max={stage.total || 1} value={stage.written} aria-label="Writing the import" />
          </div>
        )}
      </div>
    </Dialog>
  );
}

function PassphraseForm({
  stage,
  onSubmit,
  onCancel,
}: {
  stage: Extract<Stage, { step: 'passphrase' }>;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const id = useId();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(passphrase);
      }}
    >
      <p>
        <strong>{stage.fileName}</strong> is an encrypted backup. Enter the passphrase it was saved with.
      </p>
      <div className="field">
        <label htmlFor={id}>Passphrase</label>
        <input
          id={id}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          required
        />
      </div>
      {stage.error && (
        <p role="alert" className="save-error">
          {stage.error}
        </p>
      )}
      {stage.busy && <p role="status">Decrypting…</p>}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onCancel} disabled={stage.busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={stage.busy || passphrase.length === 0}>
          Decrypt
        </button>
      </div>
    </form>
  );
}

function describeFile(r: Restored, zone: string): string {
  if (r.source === 'calendar') return `Calendar file${r.planName ? ` “${r.planName}”` : ''}`;
  const when = r.exportedAt ? `, exported ${formatLocalDateTime(r.exportedAt, zone)}` : '';
  const scope = r.scope?.kind === 'visit' ? ' — one visit' : '';
  return `Summitry backup of “${r.planName}”${scope} (format ${r.formatVersion}, Summitry ${r.appVersion}${when})`;
}

function countsLine(counts: MergeCounts): string {
  const parts = [
    `${counts.add.toLocaleString('en')} to add`,
    `${counts.update.toLocaleString('en')} to update`,
    `${counts.unchanged.toLocaleString('en')} unchanged`,
  ];
  if (counts.keep) parts.push(`${counts.keep.toLocaleString('en')} kept (your copy is newer)`);
  return parts.join(', ');
}

function Review({
  fileName,
  restored,
  onConfirm,
  onCancel,
}: {
  fileName: string;
  restored: Restored;
  onConfirm: (mode: ImportMode) => void;
  onCancel: () => void;
}) {
  const displayZone = useUiStore((s) => s.displayZone);
  const canReplace = !modeRefusal(restored, 'replace');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);

  useEffect(() => {
    let live = true;
    setPreview(null);
    setPreviewError(null);
    previewImport(db, restored, mode).then(
      (p) => live && setPreview(p),
      (err: unknown) => live && setPreviewError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [restored, mode]);

  const inFile = SUMMARY_TABLES.map(
    (t) => [t, t === 'acceptances' ? restored.acceptances.length : restored.plan[t].length] as const,
  ).filter(([, n]) => n > 0);
  const changes = preview ? preview.summary.total.add + preview.summary.total.update : 0;
  const skipped = restored.skipped;
  return (
    <div className="io-review">
      <p>
        <strong>{fileName}</strong>: {describeFile(restored, displayZone)}.
      </p>
      <p>
        It holds {inFile.length ? inFile.map(([t, n]) => plural(n, t)).join(', ') : 'nothing that can be imported'}.
      </p>

      {skipped.length > 0 && (
        <div className="io-skipped" role="alert">
          <p>
            <strong>{count(skipped.length, 'event')} cannot be read and will be left out:</strong>
          </p>
          <ul>
            {skipped.slice(0, 20).map((s, i) => (
              <li key={i}>
                {s.label}: {s.reason}.
              </li>
            ))}
            {skipped.length > 20 && <li>…and {skipped.length - 20} more.</li>}
          </ul>
        </div>
      )}

      {restored.notes.length > 0 && (
        <ul className="io-notes" aria-label="Notes on this file">
          {restored.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}

      {canReplace && (
        <fieldset className="io-modes">
          <legend>How to import</legend>
          <label className="check">
            <input
              type="radio"
              name="mode"
              value="merge"
              checked={mode === 'merge'}
              onChange={() => setMode('merge')}
            />
            Merge into my plan: add what is new, update what the file has edited more recently
          </label>
          <label className="check">
            <input
              type="radio"
              name="mode"
              value="replace"
              checked={mode === 'replace'}
              onChange={() => setMode('replace')}
            />
            Replace my plan with this backup
          </label>
        </fieldset>
      )}

      <div className="io-summary" role="status" aria-live="polite">
        {!preview && !previewError && <p>Comparing with your plan…</p>}
        {previewError && <p className="save-error">{previewError}</p>}
        {preview && mode === 'merge' && (
          <>
            <p>
              <strong>What will change:</strong> {countsLine(preview.summary.total)}.
            </p>
            <table className="io-table">
              <caption className="visually-hidden">Changes by kind of record</caption>
              <thead>
                <tr>
                  <th scope="col">Records</th>
                  <th scope="col">Add</th>
                  <th scope="col">Update</th>
                  <th scope="col">Unchanged</th>
                  <th scope="col">Kept</th>
                </tr>
              </thead>
              <tbody>
                {SUMMARY_TABLES.filter((t) => Object.values(preview.summary.tables[t]).some((n) => n > 0)).map((t) => {
                  const c = preview.summary.tables[t];
                  return (
                    <tr key={t}>
                      <th scope="row">{TABLE_WORDS[t][1]}</th>
                      <td>{c.add}</td>
                      <td>{c.update}</td>
                      <td>{c.unchanged}</td>
                      <td>{c.keep}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
        {preview && mode === 'replace' && (
          <p>
            <strong>What will change:</strong> the {count(preview.replacedCount, 'record')} in your plan{' '}
            {verbOf(preview.replacedCount, 'is', 'are')} replaced by the file’s{' '}
            {count(preview.summary.total.add, 'record')}. Your current plan is saved first as an automatic backup
            (Import… lists it, to restore).
          </p>
        )}
        {preview && preview.dangling.length > 0 && (
          <details className="io-dangling">
            <summary>
              {count(preview.dangling.length, 'item')} {verbOf(preview.dangling.length, 'refers', 'refer')} to things
              not in the file or your plan
            </summary>
            <p className="io-hint">
              These items name a place, person, visit or window by its code, and neither this file nor your plan has a
              record with that code (a calendar file from another app, or one visit exported on its own, often leaves
              them out). They are imported anyway, with the code kept: where a name is missing the code is shown
              instead. Nothing else is added or changed for them. To fill the gaps, import a backup that has those
              records, or open the items and choose a place and people from your plan.
            </p>
            <ul>
              {preview.dangling.slice(0, 20).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </details>
        )}
      </div>

      {confirmReplace && (
        <p role="alert" className="io-confirm">
          Replace everything in your plan with {fileName}? Your current plan is kept as an automatic backup.
        </p>
      )}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {mode === 'merge' && (
          <button
            type="button"
            className="primary"
            disabled={!preview || changes === 0}
            onClick={() => onConfirm('merge')}
          >
            {preview && changes === 0
              ? 'Nothing new to import'
              : skipped.length > 0
                ? `Import the other ${count(restored.recordCount, 'item')}`
                : `Import ${count(changes, 'change')}`}
          </button>
        )}
        {mode === 'replace' && !confirmReplace && (
          <button type="button" className="danger" disabled={!preview} onClick={() => setConfirmReplace(true)}>
            Replace my plan…
          </button>
        )}
        {mode === 'replace' && confirmReplace && (
          <button type="button" className="danger" onClick={() => onConfirm('replace')}>
            Yes, replace my plan
          </button>
        )}
      </div>
    </div>
  );
}

/** The automatic backups kept before each replace: restore one, or download it. */
function AutomaticBackups({ onDone }: { onDone: () => void }) {
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
                    }).catch((err: unknown) => ({ ok: false as const, errors: [errorText(err)] }));
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
