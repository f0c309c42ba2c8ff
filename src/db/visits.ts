/**
 * Visit-wide writes: create a visit with its events, and move a draft visit with all its events
 * and legs. Each is one command (one transaction, one History entry, undoable).
 */
import type { PlanEvent, Visit } from '../domain/model';
import { isDraftVisit, shiftVisitItems } from '../domain/planning';
import type { Clock } from './clock';
import { runCommand, type CommandResult, type RunOptions } from './commands';
import type { SummitryDb } from './schema';

const opts = (clock?: Clock | RunOptions): RunOptions => (typeof clock === 'function' ? { clock } : (clock ?? {}));

/** Write a new visit and its events together. */
export function createVisit(
  db: SummitryDb,
  visit: Visit,
  events: readonly PlanEvent[],
  clock?: Clock | RunOptions,
): Promise<CommandResult> {
  return runCommand(
    db,
    {
      label: `Added the visit '${visit.title}'`,
      put: { visits: [visit], events },
      expect: { [`visits/${visit.id}`]: 0 },
    },
    opts(clock),
  );
}

export class VisitNotMovableError extends Error {
  override readonly name = 'VisitNotMovableError';
}

const dayWords = (days: number) =>
  `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days < 0 ? 'earlier' : 'later'}`;

/**
 * Move a draft visit (speculative, proposed, tentative or postponed) and every event and leg of
 * it by `days` whole local days: each item keeps its local time at its place (see
 * domain/visit-shift.ts). Read, computed, validated and written in one transaction: all items
 * move or none does.
 */
export function shiftVisit(
  db: SummitryDb,
  visitId: string,
  days: number,
  clock?: Clock | RunOptions,
): Promise<CommandResult> {
  if (!Number.isInteger(days)) return Promise.reject(new RangeError('A visit moves by whole days.'));
  return runCommand(
    db,
    async () => {
      const visit = await db.visits.get(visitId);
      if (!visit) throw new VisitNotMovableError('The visit is no longer in the plan.');
      if (!isDraftVisit(visit))
        throw new VisitNotMovableError(`"${visit.title}" is ${visit.status}: only a draft visit can be moved.`);
      const events = await db.events.where('visitId').equals(visitId).toArray();
      const legs = await db.legs.where('visitId').equals(visitId).toArray();
      const places = await db.places.toArray();
      const shifted = shiftVisitItems({ events, legs }, days, places);
      return {
        label: `Moved the visit '${visit.title}' ${dayWords(days)}`,
        put: { events: shifted.events, legs: shifted.legs },
      };
    },
    opts(clock),
  );
}
