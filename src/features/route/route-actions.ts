/**
 * Edits made in the route view: each is saved at once through the repositories and offers an
 * Undo in the toast. A refused save says why and changes nothing.
 */
import { describeWriteError, repos } from '../../db';
import { swapLegSlots, type ItineraryStop } from '../../domain/planning';
import type { Leg, PlanEvent } from '../../domain/model';
import { useUndoStore } from '../../store/undo-store';

const message = describeWriteError;

function offer(text: string, undo: () => Promise<unknown>) {
  useUndoStore.getState().offer(text, async () => {
    try {
      await undo();
    } catch (err) {
      useUndoStore.getState().notify(`Could not undo: ${message(err)}`);
    }
  });
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
    const stored = await repos.legs.put(record, { expectedRev: previous?.rev ?? 0 });
    offer(previous ? `Saved leg ${label}` : `Added leg ${label}`, () =>
      previous ? repos.legs.put(previous) : repos.legs.delete(stored.id),
    );
  });
}

export function deleteLeg(leg: Leg, label: string): Promise<boolean> {
  return attempt('The deletion', async () => {
    await repos.legs.delete(leg.id);
    offer(`Deleted leg ${label}`, () => repos.legs.put(leg));
  });
}

export function setLegOptional(leg: Leg, optional: boolean, label: string): Promise<boolean> {
  return attempt('The leg', async () => {
    await repos.legs.put({ ...leg, optional }, { expectedRev: leg.rev ?? 0 });
    offer(`Leg ${label} is ${optional ? 'now optional' : 'no longer optional'}`, () => repos.legs.put(leg));
  });
}

/** Swap two legs' time slots (see `swapLegSlots`), both in one transaction. */
export function swapLegs(a: Leg, b: Leg, label: string): Promise<boolean> {
  return attempt('The new order', async () => {
    await repos.legs.putMany(swapLegSlots(a, b));
    offer(label, () => repos.legs.putMany([a, b]));
  });
}

/** Save a programme item from the stop form (see `saveLeg`). Null or why not. */
export function saveStopEvent(
  record: Record<string, unknown>,
  previous: PlanEvent | undefined,
): Promise<string | null> {
  return attemptWithReason('The item', async () => {
    const stored = await repos.events.put(record, { expectedRev: previous?.rev ?? 0 });
    offer(previous ? `Saved "${stored.title}"` : `Added "${stored.title}"`, () =>
      previous ? repos.events.put(previous) : repos.events.delete(stored.id),
    );
  });
}

export function deleteEvent(event: PlanEvent): Promise<boolean> {
  return attempt('The deletion', async () => {
    await repos.events.delete(event.id);
    offer(`Deleted "${event.title}"`, () => repos.events.put(event));
  });
}

/** What removing a stop deletes: its programme items and the leg that brings the principal there. */
export function stopRemoval(stop: ItineraryStop): { eventIds: string[]; legIds: string[] } {
  return { eventIds: stop.events.map((e) => e.id), legIds: stop.arrivalLegId ? [stop.arrivalLegId] : [] };
}

export function removeStop(stop: ItineraryStop): Promise<boolean> {
  const { eventIds, legIds } = stopRemoval(stop);
  return attempt('The removal', async () => {
    const applied = await repos.apply({ remove: { events: eventIds, legs: legIds } });
    offer(`Removed the stop in ${stop.city.name}`, () => repos.apply({ put: applied.removed }));
  });
}
