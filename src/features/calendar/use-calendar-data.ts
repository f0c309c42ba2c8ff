/**
 * What the calendar reads from IndexedDB: only the items near the visible range (live, so edits
 * in this tab or another show at once), plus the small tables every item refers to.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../db';
import type { Leg, Participant, Place, PlanEvent, PlanWindow, Scenario, Visit } from '../../domain/model';
import { toRangeInstant, toMs } from '../../domain/time';
import type { CalendarViewName } from './calendar-url';

const DAY_MS = 86_400_000;

/** A range of instants, UTC ISO, half-open. */
export interface InstantRange {
  start: string;
  end: string;
}

/** What the calendar shows: its range, title ("October 2025") and view. */
export interface Visible {
  range: InstantRange;
  title: string;
  view: CalendarViewName;
}

export interface NearbyItems {
  /** The range these rows were read for. */
  range: InstantRange;
  events: PlanEvent[];
  legs: Leg[];
  /** All windows: few, and the conflict rules check items against any of them. */
  windows: PlanWindow[];
}

export interface ReferenceTables {
  places: Place[];
  participants: Participant[];
  visits: Visit[];
  scenarios: Scenario[];
}

/**
 * `range` widened by `days` on each side, held inside the plan's years (1900–9999) so that its
 * ends still compare as text with the stored instants (issue 19: past 9999 they did not).
 */
export function widenRange(range: InstantRange, days: number): InstantRange {
  return {
    start: toRangeInstant(toMs(range.start) - days * DAY_MS),
    end: toRangeInstant(toMs(range.end) + days * DAY_MS),
  };
}

/** True if [start, end) meets `range`. */
export function meetsRange(start: string, end: string, range: InstantRange): boolean {
  return start < range.end && end > range.start;
}

/**
 * Events and legs meeting `range` (null: nothing yet), and all windows. Undefined while the
 * first read is in flight; the previous rows stay while a new range is read.
 */
export function useNearbyItems(range: InstantRange | null): NearbyItems | undefined {
  return useLiveQuery(async () => {
    if (!range) return undefined;
    const [events, legs, windows] = await Promise.all([
      repos.events.inRange(range.start, range.end),
      repos.legs.inRange(range.start, range.end),
      repos.windows.all(),
    ]);
    return { range, events, legs, windows };
  }, [range?.start, range?.end]);
}

export function useReferenceTables(): ReferenceTables | undefined {
  return useLiveQuery(async () => {
    const [places, participants, visits, scenarios] = await Promise.all([
      repos.places.all(),
      repos.participants.all(),
      repos.visits.all(),
      repos.scenarios.all(),
    ]);
    return { places, participants, visits, scenarios };
  }, []);
}

export interface NextItem {
  /** Start of the first event or leg at or after `now` (UTC ISO), or null if none. */
  start: string | null;
  /** True if the plan has no events or legs at all (e.g. not seeded yet). */
  empty: boolean;
}

/** The next upcoming item after `now`. Undefined while loading. */
export function useNextItem(now: string): NextItem | undefined {
  return useLiveQuery(async () => {
    const [event, leg, events, legs] = await Promise.all([
      repos.events.firstStartingFrom(now),
      repos.legs.firstDepartingFrom(now),
      repos.events.count(),
      repos.legs.count(),
    ]);
    const starts = [event?.startsAt, leg?.departsAt].filter((s): s is string => !!s).sort();
    return { start: starts[0] ?? null, empty: events + legs === 0 };
  }, [now]);
}
