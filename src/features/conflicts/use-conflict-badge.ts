/**
 * The count of open errors and warnings for the Conflicts link in the navigation. Imported by the
 * app shell (not lazy), so it stays small: the engine, the plan and the acceptances, nothing else.
 */
import { countBySeverity, describeCounts } from '../../domain/conflicts';
import { useUiStore } from '../../store/ui-store';
import { useConflictEntries } from './data';

export interface NavBadge {
  /** Short visible text: "2✕ 5▲". */
  text: string;
  /** The same in words for the accessible name: "2 errors, 5 warnings". */
  label: string;
}

/** Open (and reopened) errors and warnings, or undefined while loading or when there are none. */
export function useConflictBadge(): NavBadge | undefined {
  const includeOptional = useUiStore((s) => s.includeOptional);
  const entries = useConflictEntries(includeOptional);
  if (!entries) return undefined;
  const counts = countBySeverity(entries.filter((e) => e.state !== 'accepted').map((e) => e.conflict));
  if (counts.error === 0 && counts.warning === 0) return undefined;
  const text = [counts.error ? `${counts.error}✕` : '', counts.warning ? `${counts.warning}▲` : '']
    .filter(Boolean)
    .join(' ');
  return { text, label: describeCounts({ error: counts.error, warning: counts.warning }).replace(' and ', ', ') };
}
