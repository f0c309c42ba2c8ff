/** Severity order, counts and their wording, shared by the conflict list, the what-if and the nav badge. */
import { SEVERITIES, type Conflict, type ConflictReport, type ItemType, type Severity } from './types';

/** Higher is worse: error 2, warning 1, info 0. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(conflicts: readonly Pick<Conflict, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const c of conflicts) counts[c.severity] += 1;
  return counts;
}

/** "1 error and 2 warnings"; severities with no conflicts are left out; "" when all are zero. */
export function describeCounts(counts: Partial<SeverityCounts>, severities: readonly Severity[] = SEVERITIES): string {
  const parts = severities
    .filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => {
      const n = counts[s] ?? 0;
      return `${n.toLocaleString('en')} ${s === 'info' ? 'info' : n === 1 ? s : `${s}s`}`;
    });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The worst severity among conflicts, or undefined for none. */
export function worstSeverity(conflicts: readonly Pick<Conflict, 'severity'>[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const c of conflicts) if (!worst || SEVERITY_RANK[c.severity] > SEVERITY_RANK[worst]) worst = c.severity;
  return worst;
}

/** Errors and warnings: what a planner must resolve or accept. Info-level conflicts are only for information. */
export function toResolve(c: Pick<Conflict, 'severity'>): boolean {
  return c.severity !== 'info';
}

const TYPE_PLURALS: Record<ItemType, string> = { event: 'events', leg: 'legs', window: 'windows', visit: 'visits' };

/**
 * Info-level conflicts in one phrase for a folded group: "26 overlaps, mostly with windows" (the
 * kind of item in more than half of them), "2 overlaps, all with windows", "3 overlaps"; "" for none.
 */
export function describeInfoGroup(conflicts: readonly Pick<Conflict, 'rule' | 'items'>[]): string {
  const n = conflicts.length;
  if (n === 0) return '';
  const allOverlaps = conflicts.every((c) => c.rule === 'overlap');
  const noun = allOverlaps
    ? n === 1
      ? 'overlap'
      : 'overlaps'
    : n === 1
      ? 'informational note'
      : 'informational notes';
  const withType = new Map<ItemType, number>();
  for (const c of conflicts)
    for (const type of new Set(c.items.map((i) => i.type))) withType.set(type, (withType.get(type) ?? 0) + 1);
  let top: [ItemType, number] | undefined;
  for (const entry of withType) if (!top || entry[1] > top[1]) top = entry;
  const phrase = `${n.toLocaleString('en')} ${noun}`;
  if (!top || n === 1 || top[1] * 2 <= n) return phrase;
  return `${phrase}, ${top[1] === n ? 'all' : 'mostly'} with ${TYPE_PLURALS[top[0]]}`;
}

/**
 * What a capped list leaves out, in words, or "" when nothing is capped: "Only the first 10,000
 * of 11,175 overlaps are listed. Only the first 10,000 double bookings are listed; there are
 * more." (`truncated`, `overlapPairsReported` and `overlapPairsTotal` of the engine's report;
 * `conflicts`, its list, to count what is listed of the other capped rules).
 */
export function describeTruncation(
  report: Pick<ConflictReport, 'truncated' | 'overlapPairsReported' | 'overlapPairsTotal'> & {
    conflicts: readonly Pick<Conflict, 'rule'>[];
  },
): string {
  const n = (x: number) => x.toLocaleString('en');
  const parts: string[] = [];
  for (const rule of report.truncated) {
    if (rule === 'overlap') {
      parts.push(
        `Only the first ${n(report.overlapPairsReported)} of ${n(report.overlapPairsTotal)} overlaps are listed.`,
      );
    } else {
      let listed = 0;
      for (const c of report.conflicts) if (c.rule === rule) listed++;
      const noun = rule === 'double-booking' ? 'double bookings' : 'clashes with blackouts';
      parts.push(`Only the first ${n(listed)} ${noun} are listed; there are more.`);
    }
  }
  return parts.join(' ');
}
