/**
 * The stop form: a programme item (an event of the visit) at a place. Its times are wall-clock
 * times at that place, and the event takes the place's zone. Problems are explained in plain words.
 */
import type { EventKind, Place, PlanEvent, Status } from '../../domain/model';
import { instantToLocal, localToInstant, toMs } from '../../domain/time';
import type { FormResult } from './leg-form';

export interface StopFormValues {
  id?: string;
  visitId?: string;
  placeId: string;
  title: string;
  kind: EventKind;
  status: Status;
  allDay: boolean;
  /** `YYYY-MM-DDTHH:mm` (or `YYYY-MM-DD` all day) at the place. */
  start: string;
  end: string;
  optional: boolean;
  participantIds: string[];
}

export function emptyStopForm(defaults: Partial<StopFormValues> = {}): StopFormValues {
  return {
    placeId: '',
    title: '',
    kind: 'meeting',
    status: 'proposed',
    allDay: false,
    start: '',
    end: '',
    optional: false,
    participantIds: [],
    ...defaults,
  };
}

export function eventToStopForm(e: PlanEvent, places: readonly Place[]): StopFormValues {
  const zone = places.find((p) => p.id === e.placeId)?.timeZone ?? e.timeZone;
  const form: StopFormValues = {
    id: e.id,
    placeId: e.placeId ?? '',
    title: e.title,
    kind: e.kind,
    status: e.status,
    allDay: e.allDay,
    start: e.allDay ? (e.startDate ?? '') : instantToLocal(e.startsAt, zone),
    end: e.allDay ? (e.endDate ?? '') : instantToLocal(e.endsAt, zone),
    optional: e.optional,
    participantIds: [...e.participantIds],
  };
  if (e.visitId) form.visitId = e.visitId;
  return form;
}

/** Check the form and build the event record; `existing` keeps what the form does not show. */
export function formToStopEvent(
  form: StopFormValues,
  places: readonly Place[],
  newId: () => string,
  existing?: PlanEvent,
): FormResult<Record<string, unknown>> {
  const errors: Record<string, string> = {};
  const place = places.find((p) => p.id === form.placeId);
  if (!form.placeId) errors.placeId = 'Choose the place of this stop.';
  else if (!place) errors.placeId = 'That place is no longer in the plan; choose another.';
  if (!form.title.trim()) errors.title = 'Say what happens there (a title).';
  if (!form.start) errors.start = form.allDay ? 'Give the first day.' : 'Give the start (local time at the place).';
  if (!form.end) errors.end = form.allDay ? 'Give the last day.' : 'Give the end (local time at the place).';
  const record: Record<string, unknown> = {
    ...(existing ?? { sources: [], topics: [] }),
    id: form.id ?? existing?.id ?? newId(),
    title: form.title.trim(),
    kind: form.kind,
    status: form.status,
    allDay: form.allDay,
    optional: form.optional,
    participantIds: form.participantIds,
  };
  if (place && form.start && form.end) {
    record.timeZone = place.timeZone;
    if (form.allDay) {
      const startDate = form.start.slice(0, 10);
      const endDate = form.end.slice(0, 10);
      if (endDate < startDate) errors.end = 'The last day must be on or after the first day.';
      record.startDate = startDate;
      record.endDate = endDate;
    } else {
      try {
        record.startsAt = localToInstant(form.start, place.timeZone);
        record.endsAt = localToInstant(form.end, place.timeZone);
        if (toMs(record.endsAt as string) <= toMs(record.startsAt as string))
          errors.end = `The end must be after the start (both are local times in ${place.name}).`;
      } catch {
        errors.start = 'Give a real date and time.';
      }
      delete record.startDate;
      delete record.endDate;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  record.placeId = form.placeId;
  if (form.visitId) record.visitId = form.visitId;
  delete record.updatedAt;
  return { ok: true, value: record };
}
