import { useId, type ReactNode } from 'react';

/** A labelled input with an optional hint read out with it. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string, hintId: string | undefined) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </span>
  );
}
