import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeConflicts,
  recheck,
  recompilePlan,
  compilePlan,
  engineStats,
  sharedAnalysis,
  type ConflictRecord,
  sharedAnalysisSteps,
  sharedCompiled,
  sharedNextVersion,
  toPlainConflict,
  type Analysis,
  type Checked,
  type FindOptions,
} from '../../../src/domain/conflicts';
import type { Leg, Plan, PlanEvent } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { keysOf } from '../../../src/domain/conflicts/keys';
import { indexFor } from '../../../src/domain/conflicts/nodes';
import { overlapTotalAfter } from '../../../src/domain/conflicts/rules/overlap';
import { toInstant } from '../../../src/domain/time/time';
import { drain } from './fixtures';

const plain = (r: Analysis) => ({ ...r, conflicts: r.conflicts.map(toPlainConflict) });
const HOUR = 3_600_000;
const STATUSES = ['confirmed', 'tentative', 'held', 'cancelled', 'postponed', 'proposed'] as const;

type Edit =
  | { op: 'move'; item: number; leg: boolean; by: number; stretch: number }
  | { op: 'status'; item: number; leg: boolean; status: number }
  | { op: 'optional'; item: number; leg: boolean }
  | { op: 'people'; item: number; leg: boolean; keep: number }
  | { op: 'remove'; item: number; leg: boolean }
  | { op: 'copy'; item: number; by: number }
  | { op: 'reorder' }
  | { op: 'stamp'; item: number }
  | { op: 'place'; item: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('move' as const),
    item: fc.nat(),
    leg: fc.boolean(),
    by: fc.integer({ min: -72, max: 72 }),
    stretch: fc.integer({ min: -2, max: 6 }),
  }),
  fc.record({ op: fc.constant('status' as const), item: fc.nat(), leg: fc.boolean(), status: fc.nat() }),
  fc.record({ op: fc.constant('optional' as const), item: fc.nat(), leg: fc.boolean() }),
  fc.record({ op: fc.constant('people' as const), item: fc.nat(), leg: fc.boolean(), keep: fc.nat() }),
  fc.record({ op: fc.constant('remove' as const), item: fc.nat(), leg: fc.boolean() }),
  fc.record({ op: fc.constant('copy' as const), item: fc.nat(), by: fc.integer({ min: -48, max: 48 }) }),
  fc.record({ op: fc.constant('reorder' as const) }),
  fc.record({ op: fc.constant('stamp' as const), item: fc.nat() }),
  fc.record({ op: fc.constant('place' as const), item: fc.nat() }),
);

const countChange: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('copy' as const), item: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ op: fc.constant('remove' as const), item: fc.nat(), leg: fc.constant(false) }),
);

const shift = (iso: string, ms: number) => toInstant(Date.parse(iso) + ms);
let copies = 0;
let clock = Date.parse('2026-12-01T00:00:00.000Z');
/** A new revision, as every repository write stamps one. */
const stamped = <T extends object>(x: T): T => ({ ...x, updatedAt: toInstant(++clock) });

