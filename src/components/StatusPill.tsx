import { STATUS_LABELS } from '../domain/model';
import type { Status } from '../domain/model';

/** Status as a word and a style: never colour alone. */
export function StatusPill({ status }: { status: Status }) {
  return <span className={`status-pill status-${status}`}>{STATUS_LABELS[status]}</span>;
}
