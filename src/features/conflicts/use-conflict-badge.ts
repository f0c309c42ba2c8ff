/**
 * The count of open errors and warnings for the Conflicts link in the navigation and the
 * Conflicts view's "Conflict list" tab (both count the same: what is left to resolve; info-level
 * overlaps are not counted). Imported by the app shell (not lazy), so it stays small: the engine,
 * the plan and the acceptances, nothing else.
 */
import { countBySeverity, describeCounts, toResolve, type ConflictEntry } from '../../domain/conflicts';
import { useUiStore } from '../../store/ui-store';
import { useConflictEntries } from './data';

export interface NavBadge {
  /** Short visible text: "2✕ 5▲". */
  text: string;
  /** The same in words for the accessible name: "2 errors, 5 warnings". */
  label: string;
}

/** Open (and reopened) errors and warnings among `entries`, or undefined when there are none. */
export function conflictBadge(entries: readonly ConflictEntry[]): NavBadge | undefined {
  const counts = countBySeverity(
    entries.filter((e) => e.state !== 'accepted' && toResolve(e.conflict)).map((e) => e.conflict),
  );
  if (counts.error === 0 && counts.warning === 0) return undefined;
  const text = [counts.error ? `${counts.error}✕` : '', counts.warning ? `${counts.warning}▲` : '']
    .filter(Boolean)
    .join(' ');
  return { text, label: describeCounts({ error: counts.error, warning: counts.warning }).replace(' and ', ', ') };
}

/** The navigation's badge, or undefined while loading or when there is nothing to resolve. */
export function useConflictBadge(): NavBadge | undefined {
  const includeOptional = useUiStore((s) => s.includeOptional);
  const entries = useConflictEntries(includeOptional);
  return entries ? conflictBadge(entries) : undefined;
}
