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

const self = <C>(c: C) => c as unknown as Conflict;

/**
 * The items whose conflict (`of(item)`) passes every set criterion, in the order given. Reads the
 * conflict through `of` rather than a copy: an engine conflict's `at` and `id` are getters, which
 * `{ ...conflict }` drops.
 */
export function filterConflictsBy<T>(items: readonly T[], filter: ConflictFilter, of: (item: T) => Conflict): T[] {
  const { severities, rules, participantIds } = filter;
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? Date.parse(filter.to) : Infinity;
  return items.filter((item) => {
    const c = of(item);
    if (severities?.length && !severities.includes(c.severity)) return false;
    if (rules?.length && !rules.includes(c.rule)) return false;
    if (participantIds?.length && !c.participantIds.some((p) => participantIds.includes(p))) return false;
    if (from === -Infinity && to === Infinity) return true;
    const at = atMsOf(c);
    return at >= from && at < to;
  });
}

/** The conflicts that pass every set criterion, in the order given. */
export function filterConflicts<C extends Conflict>(conflicts: readonly C[], filter: ConflictFilter): C[] {
  return filterConflictsBy(conflicts, filter, self);
}

export const SORT_KEYS = ['date', 'severity', 'rule', 'margin'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

interface Keyed<T> {
  item: T;
  c: Conflict;
  at: number;
}

/** A conflict's `at` in epoch ms: the engine's own number when it has one (its `at` is made from it). */
const atMsOf = (c: Conflict): number => c.atMs ?? Date.parse(c.at);

const byDate = (a: Keyed<unknown>, b: Keyed<unknown>) => a.at - b.at;
// Ids are read on ties only: an engine conflict makes its id on first read.
const byId = (a: Keyed<unknown>, b: Keyed<unknown>) => (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);

const COMPARATORS: Record<SortKey, (a: Keyed<unknown>, b: Keyed<unknown>) => number> = {
  date: byDate,
  // Ascending severity reads "worst first": it is what a planner asks for.
  severity: (a, b) => SEVERITY_RANK[b.c.severity] - SEVERITY_RANK[a.c.severity],
  rule: (a, b) => RULE_LABELS[a.c.rule].localeCompare(RULE_LABELS[b.c.rule]),
  margin: (a, b) => a.c.marginMs - b.c.marginMs,
};

/**
 * A copy of `items` sorted by their conflicts (`of(item)`); ties fall back to date, then id, so
 * the order is total and stable. Each conflict's date is read once, not per comparison.
 */
export function sortConflictsBy<T>(
  items: readonly T[],
  key: SortKey,
  direction: SortDirection,
  of: (item: T) => Conflict,
): T[] {
  const primary = COMPARATORS[key];
  const sign = direction === 'asc' ? 1 : -1;
  const keyed: Keyed<T>[] = items.map((item) => {
    const c = of(item);
    return { item, c, at: atMsOf(c) };
  });
  keyed.sort((a, b) => sign * primary(a, b) || byDate(a, b) || byId(a, b));
  return keyed.map((k) => k.item);
}

/** A sorted copy; ties fall back to date, then id, so the order is total and stable. */
export function sortConflicts<C extends Conflict>(
  conflicts: readonly C[],
  key: SortKey,
  direction: SortDirection = 'asc',
): C[] {
  return sortConflictsBy(conflicts, key, direction, self);
}
