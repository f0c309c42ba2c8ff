import type { Leg, PlanEvent, PlanWindow } from '../../src/domain/model/model';
import { localDaysToInstants } from '../../src/domain/time/time';

let n = 0;

/** A valid timed event; override what the test cares about. */
export function makeEvent(overrides: Partial<PlanEvent> = {}): PlanEvent {
  n += 1;
  return {
    id: `evt-${n}`,
    title: `Event ${n}`,
    kind: 'meeting',
    status: 'confirmed',
    allDay: false,
    startsAt: '2025-10-30T02:00:00.000Z',
    endsAt: '2025-10-30T03:40:00.000Z',
    timeZone: 'Asia/Seoul',
    participantIds: [],
    optional: false,
    sources: [],
    topics: [],
    ...overrides,
  } as PlanEvent;
}

/** A valid all-day event over local dates in a zone. */
export function makeAllDayEvent(
  startDate: string,
  endDate: string,
  timeZone: string,
  overrides: Partial<PlanEvent> = {},
): PlanEvent {
  return makeEvent({
    allDay: true,
    startDate,
    endDate,
    timeZone,
    ...localDaysToInstants(startDate, endDate, timeZone),
    ...overrides,
  });
}

export function makeLeg(overrides: Partial<Leg> = {}): Leg {
  n += 1;
  return {
    id: `leg-${n}`,
    fromPlaceId: 'beijing-south',
    toPlaceId: 'shanghai-hongqiao',
    mode: 'rail',
    departsAt: '2025-10-28T01:00:00.000Z',
    arrivesAt: '2025-10-28T05:18:00.000Z',
    participantIds: [],
    status: 'proposed',
    optional: false,
    sources: [],
    ...overrides,
  } as Leg;
}

export function makeWindow(
  startDate: string,
  endDate: string,
  timeZone: string,
  overrides: Partial<PlanWindow> = {},
): PlanWindow {
  n += 1;
  return {
    id: `win-${n}`,
    title: `Window ${n}`,
    kind: 'window',
    startDate,
    endDate,
    timeZone,
    ...localDaysToInstants(startDate, endDate, timeZone),
    participantIds: [],
    status: 'confirmed',
    sources: [],
    ...overrides,
  } as PlanWindow;
}
