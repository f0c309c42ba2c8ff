import { SEVERITY_LABELS } from '../../domain/conflicts';
import type { Severity } from '../../domain/conflicts';

/** The severity's icon; decorative, always beside the word. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg
      className={`severity-icon severity-icon-${severity}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7" />
          <path d="M5.2 5.2 10.8 10.8M10.8 5.2 5.2 10.8" className="glyph" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 1.2 15 14.5H1Z" />
          <path d="M8 6v4.2M8 11.8v1" className="glyph" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="8" cy="8" r="7" />
          <path d="M8 7v4.8M8 4.2v1" className="glyph" />
        </>
      )}
    </svg>
  );
}

/** Severity as icon and word: never colour alone. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`severity severity-${severity}`}>
      <SeverityIcon severity={severity} />
      {SEVERITY_LABELS[severity]}
    </span>
  );
}
