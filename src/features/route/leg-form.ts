/**
 * The leg form's values and their conversion to and from a Leg. Departure and arrival are
 * wall-clock times at the departure and arrival places (each in its own zone); conversion goes
 * through Luxon. Problems are explained in plain words, with local times.
 */
import { formatTravelTime } from '../../domain/planning';
import type { Leg, LegMode, Place, Status } from '../../domain/model';
import { formatLocalDateTime, instantToLocal, localToInstant, toMs } from '../../domain/time';

export interface LegFormValues {
  id?: string;
  visitId?: string;
  fromPlaceId: string;
  toPlaceId: string;
  mode: LegMode;
  /** `YYYY-MM-DDTHH:mm` at the departure place. */
  departs: string;
  /** `YYYY-MM-DDTHH:mm` at the arrival place. */
  arrives: string;
  carrier: string;
  number: string;
  status: Status;
  optional: boolean;
  notes: string;
  participantIds: string[];
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export function emptyLegForm(defaults: Partial<LegFormValues> = {}): LegFormValues {
  return {
    fromPlaceId: '',
    toPlaceId: '',
    mode: 'flight',
    departs: '',
    arrives: '',
    carrier: '',
    number: '',
    status: 'proposed',
    optional: false,
    notes: '',
    participantIds: [],
    ...defaults,
  };
}

export function legToForm(leg: Leg, places: readonly Place[]): LegFormValues {
  const zoneOf = (id: string) => places.find((p) => p.id === id)?.timeZone ?? 'UTC';
  const form: LegFormValues = {
    id: leg.id,
    fromPlaceId: leg.fromPlaceId,
    toPlaceId: leg.toPlaceId,
    mode: leg.mode,
    departs: instantToLocal(leg.departsAt, zoneOf(leg.fromPlaceId)),
    arrives: instantToLocal(leg.arrivesAt, zoneOf(leg.toPlaceId)),
    carrier: leg.carrier ?? '',
    number: leg.number ?? '',
    status: leg.status,
    optional: leg.optional,
    notes: leg.notes ?? '',
    participantIds: [...leg.participantIds],
  };
  if (leg.visitId) form.visitId = leg.visitId;
  return form;
}

function toInstantOrNull(local: string, zone: string): string | null {
  try {
    return localToInstant(local, zone);
  } catch {
    return null;
  }
}

/**
 * Check the form and build the leg record for the repository (which validates the rest).
 * `existing` keeps the fields the form does not show (sources, participants).
 */
export function formToLeg(
  form: LegFormValues,
  places: readonly Place[],
  newId: () => string,
  existing?: Leg,
): FormResult<Record<string, unknown>> {
  const errors: Record<string, string> = {};
  const from = places.find((p) => p.id === form.fromPlaceId);
  const to = places.find((p) => p.id === form.toPlaceId);
  if (!form.fromPlaceId) errors.fromPlaceId = 'Choose where the leg departs from.';
  else if (!from) errors.fromPlaceId = 'That departure place is no longer in the plan; choose another.';
  if (!form.toPlaceId) errors.toPlaceId = 'Choose where the leg arrives.';
  else if (!to) errors.toPlaceId = 'That arrival place is no longer in the plan; choose another.';
  else if (form.toPlaceId === form.fromPlaceId)
    errors.toPlaceId = 'The arrival place must differ from the departure place.';
  if (!form.departs) errors.departs = `Give the departure time${from ? ` (local time in ${from.name})` : ''}.`;
  if (!form.arrives) errors.arrives = `Give the arrival time${to ? ` (local time in ${to.name})` : ''}.`;

  let departsAt: string | null = null;
  let arrivesAt: string | null = null;
  if (from && form.departs) {
    departsAt = toInstantOrNull(form.departs, from.timeZone);
    if (!departsAt) errors.departs = 'Give a real date and time.';
  }
  if (to && form.arrives) {
    arrivesAt = toInstantOrNull(form.arrives, to.timeZone);
    if (!arrivesAt) errors.arrives = 'Give a real date and time.';
  }
  if (from && to && departsAt && arrivesAt && toMs(arrivesAt) <= toMs(departsAt)) {
    const gap = toMs(departsAt) - toMs(arrivesAt);
    errors.arrives =
      `The arrival must be after the departure. It departs ${formatLocalDateTime(departsAt, from.timeZone)} in ${from.name} ` +
      `and would arrive ${formatLocalDateTime(arrivesAt, to.timeZone)} in ${to.name}, ` +
      (gap === 0 ? 'the same moment.' : `${formatTravelTime(gap)} before it leaves.`);
  }
  if (Object.keys(errors).length > 0 || !departsAt || !arrivesAt) return { ok: false, errors };

  const record: Record<string, unknown> = {
    ...(existing ?? { sources: [] }),
    id: form.id ?? existing?.id ?? newId(),
    fromPlaceId: form.fromPlaceId,
    toPlaceId: form.toPlaceId,
    mode: form.mode,
    departsAt,
    arrivesAt,
    status: form.status,
    optional: form.optional,
    participantIds: form.participantIds,
  };
  for (const key of ['carrier', 'number', 'notes'] as const) {
    const value = form[key].trim();
    if (value) record[key] = key === 'notes' ? form.notes : value;
    else delete record[key];
  }
  if (form.visitId) record.visitId = form.visitId;
  delete record.updatedAt;
  return { ok: true, value: record };
}
