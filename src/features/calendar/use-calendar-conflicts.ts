/** The open conflicts near the visible range, for the calendar's markers and item details. */
import { useMemo } from 'react';
import { useSharedConflicts } from '../../db/plan-feed';
import type { Conflict } from '../../domain/conflicts';
import { useUiStore } from '../../store/ui-store';
import type { NearbyItems } from './use-calendar-data';

const NO_CONFLICTS: Conflict[] = [];

/**
 * The plan's one shared analysis (the calendar runs no engine of its own), narrowed to the open
 * conflicts that name an item read near the visible range.
 */
export function useCalendarConflicts(nearby: NearbyItems | undefined): Conflict[] {
  const includeOptional = useUiStore((s) => s.includeOptional);
  const entries = useSharedConflicts(includeOptional)?.entries;
  return useMemo(() => {
    if (!nearby || !entries) return NO_CONFLICTS;
    const ids = new Set<string>();
    for (const e of nearby.events) ids.add(`event:${e.id}`);
    for (const l of nearby.legs) ids.add(`leg:${l.id}`);
    for (const w of nearby.windows) ids.add(`window:${w.id}`);
    const open: Conflict[] = [];
    for (const e of entries) {
      if (e.state === 'accepted') continue;
      if (e.conflict.items.some((i) => ids.has(`${i.type}:${i.id}`))) open.push(e.conflict);
    }
    // The same empty list each time, so that no conflicts does not rebuild the calendar's input.
    return open.length === 0 ? NO_CONFLICTS : open;
  }, [nearby, entries]);
}
