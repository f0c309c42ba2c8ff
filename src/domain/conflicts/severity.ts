/** Severity order, counts and their wording, shared by the conflict list, the what-if and the nav badge. */
import { SEVERITIES, type Conflict, type Severity } from './types';

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
      return `${n} ${s === 'info' ? 'info' : n === 1 ? s : `${s}s`}`;
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
