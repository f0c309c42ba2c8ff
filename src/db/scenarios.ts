/**
 * Scenario writes: promoting a scenario to be the plan and deleting one, each one command (one
 * transaction, one History entry, undoable). Creating, renaming and editing go through
 * `repos.scenarios.put`.
 */
import { promotionChanges, type Promotion } from '../domain/planning';
import type { Clock } from './clock';
import { runCommand, type CommandResult, type RunOptions } from './commands';
import { planOf, rowsOfPlan } from './open-plan';
import type { Leg, PlanEvent } from '../domain/model';
import type { SummitryDb } from './schema';

export class ScenarioMissingError extends Error {
  override readonly name = 'ScenarioMissingError';
}

const opts = (clock?: Clock | RunOptions): RunOptions => (typeof clock === 'function' ? { clock } : (clock ?? {}));

/**
 * Make a scenario the plan: its alternative dates become the items' dates, the optional items it
 * takes in become firm, the ones it leaves out are marked cancelled (see domain/scenarios.ts).
 */
export async function promoteScenario(
  db: SummitryDb,
  scenarioId: string,
  clock?: Clock | RunOptions,
): Promise<{ promotion: Promotion; result: CommandResult }> {
  let promotion: Promotion | undefined;
  const result = await runCommand(
    db,
    async () => {
      const scenario = await db.scenarios.get(scenarioId);
      if (!scenario) throw new ScenarioMissingError('The scenario is no longer in the plan.');
      // Only the scenario's own plan: records of other plans are never touched.
      const planId = planOf(scenario);
      const [events, legs] = await Promise.all([
        rowsOfPlan<PlanEvent>(db, 'events', planId),
        rowsOfPlan<Leg>(db, 'legs', planId),
      ]);
      promotion = promotionChanges(
        { places: [], participants: [], visits: [], windows: [], scenarios: [], events, legs },
        scenario,
      );
      return {
        label: `Made the scenario '${scenario.name}' the plan`,
        put: { events: promotion.events, legs: promotion.legs },
      };
    },
    opts(clock),
  );
  return { promotion: promotion!, result };
}

/** Delete a scenario. */
export async function deleteScenario(
  db: SummitryDb,
  scenarioId: string,
  clock?: Clock | RunOptions,
): Promise<CommandResult> {
  const scenario = await db.scenarios.get(scenarioId);
  return runCommand(
    db,
    { label: `Deleted the scenario '${scenario?.name ?? scenarioId}'`, remove: { scenarios: [scenarioId] } },
    opts(clock),
  );
}
