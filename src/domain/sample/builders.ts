/** Small builders for the sample plan's records, and the zones it uses most. */
import type {
  EventKind,
  Leg,
  LegMode,
  Participant,
  Place,
  PlaceKind,
  PlanEvent,
  PlanWindow,
  Source,
  Status,
  WindowKind,
} from '../model';
import { localDaysToInstants, localToInstant } from '../time';

/** Instant the sample plan was written; items carry it as their last edit. */
export const SAMPLE_UPDATED_AT = '2026-11-01T00:00:00.000Z';

export function place(
  id: string,
  name: string,
  country: string,
  lat: number,
  lon: number,
  timeZone: string,
  kind: PlaceKind,
  extra: Partial<Pick<Place, 'codes' | 'cityId'>> = {},
): Place {
  return { id, name, country, lat, lon, timeZone, kind, ...extra, updatedAt: SAMPLE_UPDATED_AT } as Place;
}

export function participant(
  id: string,
  name: string,
  role: string,
  country: string,
  color: string,
  timeZone: string,
): Participant {
  return { id, name, role, country, color, timeZone, updatedAt: SAMPLE_UPDATED_AT } as Participant;
}

export interface ItemExtra {
  placeId?: string;
  visitId?: string;
  optional?: boolean;
  notes?: string;
  sources?: Source[];
  topics?: string[];
  windowId?: string;
  windowMarginDays?: number;
}

export function timed(
  id: string,
  title: string,
  kind: EventKind,
  status: Status,
  startLocal: string,
  endLocal: string,
  timeZone: string,
  participantIds: string[],
  extra: ItemExtra = {},
): PlanEvent {
  return {
    id,
    title,
    kind,
    status,
    allDay: false,
    startsAt: localToInstant(startLocal, timeZone),
    endsAt: localToInstant(endLocal, timeZone),
    timeZone,
    participantIds,
    optional: extra.optional ?? false,
    sources: extra.sources ?? [],
    topics: extra.topics ?? [],
    ...pick(extra),
    updatedAt: SAMPLE_UPDATED_AT,
  } as PlanEvent;
}

export function allDay(
  id: string,
  title: string,
  kind: EventKind,
  status: Status,
  startDate: string,
  endDate: string,
  timeZone: string,
  participantIds: string[],
  extra: ItemExtra = {},
): PlanEvent {
  return {
    id,
    title,
    kind,
    status,
    allDay: true,
    startDate,
    endDate,
    ...localDaysToInstants(startDate, endDate, timeZone),
    timeZone,
    participantIds,
    optional: extra.optional ?? false,
    sources: extra.sources ?? [],
    topics: extra.topics ?? [],
    ...pick(extra),
    updatedAt: SAMPLE_UPDATED_AT,
  } as PlanEvent;
}

export function pick(extra: ItemExtra) {
  const out: Record<string, unknown> = {};
  for (const key of ['placeId', 'visitId', 'notes', 'windowId', 'windowMarginDays'] as const) {
    if (extra[key] !== undefined) out[key] = extra[key];
  }
  return out;
}

export function leg(
  id: string,
  visitId: string | undefined,
  fromPlaceId: string,
  toPlaceId: string,
  mode: LegMode,
  departLocal: string,
  departZone: string,
  arriveLocal: string,
  arriveZone: string,
  status: Status,
  participantIds: string[],
  extra: { carrier?: string; number?: string; optional?: boolean; notes?: string; sources?: Source[] } = {},
): Leg {
  return {
    id,
    ...(visitId ? { visitId } : {}),
    fromPlaceId,
    toPlaceId,
    mode,
    departsAt: localToInstant(departLocal, departZone),
    arrivesAt: localToInstant(arriveLocal, arriveZone),
    ...(extra.carrier ? { carrier: extra.carrier } : {}),
    ...(extra.number ? { number: extra.number } : {}),
    participantIds,
    status,
    optional: extra.optional ?? false,
    ...(extra.notes ? { notes: extra.notes } : {}),
    sources: extra.sources ?? [],
    updatedAt: SAMPLE_UPDATED_AT,
  } as Leg;
}

export function planWindow(
  id: string,
  title: string,
  kind: WindowKind,
  status: Status,
  startDate: string,
  endDate: string,
  timeZone: string,
  participantIds: string[],
  extra: { placeId?: string; notes?: string; sources?: Source[] } = {},
): PlanWindow {
  return {
    id,
    title,
    kind,
    status,
    startDate,
    endDate,
    timeZone,
    ...localDaysToInstants(startDate, endDate, timeZone),
    participantIds,
    ...(extra.placeId ? { placeId: extra.placeId } : {}),
    ...(extra.notes ? { notes: extra.notes } : {}),
    sources: extra.sources ?? [],
    updatedAt: SAMPLE_UPDATED_AT,
  } as PlanWindow;
}

export const NY = 'America/New_York';
export const CN = 'Asia/Shanghai';
export const KR = 'Asia/Seoul';
