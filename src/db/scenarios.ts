/**
 * Scenario writes: promoting a scenario to be the plan (one transaction, undoable) and deleting
 * one (undoable). Creating, renaming and editing go through `repos.scenarios.put`.
 */
import { promotionChanges, type Promotion } from '../domain/planning';
import { applyChanges, stampRow, type ChangeSet } from './changes';
import { systemClock, type Clock } from './repositories';
import type { SummitryDb } from './schema';

export class ScenarioMissingError extends Error {
  override readonly name = 'ScenarioMissingError';
}

/**
 * Make a scenario the plan: its alternative dates become the items' dates, the optional items it
 * takes in become firm, the ones it leaves out are marked cancelled (see domain/scenarios.ts).
 * One transaction; returns what changed and the undo.
 */
export async function promoteScenario(
  db: SummitryDb,
  scenarioId: string,
  clock: Clock = systemClock,
): Promise<{ promotion: Promotion; undo: ChangeSet }> {
  const now = clock();
  return db.transaction('rw', [db.scenarios, db.events, db.legs, db.places], async () => {
    const scenario = await db.scenarios.get(scenarioId);
    if (!scenario) throw new ScenarioMissingError('The scenario is no longer in the plan.');
    const [events, legs] = await Promise.all([db.events.toArray(), db.legs.toArray()]);
    const promotion = promotionChanges(
      { places: [], participants: [], visits: [], windows: [], scenarios: [], events, legs },
      scenario,
    );
    const storedEvents = new Map(events.map((e) => [e.id as string, e]));
    const storedLegs = new Map(legs.map((l) => [l.id as string, l]));
    const newEvents = promotion.events.map((e) => stampRow('events', e, storedEvents.get(e.id), now));
    const newLegs = promotion.legs.map((l) => stampRow('legs', l, storedLegs.get(l.id), now));
    const eventIds = new Set(newEvents.map((e) => e.id as string));
    const legIds = new Set(newLegs.map((l) => l.id as string));
    await db.events.bulkPut(newEvents);
    await db.legs.bulkPut(newLegs);
    return {
      promotion,
      undo: { put: { events: events.filter((e) => eventIds.has(e.id)), legs: legs.filter((l) => legIds.has(l.id)) } },
    };
  });
}

/** Delete a scenario; returns the undo. */
export function deleteScenario(db: SummitryDb, scenarioId: string, clock: Clock = systemClock): Promise<ChangeSet> {
  return applyChanges(db, { remove: { scenarios: [scenarioId] } }, clock);
}
