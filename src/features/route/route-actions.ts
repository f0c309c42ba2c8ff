/**
 * Edits made in the route view: each is one command of the write path (one History entry) saved
 * at once, and offers an Undo in the toast. A refused save says why and changes nothing.
 */
import { describeWriteError } from '../../db';
import { expectRevs, type Command } from '../../db/commands';
import { swapLegSlots, type ItineraryStop } from '../../domain/planning';
import { recordTitle, type Leg, type PlanEvent } from '../../domain/model';
import { useUndoStore } from '../../store/undo-store';
import { commit as run } from '../../db/undo-offer';

const message = describeWriteError;

/** Run a command and offer its Undo in the toast. */
async function commit(command: Command): Promise<void> {
  useUndoStore.getState().present((await run(command)).offer);
}

/** Run a save; on failure tell the user (in the toast) and return false. Nothing was written. */
async function attempt(what: string, run: () => Promise<void>): Promise<boolean> {
  return (await attemptWithReason(what, run)) === null;
}

/** Run a save; return null, or why it failed (also said in the toast). */
async function attemptWithReason(what: string, run: () => Promise<void>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (err) {
    const reason = message(err);
    useUndoStore.getState().notify(`${what} was not saved: ${reason}`);
    return reason;
  }
}

/** Save a leg from the form; `previous` is the leg as the form opened it (its revision guards against a stale edit). Null or why not. */
export function saveLeg(
  record: Record<string, unknown>,
  previous: Leg | undefined,
  label: string,
): Promise<string | null> {
  return attemptWithReason('The leg', async () => {
    await commit({
      label: previous ? `Saved leg ${label}` : `Added leg ${label}`,
      put: { legs: [record] },
      expect: { [`legs/${String(record.id)}`]: previous?.rev ?? 0 },
    });
  });
}

export function deleteLeg(leg: Leg, label: string): Promise<boolean> {
  return attempt('The deletion', async () => {
    await commit({ label: `Deleted leg ${label}`, remove: { legs: [leg.id] }, expect: expectRevs('legs', [leg]) });
  });
}

export function setLegOptional(leg: Leg, optional: boolean, label: string): Promise<boolean> {
  return attempt('The leg', async () => {
    await commit({
      label: `Leg ${label} is ${optional ? 'now optional' : 'no longer optional'}`,
      put: { legs: [{ ...leg, optional }] },
      expect: expectRevs('legs', [leg]),
    });
  });
}

/** Swap two legs' time slots (see `swapLegSlots`), both in one transaction. */
export function swapLegs(a: Leg, b: Leg, label: string): Promise<boolean> {
  return attempt('The new order', async () => {
    await commit({ label, put: { legs: swapLegSlots(a, b) }, expect: expectRevs('legs', [a, b]) });
  });
}

/** Save a programme item from the stop form (see `saveLeg`). Null or why not. */
export function saveStopEvent(
  record: Record<string, unknown>,
  previous: PlanEvent | undefined,
): Promise<string | null> {
  return attemptWithReason('The item', async () => {
    await commit({
      label: `${previous ? 'Saved' : 'Added'} '${recordTitle(record)}'`,
      put: { events: [record] },
      expect: { [`events/${String(record.id)}`]: previous?.rev ?? 0 },
    });
  });
}

export function deleteEvent(event: PlanEvent): Promise<boolean> {
  return attempt('The deletion', async () => {
    await commit({
      label: `Deleted '${event.title}'`,
      remove: { events: [event.id] },
      expect: expectRevs('events', [event]),
    });
  });
}

/** What removing a stop deletes: its programme items and the leg that brings the principal there. */
export function stopRemoval(stop: ItineraryStop): { eventIds: string[]; legIds: string[] } {
  return { eventIds: stop.events.map((e) => e.id), legIds: stop.arrivalLegId ? [stop.arrivalLegId] : [] };
}

export function removeStop(stop: ItineraryStop): Promise<boolean> {
  const { eventIds, legIds } = stopRemoval(stop);
  return attempt('The removal', async () => {
    await commit({ label: `Removed the stop in ${stop.city.name}`, remove: { events: eventIds, legs: legIds } });
  });
}
