/** The conflict list as CSV: one row per conflict, every cell guarded by `toCsv`. */
import { toCsv } from './csv-cells';
import type { Plan } from '../model';
import { formatLocalDateTime } from '../time';
import type { ConflictEntry } from './acceptance';
import { SEVERITY_LABELS } from './severity';
import { RULE_LABELS } from './types';

export const CONFLICT_CSV_HEADER = [
  'State',
  'Severity',
  'Rule',
  'When',
  'Items',
  'Participants',
  'Margin',
  'Margin (minutes)',
  'Explanation',
  'Only with',
  'Accepted note',
  'Accepted at (UTC)',
  'Conflict id',
] as const;

const STATE_LABELS: Record<ConflictEntry['state'], string> = {
  open: 'Open',
  accepted: 'Accepted',
  reopened: 'Reopened',
};

/** CSV text (CRLF line ends, no BOM) of the entries in the order given; times in `displayZone`. */
export function conflictsToCsv(
  entries: readonly ConflictEntry[],
  plan: Pick<Plan, 'participants'>,
  displayZone: string,
): string {
  const nameOf = new Map(plan.participants.map((p) => [p.id as string, p.name]));
  const rows = entries.map(({ conflict: c, state, acceptance }) => [
    STATE_LABELS[state],
    SEVERITY_LABELS[c.severity],
    RULE_LABELS[c.rule],
    formatLocalDateTime(c.at, displayZone),
    c.items.map((i) => `${i.title} (${i.type})`).join('; '),
    c.participantIds.map((id) => nameOf.get(id) ?? id).join('; '),
    c.margin,
    Math.round(c.marginMs / 60_000),
    c.explanation,
    c.onlyWith.map((i) => i.title).join('; '),
    acceptance?.note ?? '',
    acceptance?.acceptedAt ?? '',
    c.id,
  ]);
  return toCsv([[...CONFLICT_CSV_HEADER], ...rows]);
}
