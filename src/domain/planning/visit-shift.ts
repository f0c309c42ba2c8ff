/**
 * Moving a visit by whole days. A planner moving "the Xi visit" three weeks later means every
 * item keeps its local time at its place: 10:00 at the White House stays 10:00 there, even
 * across a DST change. So days are added in each item's own zone (a leg: in its departure
 * place's zone), and each timed item keeps its duration; all-day items keep their local dates'
 * length.
 */
import { DateTime } from 'luxon';
import type { Leg, Place, Plan, PlanEvent, Visit } from '../model';
import { localDateOf, localDaysToInstants, toInstant, toMs } from '../time';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD` (calendar arithmetic, no zone involved). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The calendar date `YYYY-MM-DD` of a day number (see `dayNumber`). */
export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `date` (`YYYY-MM-DD`) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Calendar days from local date `a` to local date `b` (`b - a`; negative if b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(dayNumber(date) * DAY_MS).getUTCDay() + 6) % 7) + 1;
}

/** The instant `days` calendar days after `instant`, wall-clock preserved in `zone`. */
export function shiftInstant(instant: string, days: number, zone: string): string {
  if (days === 0) return instant;
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).plus({ days }).toUTC().toISO()!;
}

/** An event moved by `days` local days in its own zone. */
export function shiftEvent(e: PlanEvent, days: number): PlanEvent {
  if (days === 0) return e;
  if (e.allDay && e.startDate && e.endDate) {
    const startDate = addDays(e.startDate, days);
    const endDate = addDays(e.endDate, days);
    return { ...e, startDate, endDate, ...localDaysToInstants(startDate, endDate, e.timeZone) };
  }
  const startsAt = shiftInstant(e.startsAt, days, e.timeZone);
  return { ...e, startsAt, endsAt: toInstant(toMs(startsAt) + toMs(e.endsAt) - toMs(e.startsAt)) };
}

/** A leg moved by `days`: departure keeps its local time at the origin, the duration is kept. */
export function shiftLeg(l: Leg, days: number, fromZone: string): Leg {
  if (days === 0) return l;
  const departsAt = shiftInstant(l.departsAt, days, fromZone);
  return { ...l, departsAt, arrivesAt: toInstant(toMs(departsAt) + toMs(l.arrivesAt) - toMs(l.departsAt)) };
}

export interface VisitItems {
  events: PlanEvent[];
  legs: Leg[];
}

/** The events and legs of a visit. */
export function visitItems(plan: Pick<Plan, 'events' | 'legs'>, visitId: string): VisitItems {
  return {
    events: plan.events.filter((e) => e.visitId === visitId),
    legs: plan.legs.filter((l) => l.visitId === visitId),
  };
}

/** Every event and leg of a visit moved by `days` (see the module note). Places give leg zones. */
export function shiftVisitItems(items: VisitItems, days: number, places: readonly Place[]): VisitItems {
  const zoneOf = new Map(places.map((p) => [p.id as string, p.timeZone]));
  return {
    events: items.events.map((e) => shiftEvent(e, days)),
    legs: items.legs.map((l) => shiftLeg(l, days, zoneOf.get(l.fromPlaceId) ?? 'UTC')),
  };
}

/**
 * The local days (in `zone`) a visit's guest spends at the host: from the earliest of its events'
 * starts and its legs' arrivals to the latest of its events' ends and its legs' departures.
 * With no legs, the events' span. `null` for a visit with no items.
 */
export function visitHostDays(items: VisitItems, zone: string): { startDate: string; endDate: string } | null {
  const arrivals = items.legs.map((l) => toMs(l.arrivesAt));
  const departures = items.legs.map((l) => toMs(l.departsAt));
  let first: number;
  let last: number;
  if (items.events.length > 0) {
    const eventStart = Math.min(...items.events.map((e) => toMs(e.startsAt)));
    const eventEnd = Math.max(...items.events.map((e) => toMs(e.endsAt) - 1));
    const arrivedBefore = arrivals.filter((a) => a <= eventStart);
    const leftAfter = departures.filter((d) => d >= eventEnd);
    first = arrivedBefore.length > 0 ? Math.max(...arrivedBefore) : eventStart;
    last = leftAfter.length > 0 ? Math.min(...leftAfter) : eventEnd;
  } else if (items.legs.length > 0) {
    first = Math.min(...arrivals);
    last = Math.max(first, ...departures);
  } else {
    return null;
  }
  return { startDate: localDateOf(toInstant(first), zone), endDate: localDateOf(toInstant(last), zone) };
}

/** Statuses of a visit that is still a draft, and so may be moved. */
export const DRAFT_STATUSES = ['speculative', 'proposed', 'tentative', 'postponed'] as const;

/** True for a visit still being drafted (not confirmed, held or cancelled). */
export function isDraftVisit(visit: Pick<Visit, 'status'>): boolean {
  return (DRAFT_STATUSES as readonly string[]).includes(visit.status);
}
