import { useEffect } from 'react';
import { useUndoStore } from '../store/undo-store';

/** A polite status message with an optional Undo; it stays until dismissed or replaced. */
export function Toast() {
  const message = useUndoStore((s) => s.message);
  const undo = useUndoStore((s) => s.undo);
  const dismiss = useUndoStore((s) => s.dismiss);
  useEffect(() => {
    if (!message || undo) return;
    const t = setTimeout(dismiss, 8000);
    return () => clearTimeout(t);
  }, [message, undo, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message && (
        <div className="toast">
          <span>{message}</span>
          {undo && (
            <button
              type="button"
              onClick={async () => {
                dismiss();
                await undo();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