/** The plan after one edit: a new plan object whose unchanged records are the same objects, as the plan feed gives. */
function apply(plan: Plan, e: Edit): Plan {
  const list: readonly (PlanEvent | Leg)[] = 'leg' in e && e.leg ? plan.legs : plan.events;
  const set = (i: number, next: PlanEvent | Leg | undefined): Plan => {
    const copy = list.slice();
    if (next) copy[i] = stamped(next);
    else copy.splice(i, 1);
    return 'leg' in e && e.leg ? { ...plan, legs: copy as Leg[] } : { ...plan, events: copy as PlanEvent[] };
  };
  if (e.op === 'reorder') return { ...plan, events: plan.events.slice().reverse() };
  if (e.op === 'place') {
    const places = plan.places.slice();
    const i = e.item % places.length;
    places[i] = stamped({ ...places[i]!, name: `${places[i]!.name}′` });
    return { ...plan, places };
  }
  if (list.length === 0) return plan;
  const i = e.item % list.length;
  const x = list[i]!;
  switch (e.op) {
    case 'move': {
      if ('departsAt' in x) {
        const arrives = shift(x.arrivesAt, e.by * HOUR + e.stretch * HOUR);
        return set(i, { ...x, departsAt: shift(x.departsAt, e.by * HOUR), arrivesAt: arrives });
      }
      return set(i, {
        ...x,
        startsAt: shift(x.startsAt, e.by * HOUR),
        endsAt: shift(x.endsAt, (e.by + e.stretch) * HOUR),
      });
    }
    case 'status':
      return set(i, { ...x, status: STATUSES[e.status % STATUSES.length]! });
    case 'optional':
      return set(i, { ...x, optional: !x.optional });
    case 'people':
      return set(i, { ...x, participantIds: x.participantIds.filter((_, k) => (e.keep >> k) & 1) });
    case 'remove':
      return set(i, undefined);
    case 'copy': {
      const ev = plan.events[e.item % plan.events.length]!;
      const made = {
        ...ev,
        id: `${ev.id}-copy${++copies}`,
        startsAt: shift(ev.startsAt, e.by * HOUR),
        endsAt: shift(ev.endsAt, e.by * HOUR),
      };
      return { ...plan, events: [...plan.events, stamped(made as PlanEvent)] };
    }
    case 'stamp': {
      // A record re-read from the database: a new object, the same fields.
      const ev = plan.events[e.item % plan.events.length]!;
      const events = plan.events.slice();
      events[e.item % plan.events.length] = { ...ev };
      return { ...plan, events };
    }
  }
}

/**
 * How many edits the property tests made, how many of them were rechecked incrementally, and how
 * many of those followed a version where a rule had stopped at its cap.
 */
const steps = { all: 0, incremental: 0, capped: 0 };

function expectRecheckAgrees(start: Plan, edits: (Edit | Edit[])[], options: FindOptions): void {
  let plan = start;
  let checked: Checked = recheck(undefined, plan, options);
  for (const e of edits) {
    plan = Array.isArray(e) ? e.reduce(apply, plan) : apply(plan, e);
    steps.all++;
    if (recompilePlan(checked.compiled, plan).diff) {
      steps.incremental++;
      if (checked.analysis.truncated.length > 0) steps.capped++;
    }
    checked = recheck(checked, plan, options);
    expect(plain(checked.analysis)).toEqual(plain(analyzeConflicts(plan, options)));
    expectKeysTrue(checked.analysis.conflicts);
  }
}

/** The keys carried from recheck to recheck are those the conflicts themselves give. */
function expectKeysTrue(list: readonly ConflictRecord[]): void {
  const carried = keysOf(list);
  const a = new Int32Array(list.length);
  const b = new Int32Array(list.length);
  list.forEach((c, i) => c.writeNumbers(a, b, i));
  expect(carried.rule).toEqual(Uint8Array.from(list, (c) => c.ruleIndex));
  expect(carried.a).toEqual(a);
  expect(carried.b).toEqual(b);
}

/** Every event of the sample twice more, two hours and a day later: many overlaps and double bookings. */
function crowdedPlan(): Plan {
  const sample = buildSamplePlan();
  const copy = (suffix: string, by: number) =>
    sample.events.map((e) => ({
      ...e,
      id: `${e.id}-${suffix}`,
      startsAt: shift(e.startsAt, by),
      endsAt: shift(e.endsAt, by),
    }));
  return { ...sample, events: [...sample.events, ...copy('b', 2 * HOUR), ...copy('c', 24 * HOUR)] as PlanEvent[] };
}

