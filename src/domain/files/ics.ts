/**
 * Which items a calendar export holds (the whole plan, one visit, or the views' current filter).
 * Writing is in ics-write.ts, reading in ics-read.ts; ids and status words in ics-ids.ts.
 */
import type { EventKind, Leg, Plan, PlanEvent, PlanWindow, Status } from '../model';

export interface ItemFilter {
  participantIds: readonly string[];
  kinds: readonly EventKind[];
  statuses: readonly Status[];
  includeOptional: boolean;
}

export type CalendarSelection =
  { kind: 'plan' } | { kind: 'visit'; visitId: string } | { kind: 'filter'; filter: ItemFilter };

export interface CalendarItems {
  events: PlanEvent[];
  legs: Leg[];
  windows: PlanWindow[];
}

/**
 * The items a calendar export holds. Whole plan: every event, leg and window. One visit: its
 * events and legs. Current filter: events that pass every set filter (participants: any shared;
 * kinds; statuses; optional items only if included); legs and windows pass the participant and
 * status filters (a window with no participants applies to everyone), and are left out when a
 * kind filter is set, since they have no event kind.
 */
export function selectCalendarItems(plan: Plan, selection: CalendarSelection): CalendarItems {
  if (selection.kind === 'plan') return { events: [...plan.events], legs: [...plan.legs], windows: [...plan.windows] };
  if (selection.kind === 'visit') {
    return {
      events: plan.events.filter((e) => e.visitId === selection.visitId),
      legs: plan.legs.filter((l) => l.visitId === selection.visitId),
      windows: [],
    };
  }
  const f = selection.filter;
  const who = (ids: readonly string[], emptyMeansAll = false) =>
    f.participantIds.length === 0 ||
    (emptyMeansAll && ids.length === 0) ||
    ids.some((id) => f.participantIds.includes(id));
  const status = (s: Status) => f.statuses.length === 0 || f.statuses.includes(s);
  const optional = (o: boolean) => f.includeOptional || !o;
  const noKindFilter = f.kinds.length === 0;
  return {
    events: plan.events.filter(
      (e) =>
        who(e.participantIds) && status(e.status) && optional(e.optional) && (noKindFilter || f.kinds.includes(e.kind)),
    ),
    legs: noKindFilter
      ? plan.legs.filter((l) => who(l.participantIds) && status(l.status) && optional(l.optional))
      : [],
    windows: noKindFilter ? plan.windows.filter((w) => who(w.participantIds, true) && status(w.status)) : [],
  };
}
