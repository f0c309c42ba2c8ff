/**
 * Rescheduling an item by dragging, resizing or the keyboard. A move by whole days keeps the
 * item's wall-clock time in its own zone (09:00 in Seoul stays 09:00 in Seoul); a move to a
 * time slot takes the instant the user dropped it at. Either way the duration is kept. Resizing
 * changes the end only. Saving goes through the repositories, which validate.
 */
import type { Repositories } from '../../db/repositories';
import type { Leg, PlanEvent } from '../../domain/model';
import { addDaysToDate, localDaysToInstants, shiftLocalDays, toInstant, toMs } from '../../domain/time';

export interface Shift {
  /** Whole days, counted on the calendar. */
  days: number;
  /** Milliseconds beyond the whole days (a move within the time grid); 0 for a move by dates. */
  ms: number;
  /** Where the calendar put the new start, when it knows (UTC ISO); used for time-slot moves. */
  newStart?: string;
}

export interface Resize {
  /** Whole days the end moved (all-day items). */
  days: number;
  /** The new end (timed items), UTC ISO. */
  newEnd?: string;
}

function shiftStart(start: string, zone: string, shift: Shift): string {
  if (shift.ms === 0) return shiftLocalDays(start, zone, shift.days);
  if (shift.newStart) return shift.newStart;
  return toInstant(toMs(shiftLocalDays(start, zone, shift.days)) + shift.ms);
}

/** The event moved by `shift`, same zone and duration (all-day: same number of days). */
export function moveEvent(e: PlanEvent, shift: Shift): PlanEvent {
  if (e.allDay) {
    const days = shift.days + Math.round(shift.ms / 86_400_000);
    const startDate = addDaysToDate(e.startDate!, days);
    const endDate = addDaysToDate(e.endDate!, days);
    return { ...e, startDate, endDate, ...localDaysToInstants(startDate, endDate, e.timeZone) };
  }
  const startsAt = shiftStart(e.startsAt, e.timeZone, shift);
  return { ...e, startsAt, endsAt: toInstant(toMs(startsAt) + toMs(e.endsAt) - toMs(e.startsAt)) };
}

/** The event with a new end. */
export function resizeEvent(e: PlanEvent, resize: Resize): PlanEvent {
  if (e.allDay) {
    const endDate = addDaysToDate(e.endDate!, resize.days);
    return { ...e, endDate, ...localDaysToInstants(e.startDate!, endDate, e.timeZone) };
  }
  if (!resize.newEnd) return e;
  return { ...e, endsAt: resize.newEnd };
}

/** The leg moved by `shift` (whole days in its departure zone), same duration. */
export function moveLeg(l: Leg, shift: Shift, departureZone: string): Leg {
  const departsAt = shiftStart(l.departsAt, departureZone, shift);
  return { ...l, departsAt, arrivesAt: toInstant(toMs(departsAt) + toMs(l.arrivesAt) - toMs(l.departsAt)) };
}

/** The leg with a new arrival. */
export function resizeLeg(l: Leg, resize: Resize): Leg {
  return resize.newEnd ? { ...l, arrivesAt: resize.newEnd } : l;
}

export type Change = { kind: 'move'; shift: Shift } | { kind: 'resize'; resize: Resize };

export interface Rescheduled<T> {
  before: T;
  after: T;
}

/**
 * Apply `change` to the stored item and save it. Throws an Error whose message says, in plain
 * words, why nothing was saved (the item is gone, or the new times are refused).
 */
export async function rescheduleItem(
  repos: Repositories,
  type: 'event' | 'leg',
  id: string,
  change: Change,
): Promise<Rescheduled<PlanEvent> | Rescheduled<Leg>> {
  if (type === 'event') {
    const before = await repos.events.get(id);
    if (!before) throw new Error('it no longer exists (deleted in another tab?)');
    const next = change.kind === 'move' ? moveEvent(before, change.shift) : resizeEvent(before, change.resize);
    const after = await repos.events.put(next, { expectedRev: before.rev ?? 0 });
    return { before, after };
  }
  const before = await repos.legs.get(id);
  if (!before) throw new Error('it no longer exists (deleted in another tab?)');
  const from = await repos.places.get(before.fromPlaceId);
  const next =
    change.kind === 'move' ? moveLeg(before, change.shift, from?.timeZone ?? 'UTC') : resizeLeg(before, change.resize);
  const after = await repos.legs.put(next, { expectedRev: before.rev ?? 0 });
  return { before, after };
}

/** Put back what was there before a reschedule (for Undo). */
export async function restoreItem(repos: Repositories, type: 'event' | 'leg', before: PlanEvent | Leg): Promise<void> {
  if (type === 'event') await repos.events.put(before);
  else await repos.legs.put(before);
}
