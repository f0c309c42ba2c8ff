/**
 * The date finder's form: text values as the inputs hold them, turned into a `FinderRequest`,
 * and pre-filled from a visit chosen to move.
 */
import { hostCityOf, type FinderRequest, type WindowRelation } from '../../domain/planning';
import type { Plan } from '../../domain/model';
import { addDays, isDraftVisit, visitHostDays, visitItems } from '../../domain/planning';

export interface FinderFormValues {
  /** '' for a new visit, else the id of the draft visit to move. */
  moveVisitId: string;
  title: string;
  participantIds: string[];
  hostPlaceId: string;
  timeZone: string;
  lengthDays: string;
  from: string;
  to: string;
  dayStart: string;
  dayEnd: string;
  avoidBlackouts: boolean;
  minGapDays: string;
  windowItemId: string;
  windowRelation: WindowRelation;
  windowDays: string;
  avoidItemIds: string[];
  preferWeekdays: boolean;
}

/** An empty form searching the next three months from `today` (`YYYY-MM-DD`). */
export function emptyFinderForm(today: string): FinderFormValues {
  return {
    moveVisitId: '',
    title: '',
    participantIds: [],
    hostPlaceId: '',
    timeZone: '',
    lengthDays: '3',
    from: today,
    to: addDays(today, 91),
    dayStart: '09:00',
    dayEnd: '18:00',
    avoidBlackouts: true,
    minGapDays: '1',
    windowItemId: '',
    windowRelation: 'within',
    windowDays: '0',
    avoidItemIds: [],
    preferWeekdays: true,
  };
}

/** Draft visits that can be moved, in plan order. */
export function movableVisits(plan: Plan) {
  return plan.visits.filter(isDraftVisit);
}

/**
 * The form filled in for moving a visit: its participants, host city and zone, length, and its
 * window (searching the window's days when it has one).
 */
export function prefillForVisit(plan: Plan, visitId: string, form: FinderFormValues): FinderFormValues {
  const visit = plan.visits.find((v) => v.id === visitId);
  if (!visit) return { ...form, moveVisitId: '' };
  const items = visitItems(plan, visitId);
  const firstEvent = [...items.events].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const host = hostCityOf(plan.places, firstEvent?.placeId ?? items.legs[0]?.toPlaceId);
  const timeZone = host?.timeZone ?? firstEvent?.timeZone ?? form.timeZone;
  const days = timeZone ? visitHostDays(items, timeZone) : null;
  const window = visit.windowId ? plan.windows.find((w) => w.id === visit.windowId) : undefined;
  return {
    ...form,
    moveVisitId: visitId,
    participantIds: [...visit.participantIds],
    hostPlaceId: host?.id ?? form.hostPlaceId,
    timeZone,
    lengthDays: days
      ? String(Math.round((Date.parse(days.endDate) - Date.parse(days.startDate)) / 86_400_000) + 1)
      : form.lengthDays,
    ...(window
      ? {
          windowItemId: window.id,
          windowRelation: 'within' as const,
          windowDays: String(visit.windowMarginDays ?? 0),
          from: window.startDate,
          to: window.endDate,
        }
      : {}),
  };
}

/** The request for a form, with the optional-item choice of the view it is made from. */
export function formToRequest(form: FinderFormValues, includeOptional: boolean): FinderRequest {
  const int = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : NaN);
  return {
    participantIds: form.participantIds,
    lengthDays: int(form.lengthDays),
    from: form.from,
    to: form.to,
    timeZone: form.timeZone,
    ...(form.hostPlaceId ? { hostPlaceId: form.hostPlaceId } : {}),
    dayStart: form.dayStart,
    dayEnd: form.dayEnd,
    avoidBlackouts: form.avoidBlackouts,
    minGapDays: int(form.minGapDays),
    ...(form.windowItemId
      ? { window: { itemId: form.windowItemId, relation: form.windowRelation, days: int(form.windowDays) } }
      : {}),
    avoidItemIds: form.avoidItemIds,
    ...(form.moveVisitId ? { moveVisitId: form.moveVisitId } : {}),
    preferWeekdays: form.preferWeekdays,
    includeOptional,
  };
}

/** Title for a new visit: the form's, else "<guest> visit to <host>". */
export function newVisitTitle(plan: Plan, form: FinderFormValues): string {
  if (form.title.trim()) return form.title.trim();
  const guest = plan.participants.find((p) => p.id === form.participantIds[0]);
  const host = plan.places.find((p) => p.id === form.hostPlaceId);
  return `${guest ? guest.name : 'Visit'}${host ? ` visit to ${host.name}` : ' (proposed dates)'}`;
}
