/**
 * Rescheduling an item by dragging, resizing or the keyboard. A move by whole days keeps the
 * item's wall-clock time in its own zone (09:00 in Seoul stays 09:00 in Seoul); a move to a
 * time slot takes the instant the user dropped it at. Either way the duration is kept. Resizing
 * changes the end only. Saving is one command of the write path, which validates.
 */
import { expectRevs, runCommand } from '../../db/commands';
import type { Repositories } from '../../db/repositories';
import type { HistoryEntry, Leg, PlanEvent } from '../../domain/model';
import {
  addDaysToDate,
  formatLocalDateTime,
  localDaysToInstants,
  shiftLocalDays,
  toInstant,
  toMs,
} from '../../domain/time';

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
  /** The History entry (for Undo). */
  entry: HistoryEntry | undefined;
}

function labelFor(title: string, change: Change, start: string, end: string, zone: string): string {
  return change.kind === 'move'
    ? `Moved '${title}' to ${formatLocalDateTime(start, zone)}`
    : `Changed the end of '${title}' to ${formatLocalDateTime(end, zone)}`;
}

/**
 * Apply `change` to the stored item and save it as one command of the write path (one History
 * entry, undoable). Throws an Error whose message says, in plain words, why nothing was saved
 * (the item is gone, or the new times are refused).
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
    const { entry, stored } = await runCommand(repos.db, {
      label: labelFor(before.title, change, next.startsAt, next.endsAt, next.timeZone),
      put: { events: [next] },
      expect: expectRevs('events', [before]),
    });
    return { before, after: stored.events![0]!, entry };
  }
  const before = await repos.legs.get(id);
  if (!before) throw new Error('it no longer exists (deleted in another tab?)');
  const from = await repos.places.get(before.fromPlaceId);
  const zone = from?.timeZone ?? 'UTC';
  const next = change.kind === 'move' ? moveLeg(before, change.shift, zone) : resizeLeg(before, change.resize);
  const { entry, stored } = await runCommand(repos.db, {
    label: labelFor(`${before.fromPlaceId} → ${before.toPlaceId}`, change, next.departsAt, next.arrivesAt, zone),
    put: { legs: [next] },
    expect: expectRevs('legs', [before]),
  });
  return { before, after: stored.legs![0]!, entry };
}
