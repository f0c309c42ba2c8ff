import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeCompiled,
  analyzeConflicts,
  compilePlan,
  findConflicts,
  finderFor,
  toPlainConflict,
  type FindOptions,
} from '../../../src/domain/conflicts';
import { compileSteps } from '../../../src/domain/conflicts/nodes';
import type { Plan, PlanEvent, Scenario } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { toInstant } from '../../../src/domain/time/time';
import { drain, PEOPLE, PLACES } from './fixtures';

const plain = (r: ReturnType<typeof analyzeConflicts>) => ({ ...r, conflicts: r.conflicts.map(toPlainConflict) });

/** Runs over one compiled plan, in this order, against a fresh compile for each. */
function expectSharedCompileAgrees(plan: Plan, runs: FindOptions[]): void {
  const compiled = compilePlan(plan);
  for (const options of runs) {
    expect(plain(analyzeCompiled(compiled, options))).toEqual(plain(analyzeConflicts(plan, options)));
  }
}

describe('a compiled plan shared by many runs', () => {
  it('gives each run of the sample plan what a fresh compile gives (base, optional, each scenario, base again)', () => {
    const plan = buildSamplePlan();
    expect(plan.scenarios.length).toBeGreaterThan(0);
    const runs: FindOptions[] = [
      { includeOptional: false },
      { includeOptional: true },
      ...plan.scenarios.map((scenario) => ({ includeOptional: false, scenario })),
      { includeOptional: plan.legs.filter((l) => l.optional).map((l) => l.id) },
      { includeOptional: false, rules: ['transit', 'continuity'] },
      { includeOptional: false },
    ];
    expectSharedCompileAgrees(plan, runs);
    // The runs differ, so the comparison means something.
    const compiled = compilePlan(plan);
    const base = analyzeCompiled(compiled, { includeOptional: false }).conflicts.map((c) => c.id);
    const withOptional = analyzeCompiled(compiled, { includeOptional: true }).conflicts.map((c) => c.id);
    expect(withOptional).not.toEqual(base);
  });

  it('moves items for a scenario without moving them for the runs after it', () => {
    const plan = buildSamplePlan();
    const scenario = plan.scenarios.find((s) => s.overrides.length > 0)!;
    const compiled = compilePlan(plan);
    const before = plain(analyzeCompiled(compiled, { includeOptional: false }));
    const moved = plain(analyzeCompiled(compiled, { includeOptional: false, scenario }));
    expect(moved).not.toEqual(before);
    expect(plain(analyzeCompiled(compiled, { includeOptional: false }))).toEqual(before);
  });

  it('agrees with a fresh compile on random plans with optional items and scenarios', () => {
    const BASE = Date.parse('2025-10-01T00:00:00.000Z');
    const UNIT = 30 * 60_000;
    const event = fc.record({
      start: fc.integer({ min: 0, max: 400 }),
      len: fc.integer({ min: 1, max: 12 }),
      people: fc.subarray(
        PEOPLE.map((p) => p.id),
        { minLength: 1 },
      ),
      place: fc.constantFrom(...PLACES.map((p) => p.id), undefined),
      optional: fc.boolean(),
      night: fc.boolean(),
    });
    const arb = fc.record({
      events: fc.array(event, { maxLength: 80 }),
      moves: fc.array(fc.record({ item: fc.nat(), by: fc.integer({ min: -48, max: 48 }) }), { maxLength: 6 }),
      take: fc.array(fc.nat(), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(arb, ({ events: raw, moves, take }) => {
        const events = raw.map(
          (r, i) =>
            ({
              id: `e${i}`,
              title: `E${i}`,
              kind: r.place ? 'meeting' : 'call',
              status: 'confirmed',
              allDay: false,
              startsAt: toInstant(BASE + r.start * UNIT),
              endsAt: toInstant(BASE + (r.start + r.len) * UNIT),
              timeZone: 'UTC',
              ...(r.place ? { placeId: r.place } : {}),
              participantIds: r.people,
              optional: r.optional,
              sources: [],
              topics: [],
            }) as unknown as PlanEvent,
        );
        const overrides =
          events.length === 0
            ? []
            : moves.map(({ item, by }) => {
                const e = events[item % events.length]!;
                return {
                  itemId: e.id,
                  startsAt: toInstant(Date.parse(e.startsAt) + by * UNIT),
                  endsAt: toInstant(Date.parse(e.endsAt) + by * UNIT),
                };
              });
        const scenario = {
          id: 's',
          name: 'S',
          includeOptionalIds: take.map((k) => `e${k}`),
          overrides,
        } as unknown as Scenario;
        const plan: Plan = {
          places: PLACES,
          participants: PEOPLE,
          events,
          legs: [],
          windows: [],
          visits: [],
          scenarios: [scenario],
        };
        expectSharedCompileAgrees(plan, [
          { includeOptional: true },
          { includeOptional: false, scenario },
          { includeOptional: false },
          { includeOptional: take.map((k) => `e${k}`) },
          { includeOptional: true, scenario },
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('finderFor answers for its plan from one compile, and for any other plan afresh', () => {
    const plan = buildSamplePlan();
    const other = { ...plan, events: plan.events.filter((e) => e.kind !== 'call') };
    const find = finderFor(plan);
    for (const options of [{ includeOptional: false }, { includeOptional: true }] satisfies FindOptions[]) {
      expect(find(plan, options).map(toPlainConflict)).toEqual(findConflicts(plan, options).map(toPlainConflict));
      expect(find(other, options).map(toPlainConflict)).toEqual(findConflicts(other, options).map(toPlainConflict));
    }
    expect(findConflicts(other, { includeOptional: true }).map((c) => c.id)).not.toEqual(
      findConflicts(plan, { includeOptional: true }).map((c) => c.id),
    );
  });

  it('compiles in steps, pausing every 4,096 items, to the same compiled plan as in one go', () => {
    const sample = buildSamplePlan();
    const template = sample.events.find((e) => !e.allDay && e.participantIds.length > 0);
    expect(template).toBeDefined();
    const events: PlanEvent[] = Array.from({ length: 20_000 }, (_, i) => {
      const start = Date.parse('2027-01-04T01:00:00.000Z') + i * 5_400_000;
      return {
        ...template!,
        id: `many-${i}` as never,
        status: 'confirmed',
        startsAt: toInstant(start),
        endsAt: toInstant(start + 3_600_000),
      };
    });
    const plan: Plan = { ...sample, events: [...sample.events, ...events] };
    const step = drain(compileSteps(plan));
    const pauses = step.pauses;
    // Items read (20,000 and the sample's), then nodes built: four pauses each way at least.
    expect(pauses).toBeGreaterThanOrEqual(8);
    const whole = compilePlan(plan);
    expect(step.value.nodes.map((x) => `${x.type}:${x.id}@${x.start}`)).toEqual(
      whole.nodes.map((x) => `${x.type}:${x.id}@${x.start}`),
    );
    expect(plain(analyzeCompiled(step.value, { includeOptional: true }))).toEqual(
      plain(analyzeCompiled(whole, { includeOptional: true })),
    );
  });
});
