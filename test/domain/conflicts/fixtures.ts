/** A small world for engine tests: real places and zones, and a plan builder. */
import type { Leg, Participant, Place, Plan, PlanEvent, PlanWindow, Visit } from '../../../src/domain/model/model';
import { localToInstant } from '../../../src/domain/time/time';
import { makeAllDayEvent, makeEvent, makeLeg, makeWindow } from '../../helpers/factories';

const place = (
  id: string,
  name: string,
  lat: number,
  lon: number,
  timeZone: string,
  kind: Place['kind'],
  cityId?: string,
): Place => ({ id, name, country: '', lat, lon, timeZone, kind, ...(cityId ? { cityId } : {}) }) as Place;

export const PLACES: Place[] = [
  place('beijing', 'Beijing', 39.9042, 116.4074, 'Asia/Shanghai', 'city'),
  place('great-hall', 'Great Hall of the People', 39.903, 116.388, 'Asia/Shanghai', 'venue', 'beijing'),
  place('pek', 'Beijing Capital', 40.08, 116.6, 'Asia/Shanghai', 'airport', 'beijing'),
  place('beijing-south', 'Beijing South', 39.8652, 116.3785, 'Asia/Shanghai', 'rail-station', 'beijing'),
  place('shanghai', 'Shanghai', 31.2304, 121.4737, 'Asia/Shanghai', 'city'),
  place('hongqiao', 'Shanghai Hongqiao', 31.194, 121.32, 'Asia/Shanghai', 'rail-station', 'shanghai'),
  place('busan', 'Busan', 35.1796, 129.0756, 'Asia/Seoul', 'city'),
  place('pus', 'Gimhae', 35.1795, 128.9382, 'Asia/Seoul', 'airport', 'busan'),
  place('gyeongju', 'Gyeongju', 35.8562, 129.2247, 'Asia/Seoul', 'city'),
  place('washington', 'Washington, DC', 38.9072, -77.0369, 'America/New_York', 'city'),
  place('white-house', 'The White House', 38.8977, -77.0365, 'America/New_York', 'venue', 'washington'),
  place('new-york', 'New York', 40.7128, -74.006, 'America/New_York', 'city'),
  place('madrid', 'Madrid', 40.4168, -3.7038, 'Europe/Madrid', 'city'),
  place('kuala-lumpur', 'Kuala Lumpur', 3.139, 101.687, 'Asia/Kuala_Lumpur', 'city'),
];

const person = (id: string, name: string, timeZone?: string): Participant =>
  ({ id, name, role: '', country: '', color: '#123456', ...(timeZone ? { timeZone } : {}) }) as Participant;

export const PEOPLE: Participant[] = [
  person('trump', 'Donald J. Trump', 'America/New_York'),
  person('xi', 'Xi Jinping', 'Asia/Shanghai'),
  person('lee', 'Lee Jae-myung', 'Asia/Seoul'),
  person('sanchez', 'Pedro Sánchez', 'Europe/Madrid'),
  person('nobody', 'No Zone'),
];

/** Overrides in plain strings (ids are branded in the model). */
type Over = Record<string, unknown>;

export function plan(
  parts: { events?: PlanEvent[]; legs?: Leg[]; windows?: PlanWindow[]; visits?: Visit[] } = {},
): Plan {
  return {
    places: PLACES,
    participants: PEOPLE,
    events: parts.events ?? [],
    visits: parts.visits ?? [],
    legs: parts.legs ?? [],
    windows: parts.windows ?? [],
    scenarios: [],
  };
}

/** A timed event from local wall-clock times at a zone. */
export function timed(startLocal: string, endLocal: string, zone: string, overrides: Over = {}): PlanEvent {
  return makeEvent({
    startsAt: localToInstant(startLocal, zone),
    endsAt: localToInstant(endLocal, zone),
    timeZone: zone,
    ...overrides,
  } as Partial<PlanEvent>);
}

export function allDay(startDate: string, endDate: string, zone: string, overrides: Over = {}): PlanEvent {
  return makeAllDayEvent(startDate, endDate, zone, overrides as Partial<PlanEvent>);
}

/** A leg from local times at its departure and arrival zones; mode from the places' kinds. */
export function leg(
  from: string,
  to: string,
  departLocal: string,
  departZone: string,
  arriveLocal: string,
  arriveZone: string,
  overrides: Over = {},
): Leg {
  const kind = (id: string) => PLACES.find((p) => p.id === id)?.kind;
  const mode =
    kind(from) === 'airport' || kind(to) === 'airport' ? 'flight' : kind(from) === 'rail-station' ? 'rail' : 'road';
  return makeLeg({
    mode,
    fromPlaceId: from,
    toPlaceId: to,
    departsAt: localToInstant(departLocal, departZone),
    arrivesAt: localToInstant(arriveLocal, arriveZone),
    ...overrides,
  } as Partial<Leg>);
}

export function window(startDate: string, endDate: string, zone: string, overrides: Over = {}): PlanWindow {
  return makeWindow(startDate, endDate, zone, overrides as Partial<PlanWindow>);
}

export function visit(id: string, overrides: Over = {}): Visit {
  return {
    id,
    title: `Visit ${id}`,
    guestId: 'trump',
    hostCountry: '',
    participantIds: [],
    status: 'confirmed',
    sources: [],
    topics: [],
    ...overrides,
  } as unknown as Visit;
}

/** Run a stepped computation to its end: how many times it paused, and its result. */
export function drain<T>(steps: Generator<void, T>): { pauses: number; value: T } {
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next();
  }
  return { pauses, value: step.value };
}
