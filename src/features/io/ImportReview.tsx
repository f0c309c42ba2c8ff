/** The import dialog's review step: what the file holds, what it will change, how to import. */
import { useEffect, useState } from 'react';
import { db, failureMessage } from '../../db';
import { modeRefusal, previewImport, type ImportMode, type ImportPreview } from '../../db/io';
import { SUMMARY_TABLES, type MergeCounts, type Restored, type SummaryTable } from '../../domain/files';
import { countOf, grouped, verbOf } from '../../domain/model';
import { formatLocalDateTime } from '../../domain/time';
import { useUiStore } from '../../store/ui-store';

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

function describeFile(r: Restored, zone: string): string {
  if (r.source === 'calendar') return `Calendar file${r.planName ? ` “${r.planName}”` : ''}`;
  const when = r.exportedAt ? `, exported ${formatLocalDateTime(r.exportedAt, zone)}` : '';
  const scope = r.scope?.kind === 'visit' ? ' — one visit' : '';
  return `Summitry backup of “${r.planName}”${scope} (format ${r.formatVersion}, Summitry ${r.appVersion}${when})`;
}

function countsLine(counts: MergeCounts): string {
  const parts = [
    `${grouped(counts.add)} to add`,
    `${grouped(counts.update)} to update`,
    `${grouped(counts.unchanged)} unchanged`,
  ];
  if (counts.keep) parts.push(`${grouped(counts.keep)} kept (your copy is newer)`);
  return parts.join(', ');
}

export function Review({
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
      (err: unknown) => live && setPreviewError(failureMessage('The file could not be compared with your plan', err)),
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

      <Skipped skipped={skipped} />

      {restored.notes.length > 0 && (
        <ul className="io-notes" aria-label="Notes on this file">
          {restored.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}

      {canReplace && <ModeChoice mode={mode} onChange={setMode} />}

      <PreviewSummary preview={preview} previewError={previewError} mode={mode} />

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

function Skipped({ skipped }: { skipped: Restored['skipped'] }) {
  if (skipped.length === 0) return null;
  return (
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
  );
}

function PreviewSummary({
  preview,
  previewError,
  mode,
}: {
  preview: ImportPreview | null;
  previewError: string | null;
  mode: ImportMode;
}) {
  return (
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
                    <td>{grouped(c.add)}</td>
                    <td>{grouped(c.update)}</td>
                    <td>{grouped(c.unchanged)}</td>
                    <td>{grouped(c.keep)}</td>
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
          {count(preview.summary.total.add, 'record')}. Your current plan is saved first as an automatic backup (Import…
          lists it, to restore).
        </p>
      )}
      {preview && preview.dangling.length > 0 && (
        <details className="io-dangling">
          <summary>
            {count(preview.dangling.length, 'item')} {verbOf(preview.dangling.length, 'refers', 'refer')} to things not
            in the file or your plan
          </summary>
          <p className="io-hint">
            These items name a place, person, visit or window by its code, and neither this file nor your plan has a
            record with that code (a calendar file from another app, or one visit exported on its own, often leaves them
            out). They are imported anyway, with the code kept: where a name is missing the code is shown instead.
            Nothing else is added or changed for them. To fill the gaps, import a backup that has those records, or open
            the items and choose a place and people from your plan.
          </p>
          <ul>
            {preview.dangling.slice(0, 20).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ModeChoice({ mode, onChange }: { mode: ImportMode; onChange: (mode: ImportMode) => void }) {
  return (
    <fieldset className="io-modes">
      <legend>How to import</legend>
      <label className="check">
        <input type="radio" name="mode" value="merge" checked={mode === 'merge'} onChange={() => onChange('merge')} />
        Merge into my plan: add what is new, update what the file has edited more recently
      </label>
      <label className="check">
        <input
          type="radio"
          name="mode"
          value="replace"
          checked={mode === 'replace'}
          onChange={() => onChange('replace')}
        />
        Replace my plan with this backup
      </label>
    </fieldset>
  );
}