describe('incremental recheck', () => {
  it('equals a full run after any sequence of edits to the sample plan (with and without optional items)', () => {
    const sample = buildSamplePlan();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), (edits, includeOptional) => {
        expectRecheckAgrees(sample, edits, { includeOptional });
      }),
      { numRuns: 50 },
    );
    // Most edits took the incremental path (a place edit compiles afresh), so the comparison means something.
    expect(steps.incremental).toBeGreaterThan(steps.all / 2);
  }, 120_000);

  it('equals a full run on a crowded plan where one edit makes and clears many conflicts', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        expectRecheckAgrees(crowdedPlan(), edits, { includeOptional: true });
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('equals a full run where a rule stops at its cap (that rule is run again whole, the others rechecked)', () => {
    const crowded = crowdedPlan();
    const before = steps.capped;
    const keptBefore = engineStats().capsKept;
    fc.assert(
      fc.property(
        // Single edits, and several at once (as a sync or an import brings them).
        fc.array(fc.oneof(edit, fc.array(edit, { minLength: 2, maxLength: 4 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        (edits, cap, includeOptional) => {
          expectRecheckAgrees(crowded, edits, { includeOptional, settings: { overlapPairCap: cap } });
        },
      ),
      { numRuns: 30 },
    );
    // Many of those edits were rechecked from a capped version, so the comparison means something.
    expect(steps.capped - before).toBeGreaterThan(30);
    // And many kept a capped rule's list as it was (the edit came after where the rule stopped).
    expect(engineStats().capsKept - keptBefore).toBeGreaterThan(20);
  }, 120_000);

  it('equals a full run when an edit takes a rule to its cap or back under it', () => {
    const crowded = crowdedPlan();
    const uncapped = analyzeConflicts(crowded, { includeOptional: true });
    const pairs = (rule: string) => uncapped.conflicts.filter((c) => c.rule === rule).length;
    let crossings = 0;
    fc.assert(
      fc.property(
        // Copies and removals of events, which add and take away pairs, among any other edits.
        fc.array(fc.oneof(edit, countChange, countChange), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('overlap', 'double-booking'),
        fc.integer({ min: -3, max: 3 }),
        (edits, rule, by) => {
          // A cap right at the count of one rule: single edits push it over or bring it back.
          const options = { includeOptional: true, settings: { overlapPairCap: pairs(rule) + by } };
          let plan = crowded;
          let checked = recheck(undefined, plan, options);
          for (const e of edits) {
            plan = apply(plan, e);
            const next = recheck(checked, plan, options);
            if (next.analysis.truncated.length !== checked.analysis.truncated.length) crossings++;
            expect(plain(next.analysis)).toEqual(plain(analyzeConflicts(plan, options)));
            checked = next;
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(crossings).toBeGreaterThan(5);
  }, 120_000);

  it('after an edit to a capped plan, keeps the conflicts of the other rules of unchanged items as they were', () => {
    const plan = crowdedPlan();
    const options = { includeOptional: true, settings: { overlapPairCap: 5 } };
    const first = recheck(undefined, plan, options);
    expect(first.analysis.truncated).toContain('overlap');
    const i = plan.events.findIndex(
      (e) => !['cancelled', 'postponed'].includes(e.status) && !e.allDay && e.participantIds.length > 0,
    );
    const events = plan.events.slice();
    const e = events[i]!;
    events[i] = stamped({ ...e, startsAt: shift(e.startsAt, 5 * HOUR), endsAt: shift(e.endsAt, 5 * HOUR) });
    const next = recheck(first, { ...plan, events }, options);
    expect(plain(next.analysis)).toEqual(plain(analyzeConflicts({ ...plan, events }, options)));
    // Night-time conflicts of the other items are the very records of the previous analysis.
    const others = first.analysis.conflicts.filter((c) => c.rule === 'local-hours' && c.items[0]!.id !== e.id);
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) expect(next.analysis.conflicts).toContain(c);
  });

  it('keeps the very list of a capped rule after an edit later than where it stopped, and runs it again after one earlier', () => {
    const plan = crowdedPlan();
    const options = { includeOptional: true, settings: { overlapPairCap: 10 } };
    const first = recheck(undefined, plan, options);
    expect(first.analysis.truncated).toEqual(expect.arrayContaining(['overlap', 'double-booking']));
    const listed = (c: Checked, rule: string) => c.analysis.conflicts.filter((x) => x.rule === rule);
    const byStart = plan.events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => !['cancelled', 'postponed'].includes(e.status) && !e.allDay && e.participantIds.length > 0)
      .sort((a, b) => Date.parse(a.e.startsAt) - Date.parse(b.e.startsAt));
    const moveBy = (p: Plan, i: number, hours: number): Plan => {
      const events = p.events.slice();
      const e = events[i]!;
      events[i] = stamped({ ...e, startsAt: shift(e.startsAt, hours * HOUR), endsAt: shift(e.endsAt, hours * HOUR) });
      return { ...p, events };
    };
    // The last event, an hour later: both capped lists are the very records they were.
    const late = moveBy(plan, byStart.at(-1)!.i, 1);
    const kept = engineStats().capsKept;
    const next = recheck(first, late, options);
    expect(engineStats().capsKept - kept).toBe(2);
    expect(plain(next.analysis)).toEqual(plain(analyzeConflicts(late, options)));
    for (const rule of ['overlap', 'double-booking']) {
      expect(listed(next, rule)).toHaveLength(listed(first, rule).length);
      for (const c of listed(first, rule)) expect(next.analysis.conflicts).toContain(c);
    }
    // The first event, an hour earlier: before where both stopped, so both are run again.
    const early = moveBy(late, byStart[0]!.i, -1);
    const again = recheck(next, early, options);
    expect(engineStats().capsKept - kept).toBe(2);
    expect(plain(again.analysis)).toEqual(plain(analyzeConflicts(early, options)));
  });

  it('runs a capped rule again when an edited item starts at the very instant where it stopped (it may sort before)', () => {
    const sample = buildSamplePlan();
    const template = sample.events.find((e) => !e.allDay && e.participantIds.length > 0)!;
    const at = (id: string, from: number, to: number): PlanEvent => ({
      ...template,
      id: id as never,
      status: 'confirmed',
      visitId: undefined,
      windowId: undefined,
      startsAt: toInstant(Date.parse('2030-01-01T00:00:00.000Z') + from * HOUR),
      endsAt: toInstant(Date.parse('2030-01-01T00:00:00.000Z') + to * HOUR),
    });
    const base: Plan = {
      ...sample,
      visits: [],
      legs: [],
      windows: [],
      events: [at('a', 0, 10), at('b', 5, 15), at('z', 12, 30)],
    };
    const options = { includeOptional: true, rules: ['overlap' as const], settings: { overlapPairCap: 1 } };
    const first = recheck(undefined, base, options);
    // (a, b) listed, the sweep stopped at b (hour 5); (b, z) is left unlisted.
    expect(first.analysis.overlapPairsTotal).toBe(2);
    expect(first.analysis.capStops.overlap).toEqual({ at: Date.parse('2030-01-01T05:00:00.000Z') });
    const withC: Plan = { ...base, events: [...base.events, stamped(at('c', 5, 8))] };
    const next = recheck(first, withC, options);
    // c starts at hour 5 too but sorts before b (it ends sooner), so (a, c) is now the first pair.
    expect(next.analysis.conflicts.map((c) => c.items.map((it) => it.id))).toEqual([['a', 'c']]);
    expect(plain(next.analysis)).toEqual(plain(analyzeConflicts(withC, options)));
  });

  it('runs double booking again when an edit brings someone’s first commitment before the participant where it stopped', () => {
    const sample = buildSamplePlan();
    const template = sample.events.find((e) => !e.allDay && e.participantIds.length > 0)!;
    const [p, q] = sample.participants.map((x) => x.id);
    const at = (id: string, who: PlanEvent['participantIds'][number], from: number, to: number): PlanEvent => ({
      ...template,
      id: id as never,
      status: 'confirmed',
      visitId: undefined,
      windowId: undefined,
      participantIds: [who],
      startsAt: toInstant(Date.parse('2030-01-01T00:00:00.000Z') + from * HOUR),
      endsAt: toInstant(Date.parse('2030-01-01T00:00:00.000Z') + to * HOUR),
    });
    const events = [
      at('a', p!, 0, 10),
      at('b', p!, 5, 15),
      at('c', p!, 6, 9),
      at('d', q!, 20, 30),
      at('e', q!, 25, 35),
    ];
    const base: Plan = { ...sample, visits: [], legs: [], windows: [], events };
    const options = { includeOptional: true, rules: ['double-booking' as const], settings: { overlapPairCap: 1 } };
    const first = recheck(undefined, base, options);
    // p's commitments are swept first (the earliest); the list fills with (a, b) and stops at c.
    expect(first.analysis.conflicts.map((c) => c.items.map((it) => it.id))).toEqual([['a', 'b']]);
    expect(first.analysis.capStops['double-booking']).toMatchObject({ person: p, swept: [] });
    // d moved before a: q is swept first now, and (d, e) fills the list.
    const moved: Plan = { ...base, events: [...events.slice(0, 3), stamped(at('d', q!, -5, 30)), events[4]!] };
    const next = recheck(first, moved, options);
    expect(next.analysis.conflicts.map((c) => c.items.map((it) => it.id))).toEqual([['d', 'e']]);
    expect(plain(next.analysis)).toEqual(plain(analyzeConflicts(moved, options)));
    // e moved later instead: after where p stopped and after p's first commitment, so the list is kept.
    const kept = engineStats().capsKept;
    const later: Plan = { ...base, events: [...events.slice(0, 4), stamped(at('e', q!, 26, 36))] };
    const again = recheck(first, later, options);
    expect(engineStats().capsKept - kept).toBe(1);
    expect(plain(again.analysis)).toEqual(plain(analyzeConflicts(later, options)));
  });

  it('counts the overlap total after an edit of many items from the total before', () => {
    const crowded = crowdedPlan();
    // All-day items and the items of visits, whose pairs the rule may leave out, drawn as often as any.
    const special = crowded.events.flatMap((e, i) => (e.allDay || e.visitId ? [i] : []));
    const pick = fc.oneof(fc.nat({ max: crowded.events.length - 1 }), fc.constantFrom(...special));
    const total = (p: Plan, includeOptional: boolean) =>
      analyzeConflicts(p, { includeOptional, rules: ['overlap'], settings: { overlapPairCap: 0 } }).overlapPairsTotal;
    fc.assert(
      fc.property(
        fc.uniqueArray(pick, { maxLength: 12 }),
        fc.array(fc.record({ from: pick, by: fc.integer({ min: -30, max: 30 }) }), { maxLength: 12 }),
        fc.boolean(),
        (gone, made, includeOptional) => {
          const copies = made.map(({ from, by }, k) => {
            const e = crowded.events[from]!;
            return {
              ...e,
              id: `${e.id}-new${k}`,
              startsAt: shift(e.startsAt, by * HOUR),
              endsAt: shift(e.endsAt, by * HOUR),
            };
          });
          const after: Plan = {
            ...crowded,
            events: [...crowded.events.filter((_, i) => !gone.includes(i)), ...(copies as PlanEvent[])],
          };
          const { compiled, diff } = recompilePlan(compilePlan(crowded), after);
          expect(diff).not.toBeNull();
          const index = indexFor(compiled, { includeOptional });
          expect(overlapTotalAfter(total(crowded, includeOptional), index, diff!.removed, diff!.added)).toBe(
            total(after, includeOptional),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('recompiles only the edited item: every other compiled node is kept', () => {
    const plan = buildSamplePlan();
    const before = compilePlan(plan);
    const i = plan.events.findIndex((e) => e.status !== 'cancelled' && e.status !== 'postponed' && !e.allDay);
    const events = plan.events.slice();
    events[i] = {
      ...events[i]!,
      updatedAt: '2026-12-01T00:00:00.000Z',
      startsAt: shift(events[i]!.startsAt, HOUR),
      endsAt: shift(events[i]!.endsAt, HOUR),
    };
    const { compiled, diff } = recompilePlan(before, { ...plan, events });
    expect(diff).not.toBeNull();
    expect(diff!.added.map((x) => x.id)).toEqual([events[i]!.id]);
    expect([...diff!.removed].map((x) => x.id)).toEqual([events[i]!.id]);
    const kept = compiled.nodes.filter((x) => before.nodes.includes(x));
    expect(kept.length).toBe(compiled.nodes.length - 1);
    // A change to a place compiles afresh.
    const places = plan.places.map((p, k) => (k === 0 ? stamped({ ...p, name: 'Elsewhere' }) : p));
    expect(recompilePlan(before, { ...plan, places }).diff).toBeNull();
  });

  it('the shared analysis rechecks a version linked to the one before, and compiles any other plan afresh', () => {
    const v1 = buildSamplePlan();
    const first = sharedAnalysis(v1, true);
    const i = v1.events.findIndex((e) => e.status !== 'cancelled' && e.status !== 'postponed' && !e.allDay);
    const moved = (plan: Plan, hours: number, stamp: boolean): Plan => {
      const events = plan.events.slice();
      const e = events[i]!;
      const next = { ...e, startsAt: shift(e.startsAt, hours * HOUR), endsAt: shift(e.endsAt, hours * HOUR) };
      events[i] = stamp ? stamped(next) : next;
      return { ...plan, events };
    };
    // The next version from the database: linked, so recompiled from v1 (every other node kept).
    const v2 = moved(v1, 30, true);
    sharedNextVersion(v1, v2);
    const a2 = sharedAnalysis(v2, true);
    expect(plain(a2)).toEqual(plain(analyzeConflicts(v2, { includeOptional: true })));
    const kept = new Set(sharedCompiled(v1).nodes);
    expect(
      sharedCompiled(v2)
        .nodes.filter((x) => !kept.has(x))
        .map((x) => x.id),
    ).toEqual([v1.events[i]!.id]);
    // Pairwise conflicts of other items are the very same records as before (not found again).
    const pairwise = new Set(['double-booking', 'overlap', 'local-hours', 'blackout']);
    const untouched = first.conflicts.filter(
      (c) => pairwise.has(c.rule) && !c.items.some((it) => it.id === v1.events[i]!.id),
    );
    expect(untouched.length).toBeGreaterThan(0);
    for (const c of untouched) expect(a2.conflicts).toContain(c);
    // A plan not linked (a what-if variant whose record kept its revision but moved) is compiled afresh, correctly.
    const variant = moved(v2, -30, false);
    expect(plain(sharedAnalysis(variant, true))).toEqual(plain(analyzeConflicts(variant, { includeOptional: true })));
    expect(sharedCompiled(variant).nodes.some((x) => kept.has(x))).toBe(false);
  });

  it('analyses in steps a version that follows one with many items added (an import), as a full run would', () => {
    const v1 = buildSamplePlan();
    sharedAnalysis(v1, false);
    const template = v1.events.find((e) => !e.allDay && e.participantIds.length > 0)!;
    const many: PlanEvent[] = Array.from({ length: 9_000 }, (_, k) => {
      const start = Date.parse('2027-03-01T02:00:00.000Z') + k * 2 * HOUR;
      return stamped({
        ...template,
        id: `imported-${k}` as never,
        status: 'confirmed',
        startsAt: toInstant(start),
        endsAt: toInstant(start + 3 * HOUR),
      });
    });
    const v2: Plan = { ...v1, events: [...v1.events, ...many] };
    sharedNextVersion(v1, v2);
    const step = drain(sharedAnalysisSteps(v2, false));
    const pauses = step.pauses;
    // Compiled afresh in steps (no node of v1 kept), then each rule in a step of its own.
    expect(pauses).toBeGreaterThan(10);
    const kept = new Set(sharedCompiled(v1).nodes);
    expect(sharedCompiled(v2).nodes.some((x) => kept.has(x))).toBe(false);
    const key = (a: Analysis) => a.conflicts.map((c) => `${c.id} ${c.severity} ${c.atMs}`);
    const full = analyzeConflicts(v2, { includeOptional: false });
    expect(step.value.conflicts.length).toBeGreaterThan(4_000);
    expect(key(step.value)).toEqual(key(full));
    expect(step.value.truncated).toEqual(full.truncated);
    // The result is the shared one: asked again, it is the same object, without a new run.
    expect(sharedAnalysis(v2, false)).toBe(step.value);
  });
});
