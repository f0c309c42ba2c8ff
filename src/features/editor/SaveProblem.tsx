import { downloadTextFile } from '../../components/download';
import { db, describeWriteError, makeBackup, recordBackup, StaleEditError } from '../../db';
import type { PlanEvent } from '../../domain/model';
import { formatLocalDate, formatLocalDateTime } from '../../domain/time';
import { useUndoStore } from '../../store/undo-store';
import './save-problem.css';

/** A save that failed, and the record the user was trying to save (kept in the form). */
export interface SaveFailure {
  error: unknown;
  unsaved: Record<string, unknown>;
}

async function backupWith(unsaved: Record<string, unknown>) {
  const now = new Date().toISOString();
  const file = await makeBackup(db, now, [{ table: 'events', record: unsaved }]);
  downloadTextFile(file.fileName, file.text);
  await recordBackup(db, now);
}

/** Downloads a backup of the plan as stored, with the unsaved edit in its `unsaved` list. */
function BackupButton({ unsaved }: { unsaved: Record<string, unknown> }) {
  return (
    <button
      type="button"
      onClick={() =>
        void backupWith(unsaved).catch((err: unknown) =>
          useUndoStore.getState().notify(`The backup could not be made: ${describeWriteError(err)}`),
        )
      }
    >
      Download a backup with this edit
    </button>
  );
}

function describeOther(e: PlanEvent): string {
  const when = e.allDay ? formatLocalDate(e.startsAt, e.timeZone) : formatLocalDateTime(e.startsAt, e.timeZone);
  return `“${e.title}”, ${when} (${e.timeZone}), ${e.status}`;
}

/**
 * Why the save failed, in plain words, with the way on: every failure but an invalid form offers
 * a backup that includes the unsaved edit; a stale revision also offers to discard the edit
 * (saving again overwrites the other version). Nothing was written in any case.
 */
export function SaveProblem({ failure, onDiscard }: { failure: SaveFailure; onDiscard: () => void }) {
  const { error } = failure;
  if (error instanceof StaleEditError) {
    const deleted = error.actualRev === null;
    const other = error.stored as PlanEvent | undefined;
    return (
      <div role="alert" className="save-error save-problem">
        <p>
          Not saved. This item was {deleted ? 'deleted' : 'changed'} in another tab or window; your edit is kept —
          review and save again, or discard.
        </p>
        {other && <p className="save-problem-other">Saved there now: {describeOther(other)}.</p>}
        <div className="actions">
          <BackupButton unsaved={failure.unsaved} />
          <button type="button" onClick={onDiscard}>
            {deleted ? 'Discard my edit' : 'Discard my edit and show theirs'}
          </button>
        </div>
      </div>
    );
  }
  const invalid = error instanceof Error && error.name === 'ValidationError';
  return (
    <div role="alert" className="save-error save-problem">
      <p>Not saved: {describeWriteError(error)}</p>
      {!invalid && (
        <>
          <p className="save-problem-other">Nothing was written, and your edit is still here in the form.</p>
          <div className="actions">
            <BackupButton unsaved={failure.unsaved} />
          </div>
        </>
      )}
    </div>
  );
}
