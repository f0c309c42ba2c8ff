import type { Status } from '../domain/model';

const LABELS: Record<Status, string> = {
  speculative: 'Speculative',
  proposed: 'Proposed',
  tentative: 'Tentative',
  confirmed: 'Confirmed',
  held: 'Held',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
};

/** Status as a word and a style: never colour alone. */
export function StatusPill({ status }: { status: Status }) {
  return <span className={`status-pill status-${status}`}>{LABELS[status]}</span>;
}
