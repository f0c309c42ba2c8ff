import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { failureMessage } from '../../db';
import { ACCEPTANCE_NOTE_MAX, type ConflictEntry } from '../../domain/conflicts';
import { RULE_LABELS } from '../../domain/conflicts';

/** Ask why a conflict is acceptable; the note is required. `onAccept` rejects with a message to show. */
export function AcceptDialog({
  entry,
  onAccept,
  onClose,
}: {
  entry: ConflictEntry;
  onAccept: (note: string) => Promise<void>;
  onClose: () => void;
}) {
  const [note, setNote] = useState(entry.acceptance?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const { conflict } = entry;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setError('Say why this conflict is acceptable.');
      return;
    }
    if (note.length > ACCEPTANCE_NOTE_MAX) {
      setError(`Keep the note to ${ACCEPTANCE_NOTE_MAX} characters.`);
      return;
    }
    setSaving(true);
    try {
      await onAccept(note);
    } catch (err) {
      setError(failureMessage('Not saved', err));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Accept this conflict" onClose={onClose}>
      <form className="editor" onSubmit={submit} noValidate>
        <p>
          <strong>{RULE_LABELS[conflict.rule]}:</strong> {conflict.explanation}
        </p>
        <p className="hint">It moves to “Accepted” and opens again by itself if any of its items is changed.</p>
        <span className="field">
          <label htmlFor={`${id}-note`}>Why is it acceptable? (required)</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            value={note}
            maxLength={ACCEPTANCE_NOTE_MAX}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : `${id}-count`}
            onChange={(e) => {
              setNote(e.target.value);
              if (error) setError(null);
            }}
          />
          <span id={`${id}-count`} className="hint">
            {note.length} / {ACCEPTANCE_NOTE_MAX} characters
          </span>
          {error && (
            <span id={`${id}-error`} className="field-error" role="alert">
              {error}
            </span>
          )}
        </span>
        <div className="actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Accept
          </button>
        </div>
      </form>
    </Dialog>
  );
}
