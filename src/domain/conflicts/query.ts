/** Filtering and sorting the conflict list. Instants are UTC ISO strings; ranges are half-open. */
import { SEVERITY_RANK } from './severity';
import { RULE_LABELS, type Conflict, type RuleId, type Severity } from './types';

export interface ConflictFilter {
  /** Empty or absent: every severity. */
  severities?: readonly Severity[];
  rules?: readonly RuleId[];
  /** Conflicts concerning any of these participants. */
  participantIds?: readonly string[];
  /** Conflicts whose `at` is in [from, to). */
  from?: string;
  to?: string;
}

/** The conflicts that pass every set criterion, in the order given. */
export function filterConflicts<C extends Conflict>(conflicts: readonly C[], filter: ConflictFilter): C[] {
  const { severities, rules, participantIds, from, to } = filter;
  return conflicts.filter(
    (c) =>
      (!severities?.length || severities.includes(c.severity)) &&
      (!rules?.length || rules.includes(c.rule)) &&
      (!participantIds?.length || c.participantIds.some((p) => participantIds.includes(p))) &&
      (!from || Date.parse(c.at) >= Date.parse(from)) &&
      (!to || Date.parse(c.at) < Date.parse(to)),
  );
}

export const SORT_KEYS = ['date', 'severity', 'rule', 'margin'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

const byDate = (a: Conflict, b: Conflict) => Date.parse(a.at) - Date.parse(b.at);
const byId = (a: Conflict, b: Conflict) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const COMPARATORS: Record<SortKey, (a: Conflict, b: Conflict) => number> = {
  date: byDate,
  // Ascending severity reads "worst first": it is what a planner asks for.
  severity: (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  rule: (a, b) => RULE_LABELS[a.rule].localeCompare(RULE_LABELS[b.rule]),
  margin: (a, b) => a.marginMs - b.marginMs,
};

/** A sorted copy; ties fall back to date, then id, so the order is total and stable. */
export function sortConflicts<C extends Conflict>(
  conflicts: readonly C[],
  key: SortKey,
  direction: SortDirection = 'asc',
): C[] {
  const primary = COMPARATORS[key];
  const sign = direction === 'asc' ? 1 : -1;
  return [...conflicts].sort((a, b) => sign * primary(a, b) || byDate(a, b) || byId(a, b));
}
