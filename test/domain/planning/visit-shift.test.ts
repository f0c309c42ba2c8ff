import { describe, expect, it } from 'vitest';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { localToInstant, toMs } from '../../../src/domain/time/time';
import {
  addDays,
  daysBetween,
  isoWeekday,
  shiftEvent,
  shiftLeg,
  shiftVisitItems,
  visitHostDays,
  visitItems,
} from '../../../src/domain/planning/visit-shift';
import { makeAllDayEvent, makeEvent, makeLeg } from '../../helpers/factories';

const NY = 'America/New_York';

describe('moving a visit by whole days', () => {
  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-09-24', -43)).toBe('2026-08-12');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-09-24', '2026-08-12')).toBe(-43);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(isoWeekday('2026-08-12')).toBe(3);
    expect(isoWeekday('2026-08-16')).toBe(7);
  });

  it('keeps a timed event at its local time across a DST change, and its length', () => {
    const talks = makeEvent({
      timeZone: NY,
      startsAt: localToInstant('2026-10-28T10:00', NY),
      endsAt: localToInstant('2026-10-28T13:00', NY),
    });
    const moved = shiftEvent(talks, 7);
    expect(moved.startsAt).toBe(localToInstant('2026-11-04T10:00', NY));
    expect(moved.startsAt).toBe('2026-11-04T15:00:00.000Z');
    expect(toMs(moved.endsAt) - toMs(moved.startsAt)).toBe(3 * 3_600_000);
    expect(shiftEvent(talks, 0)).toBe(talks);
  });

  it('moves an all-day event by its local dates', () => {
    const day = makeAllDayEvent('2026-09-22', '2026-09-28', NY);
    const moved = shiftEvent(day, 40);
    expect([moved.startDate, moved.endDate]).toEqual(['2026-11-01', '2026-11-07']);
    expect(moved.startsAt).toBe('2026-11-01T04:00:00.000Z');
    expect(moved.endsAt).toBe('2026-11-08T05:00:00.000Z');
  });

  it("keeps a leg's departure time at its origin and its duration", () => {
    const leg = makeLeg({
      departsAt: localToInstant('2026-10-30T12:30', 'Asia/Shanghai'),
      arrivesAt: localToInstant('2026-10-30T14:10', NY),
    });
    const moved = shiftLeg(leg, 3, 'Asia/Shanghai');
    expect(moved.departsAt).toBe(localToInstant('2026-11-02T12:30', 'Asia/Shanghai'));
    expect(toMs(moved.arrivesAt) - toMs(moved.departsAt)).toBe(toMs(leg.arrivesAt) - toMs(leg.departsAt));
  });

  it("finds the Xi visit's days at the host: arrival 24 Sep to departure 26 Sep, and moves all four items", () => {
    const plan = buildSamplePlan();
    const items = visitItems(plan, 'xi-us-2026');
    expect(items.events.map((e) => e.id).sort()).toEqual(['xi-visit-dinner', 'xi-visit-talks']);
    expect(items.legs.map((l) => l.id).sort()).toEqual(['xi-leg-home', 'xi-leg-out']);
    expect(visitHostDays(items, NY)).toEqual({ startDate: '2026-09-24', endDate: '2026-09-26' });
    const moved = shiftVisitItems(items, -43, plan.places);
    expect(visitHostDays(moved, NY)).toEqual({ startDate: '2026-08-12', endDate: '2026-08-14' });
    expect(moved.legs.find((l) => l.id === 'xi-leg-out')!.departsAt).toBe(
      localToInstant('2026-08-12T12:30', 'Asia/Shanghai'),
    );
    expect(visitHostDays({ events: [], legs: [] }, NY)).toBeNull();
  });
});
