import type { ReactNode } from 'react';

/** A form's problem in plain words, announced when it appears; nothing when there is none. */
export function FormProblem({ problem }: { problem: string | null | undefined }) {
  if (!problem) return null;
  return (
    <p role="alert" className="field-error">
      {problem}
    </p>
  );
}

/**
 * The row of buttons at the foot of a dialog's form: anything on the left (e.g. Delete), then
 * Cancel and the submit button, disabled while the form is busy.
 */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
  children,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="actions">
      {children}
      <span className="spacer" />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
