/**
 * Plans whose calendar export is checked by outside readers (the Python reader, Radicale): the
 * sample plan, and a plan of items in New York, Madrid, Beijing and Seoul with all-day items and
 * items at, across and next to the clock changes of 2026 (the repeated and skipped hours).
 */
import { uidOf } from '../../src/domain/files';
import type { Leg, Plan, PlanEvent, PlanWindow } from '../../src/domain/model/model';
import { buildSamplePlan } from '../../src/domain/sample/sample-plan';
import { addDaysToDate } from '../../src/domain/time/time';
import { makeAllDayEvent, makeEvent, makeLeg, makeWindow } from './factories';

export { buildSamplePlan };

const at = (id: string, title: string, timeZone: string, placeId: string, startsAt: string, endsAt: string) =>
  makeEvent({ id, title, timeZone, placeId, startsAt, endsAt } as Partial<PlanEvent>);

/** New York, Madrid, Beijing and Seoul around the clock changes of 2026. */
export function buildDstPlan(): Plan {
  const base = buildSamplePlan();
  const ny = 'America/New_York';
  const md = 'Europe/Madrid';
  const events = [
    // New York: 8 March (02:00 EST → 03:00 EDT) and 1 November (02:00 EDT → 01:00 EST).
    at(
      'ny-before-gap',
      'NY 01:30 EST, before the gap',
      ny,
      'white-house',
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T06:59:00.000Z',
    ),
    at(
      'ny-across-gap',
      'NY 01:00 EST to 04:00 EDT, across the gap',
      ny,
      'white-house',
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T08:00:00.000Z',
    ),
    at(
      'ny-after-gap',
      'NY 03:00 EDT, just after the gap',
      ny,
      'white-house',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T07:45:00.000Z',
    ),
    at(
      'ny-first-0130',
      'NY 01:30 EDT, the first 01:30',
      ny,
      'new-york',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T05:50:00.000Z',
    ),
    at(
      'ny-second-0130',
      'NY 01:30 EST, the second 01:30',
      ny,
      'new-york',
      '2026-11-01T06:30:00.000Z',
      '2026-11-01T06:50:00.000Z',
    ),
    at(
      'ny-across-back',
      'NY 00:30 EDT to 03:00 EST, across the change',
      ny,
      'new-york',
      '2026-11-01T04:30:00.000Z',
      '2026-11-01T08:00:00.000Z',
    ),
    at('ny-summer', 'NY 09:00 EDT', ny, 'white-house', '2026-07-15T13:00:00.000Z', '2026-07-15T14:00:00.000Z'),
    at('ny-winter', 'NY 09:00 EST', ny, 'white-house', '2026-12-15T14:00:00.000Z', '2026-12-15T15:00:00.000Z'),
    // Madrid: 29 March (02:00 CET → 03:00 CEST) and 25 October (03:00 CEST → 02:00 CET).
    at(
      'md-across-gap',
      'Madrid 01:30 CET to 03:30 CEST, across the gap',
      md,
      'madrid',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ),
    at(
      'md-after-gap',
      'Madrid 03:00 CEST, just after the gap',
      md,
      'madrid-santa-cruz',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ),
    at(
      'md-first-0230',
      'Madrid 02:30 CEST, the first 02:30',
      md,
      'madrid',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:45:00.000Z',
    ),
    at(
      'md-second-0230',
      'Madrid 02:30 CET, the second 02:30',
      md,
      'madrid',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T01:45:00.000Z',
    ),
    at(
      'md-across-back',
      'Madrid 01:00 CEST to 04:00 CET, across the change',
      md,
      'madrid-santa-cruz',
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ),
    // Beijing and Seoul keep one offset all year.
    at(
      'bj-morning',
      'Beijing 09:00 CST',
      'Asia/Shanghai',
      'great-hall',
      '2026-03-08T01:00:00.000Z',
      '2026-03-08T03:00:00.000Z',
    ),
    at(
      'bj-evening',
      'Beijing 23:30 CST to 00:30 the next day',
      'Asia/Shanghai',
      'beijing',
      '2026-11-01T15:30:00.000Z',
      '2026-11-01T16:30:00.000Z',
    ),
    at('seoul-talks', 'Seoul 11:00 KST', 'Asia/Seoul', 'seoul', '2026-10-25T02:00:00.000Z', '2026-10-25T03:40:00.000Z'),
    // All-day items, one over the fall-back day, one on the spring-forward day, one in Seoul.
    makeAllDayEvent('2026-10-31', '2026-11-02', ny, {
      id: 'ny-allday-back',
      title: 'NY all-day over the fall-back',
    } as Partial<PlanEvent>),
    makeAllDayEvent('2026-03-29', '2026-03-29', md, {
      id: 'md-allday-gap',
      title: 'Madrid all day on the spring-forward day',
    } as Partial<PlanEvent>),
    makeAllDayEvent('2026-10-25', '2026-10-26', 'Asia/Seoul', {
      id: 'seoul-allday',
      title: 'Seoul all-day',
    } as Partial<PlanEvent>),
  ];
  const legs = [
    // Departs Dulles in the repeated hour (the first 01:45), lands in Madrid the same afternoon.
    makeLeg({
      id: 'leg-iad-mad',
      fromPlaceId: 'iad',
      toPlaceId: 'madrid',
      mode: 'flight',
      departsAt: '2026-11-01T05:45:00.000Z',
      arrivesAt: '2026-11-01T13:50:00.000Z',
    } as Partial<Leg>),
    // Departs Madrid in the second 02:30.
    makeLeg({
      id: 'leg-mad-pek',
      fromPlaceId: 'madrid',
      toPlaceId: 'pek',
      mode: 'flight',
      departsAt: '2026-10-25T01:30:00.000Z',
      arrivesAt: '2026-10-25T12:00:00.000Z',
    } as Partial<Leg>),
    makeLeg({
      id: 'leg-pek-pus',
      fromPlaceId: 'pek',
      toPlaceId: 'pus',
      mode: 'flight',
      departsAt: '2026-10-26T01:00:00.000Z',
      arrivesAt: '2026-10-26T03:30:00.000Z',
    } as Partial<Leg>),
  ];
  const windows = [
    makeWindow('2026-10-24', '2026-10-26', md, {
      id: 'md-window',
      title: 'Madrid window over the change',
    } as Partial<PlanWindow>),
    makeWindow('2026-03-07', '2026-03-09', ny, {
      id: 'ny-window',
      title: 'NY window over the gap',
    } as Partial<PlanWindow>),
  ];
  return { ...base, events, legs, windows, visits: [], scenarios: [] };
}

/** What an outside reader must find for each exported item: its UID and its instants (timed) or dates (all-day, end exclusive). */
export interface ExpectedEvent {
  uid: string;
  title: string;
  allDay: boolean;
  start: string;
  end: string;
}

export function expectedEvents(plan: Plan): ExpectedEvent[] {
  const out: ExpectedEvent[] = [];
  for (const e of plan.events)
    out.push(
      e.allDay
        ? {
            uid: uidOf('event', e.id),
            title: e.title,
            allDay: true,
            start: e.startDate!,
            end: addDaysToDate(e.endDate!, 1),
          }
        : { uid: uidOf('event', e.id), title: e.title, allDay: false, start: e.startsAt, end: e.endsAt },
    );
  for (const l of plan.legs)
    out.push({ uid: uidOf('leg', l.id), title: l.id, allDay: false, start: l.departsAt, end: l.arrivesAt });
  for (const w of plan.windows)
    out.push({
      uid: uidOf('window', w.id),
      title: w.title,
      allDay: true,
      start: w.startDate,
      end: addDaysToDate(w.endDate, 1),
    });
  return out.sort((a, b) => (a.uid < b.uid ? -1 : 1));
}
