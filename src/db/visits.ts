/**
 * Visit-wide writes: create a visit with its events, and move a draft visit with all its events
 * and legs. Each is one transaction and returns the inverse change set for undo.
 */
import type { PlanEvent, Visit } from '../domain/model';
import { isDraftVisit, shiftVisitItems } from '../domain/planning';
import { applyChanges, stampRow, type ChangeSet } from './changes';
import { systemClock, type Clock } from './repositories';
import type { SummitryDb } from './schema';

/** Write a new visit and its events together. Returns the undo (which removes them). */
export function createVisit(
  db: SummitryDb,
  visit: Visit,
  events: readonly PlanEvent[],
  clock: Clock = systemClock,
): Promise<ChangeSet> {
  return applyChanges(db, { put: { visits: [visit], events } }, clock);
}

export class VisitNotMovableError extends Error {
  override readonly name = 'VisitNotMovableError';
}

/**
 * Move a draft visit (speculative, proposed, tentative or postponed) and every event and leg of
 * it by `days` whole local days: each item keeps its local time at its place (see
 * domain/visit-shift.ts). Read, computed, validated and written in one transaction: all items
 * move or none does. Returns the undo.
 */
export async function shiftVisit(
  db: SummitryDb,
  visitId: string,
  days: number,
  clock: Clock = systemClock,
): Promise<ChangeSet> {
  if (!Number.isInteger(days)) throw new RangeError('A visit moves by whole days.');
  const now = clock();
  return db.transaction('rw', [db.visits, db.events, db.legs, db.places], async () => {
    const visit = await db.visits.get(visitId);
    if (!visit) throw new VisitNotMovableError('The visit is no longer in the plan.');
    if (!isDraftVisit(visit))
      throw new VisitNotMovableError(`"${visit.title}" is ${visit.status}: only a draft visit can be moved.`);
    const events = await db.events.where('visitId').equals(visitId).toArray();
    const legs = await db.legs.where('visitId').equals(visitId).toArray();
    const places = await db.places.toArray();
    const shifted = shiftVisitItems({ events, legs }, days, places);
    const newEvents = shifted.events.map((e, i) => stampRow('events', e, events[i], now));
    const newLegs = shifted.legs.map((l, i) => stampRow('legs', l, legs[i], now));
    await db.events.bulkPut(newEvents);
    await db.legs.bulkPut(newLegs);
    return { put: { events, legs } };
  });
}
