/** The open conflicts near the visible range, for the calendar's markers and item details. */
import { useDeferredValue, useMemo } from 'react';
import { analyzeCompiled, classifyConflicts, compilePlan, type Conflict } from '../../domain/conflicts';
import type { Plan } from '../../domain/model';
import { useUiStore } from '../../store/ui-store';
import { useAcceptances, type NearbyItems, type ReferenceTables } from './use-calendar-data';

const NO_CONFLICTS: Conflict[] = [];

export function useCalendarConflicts(nearby: NearbyItems | undefined, tables: ReferenceTables | undefined): Conflict[] {
  const includeOptional = useUiStore((s) => s.includeOptional);
  const acceptances = useAcceptances();
  const deferredNearby = useDeferredValue(nearby);
  // The items near the visible range, compiled once for the engine: switching optional items
  // on and off only runs the rules again.
  const nearbyPlan = useMemo(() => {
    if (!deferredNearby || !tables) return null;
    const plan: Plan = {
      places: tables.places,
      participants: tables.participants,
      visits: tables.visits,
      scenarios: tables.scenarios,
      events: deferredNearby.events,
      legs: deferredNearby.legs,
      windows: deferredNearby.windows,
    };
    return { plan, compiled: compilePlan(plan) };
  }, [deferredNearby, tables]);
  return useMemo(() => {
    if (!nearbyPlan) return NO_CONFLICTS;
    const { plan, compiled } = nearbyPlan;
    const found = analyzeCompiled(compiled, { includeOptional }).conflicts;
    const open = acceptances?.length
      ? classifyConflicts(found, acceptances, plan)
          .filter((e) => e.state !== 'accepted')
          .map((e) => e.conflict)
      : found;
    // The same empty list each time, so that no conflicts does not rebuild the calendar's input.
    return open.length === 0 ? NO_CONFLICTS : open;
  }, [nearbyPlan, includeOptional, acceptances]);
}
