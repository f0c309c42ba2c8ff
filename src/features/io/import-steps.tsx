/** The import dialog's steps: choosing a file, its progress (with Cancel), the passphrase, a refusal, the write. */
import { useId, useState } from 'react';
import { countOf } from '../../domain/model';
import { AutomaticBackups } from './AutomaticBackups';
import type { ImportPhase } from './import-protocol';

export interface WorkingStage {
  step: 'working';
  fileName: string;
  phase: ImportPhase;
  done: number;
  /** 0: not known. */
  total: number;
  /** Where the file is being read: in a worker, or on the page itself. */
  where: 'worker' | 'main';
}

const n = (x: number) => x.toLocaleString('en');
const percent = (done: number, total: number) => Math.min(100, Math.floor((done / total) * 100));

/** What the job is doing, in words ("Reading… 40 %", "Checking 12,000 of 50,000 records…"). */
export function progressText(stage: WorkingStage): string {
  switch (stage.phase) {
    case 'reading':
      return stage.total ? `Reading… ${percent(stage.done, stage.total)} %` : 'Reading…';
    case 'decrypting':
      return 'Decrypting… (this takes a few seconds)';
    case 'parsing':
      return 'Reading the records…';
    case 'checking':
      return stage.total ? `Checking ${n(stage.done)} of ${n(stage.total)} records…` : 'Checking the records…';
  }
}

export function ImportProgress({ stage, onCancel }: { stage: WorkingStage; onCancel: () => void }) {
  const known = stage.total > 0;
  return (
    <div className="io-progress" data-import-runner={stage.where}>
      <p>
        <strong>{stage.fileName}</strong>
      </p>
      <p role="status" aria-live="polite" aria-atomic="true">
        {progressText(stage)}
      </p>
      {known ? (
        <progress max={stage.total} value={Math.min(stage.done, stage.total)} aria-label="Import progress" />
      ) : (
        <progress aria-label="Import progress" />
      )}
      <p className="io-hint">Nothing has been changed yet. Cancel stops reading the file.</p>
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function PassphraseForm({
  fileName,
  error,
  onSubmit,
  onCancel,
}: {
  fileName: string;
  error?: string;
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
        <strong>{fileName}</strong> is an encrypted backup. Enter the passphrase it was saved with.
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
      {error && (
        <p role="alert" className="save-error">
          {error}
        </p>
      )}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={passphrase.length === 0}>
          Decrypt
        </button>
      </div>
    </form>
  );
}

export function ChooseStep({
  note,
  onFile,
  onClose,
}: {
  note?: string;
  onFile: (file: File) => void;
  onClose: () => void;
}) {
  const inputId = useId();
  return (
    <>
      {note && (
        <p role="status" className="io-note">
          {note}
        </p>
      )}
      <p>
        Import a Summitry backup (<code>.json</code>, plain or encrypted) or a calendar file (<code>.ics</code>) from
        Google Calendar, Outlook or Apple Calendar. Nothing is written until you have seen what the file holds and
        confirmed.
      </p>
      <p className="io-hint">
        Repeating events in a calendar file are imported for their occurrences from one year before today to two years
        after it.
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
            if (file) onFile(file);
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
  );
}

export function RefusedStep({
  fileName,
  errors,
  onAgain,
  onClose,
}: {
  fileName: string;
  errors: string[];
  onAgain: () => void;
  onClose: () => void;
}) {
  return (
    <>
      <div role="alert" className="io-refused">
        <p>
          <strong>{fileName}</strong> cannot be imported. Nothing was changed.
        </p>
        <ul>
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </div>
      <div className="actions">
        <button type="button" onClick={onAgain}>
          Choose another file
        </button>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}

export function WritingStep({ written, total }: { written: number; total: number }) {
  return (
    <div role="status" aria-live="polite" className="io-progress">
      <p>
        Writing {countOf(written, 'record')} of {total.toLocaleString('en')}…
      </p>
      <progress max={total || 1} value={written} aria-label="Writing the import" />
      <p className="io-hint">
        This cannot be cancelled now: the import is written in one step, so it either completes or changes nothing.
      </p>
    </div>
  );
}
