/** A date finder candidate made into plan records: a new tentative visit, or a draft moved. */
import type { Place, Plan, PlanEvent, Visit } from '../model';
import type { Candidate, FinderRequest } from './finder-types';
import { shiftVisitItems, visitItems } from './visit-shift';

export interface NewVisitDetails {
  visitId: string;
  title: string;
  guestId: string;
  hostCountry: string;
  /** Id for the event of day `i` (0-based). */
  eventId: (i: number) => string;
}

/**
 * A tentative visit for a candidate: the Visit and one visit-day event per day over the day's
 * hours, at the host place, in the host zone. Records as they would be stored (unvalidated).
 */
export function candidateToNewVisit(
  request: FinderRequest,
  candidate: Candidate,
  details: NewVisitDetails,
): { visit: Visit; events: PlanEvent[] } {
  const notes = `Proposed by the date finder. ${candidate.reasons.map((r) => r.text).join('. ')}.`;
  const withinWindow = request.window?.relation === 'within' ? request.window : undefined;
  const visit = {
    id: details.visitId,
    title: details.title,
    guestId: details.guestId,
    hostCountry: details.hostCountry,
    participantIds: [...request.participantIds],
    status: 'tentative',
    notes,
    sources: [],
    topics: [],
    ...(withinWindow ? { windowId: withinWindow.itemId, windowMarginDays: withinWindow.days } : {}),
  } as unknown as Visit;
  const events = candidate.footprint.map(
    (f, i) =>
      ({
        id: details.eventId(i),
        title: `${details.title}: day ${i + 1}`,
        kind: 'visit-day',
        status: 'tentative',
        allDay: false,
        startsAt: f.startsAt,
        endsAt: f.endsAt,
        timeZone: request.timeZone,
        ...(request.hostPlaceId ? { placeId: request.hostPlaceId } : {}),
        participantIds: [...request.participantIds],
        visitId: details.visitId,
        optional: false,
        sources: [],
        topics: [],
      }) as unknown as PlanEvent,
  );
  return { visit, events };
}

/** The plan with a candidate applied: a new tentative visit added, or the moved visit's items shifted. */
export function applyCandidateToPlan(
  plan: Plan,
  request: FinderRequest,
  candidate: Candidate,
  details: NewVisitDetails,
): Plan {
  if (request.moveVisitId && candidate.offsetDays !== undefined) {
    const shifted = shiftVisitItems(visitItems(plan, request.moveVisitId), candidate.offsetDays, plan.places);
    const ev = new Map(shifted.events.map((e) => [e.id as string, e]));
    const lg = new Map(shifted.legs.map((l) => [l.id as string, l]));
    return {
      ...plan,
      events: plan.events.map((e) => ev.get(e.id) ?? e),
      legs: plan.legs.map((l) => lg.get(l.id) ?? l),
    };
  }
  const { visit, events } = candidateToNewVisit(request, candidate, details);
  return { ...plan, visits: [...plan.visits, visit], events: [...plan.events, ...events] };
}

/** The city a place belongs to (itself if it is one). */
export function hostCityOf(places: readonly Place[], placeId: string | undefined): Place | undefined {
  if (!placeId) return undefined;
  const p = places.find((x) => x.id === placeId);
  if (!p) return undefined;
  return p.cityId ? (places.find((x) => x.id === p.cityId) ?? p) : p;
}
