import { useMemo } from 'react';
import { filterConflictsBy, sortConflictsBy, toResolve, type ConflictEntry } from '../../domain/conflicts';
import { localDaysToInstants } from '../../domain/time';
import { useConflictsViewStore } from '../../store/conflicts-view-store';

const conflictOf = (entry: ConflictEntry) => entry.conflict;

export interface ShownConflicts {
  /** The dates in words when they cannot be used (the list is then unfiltered by date). */
  rangeError: string | null;
  /** Whether any filter is set. */
  filtering: boolean;
  /** Every entry the filters let through, sorted. */
  shown: ConflictEntry[];
  /** Open errors and warnings shown: what to resolve. */
  toResolve: ConflictEntry[];
  /** Open info-level conflicts shown (folded by default). */
  info: ConflictEntry[];
  accepted: ConflictEntry[];
}

/** The conflict list's entries through the view's filters and sort, split into its groups. */
export function useShownConflicts(entries: ConflictEntry[], displayZone: string): ShownConflicts {
  const filter = useConflictsViewStore((s) => s.filter);
  const sortKey = useConflictsViewStore((s) => s.sortKey);
  const sortDirection = useConflictsViewStore((s) => s.sortDirection);
  return useMemo(() => {
    let from: string | undefined;
    let to: string | undefined;
    let rangeError: string | null = null;
    try {
      if (filter.fromDate) from = localDaysToInstants(filter.fromDate, filter.fromDate, displayZone).startsAt;
      if (filter.toDate) to = localDaysToInstants(filter.toDate, filter.toDate, displayZone).endsAt;
      if (from && to && to <= from) rangeError = 'The “to” date must be on or after the “from” date.';
    } catch {
      rangeError = 'Enter the dates as day, month and year.';
    }
    const filtered = filterConflictsBy(
      entries,
      {
        severities: filter.severities,
        rules: filter.rules,
        participantIds: filter.participantIds,
        from: rangeError ? undefined : from,
        to: rangeError ? undefined : to,
      },
      conflictOf,
    );
    const shown = sortConflictsBy(filtered, sortKey, sortDirection, conflictOf);
    const open = shown.filter((e) => e.state !== 'accepted');
    return {
      rangeError,
      filtering:
        filter.severities.length + filter.rules.length + filter.participantIds.length > 0 ||
        !!filter.fromDate ||
        !!filter.toDate,
      shown,
      toResolve: open.filter((e) => toResolve(e.conflict)),
      info: open.filter((e) => !toResolve(e.conflict)),
      accepted: shown.filter((e) => e.state === 'accepted'),
    };
  }, [entries, filter, displayZone, sortKey, sortDirection]);
}
