import { describe, expect, it } from 'vitest';
import { parseEntity } from '../../../src/domain/model';
import type { Scenario } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import {
  compareVariants,
  effectivePlan,
  keyDates,
  mergeOverrides,
  overridesForVisitShift,
  promotionChanges,
  travelTotals,
} from '../../../src/domain/planning/scenarios';
import { localToInstant, toMs } from '../../../src/domain/time/time';

const NY = 'America/New_York';
const plan = buildSamplePlan();
const scenario = (id: string) => plan.scenarios.find((s) => s.id === id)!;
const august = () => scenario('xi-visit-mid-august');
const september = () => scenario('xi-visit-late-september');

describe('scenarios of the sample plan', () => {
  it('has the two Xi visit scenarios, valid, with stable ids', () => {
    expect(plan.scenarios.map((s) => [s.id, s.name])).toEqual([
      ['xi-visit-mid-august', 'Xi visit: mid-August'],
      ['xi-visit-late-september', 'Xi visit: late September (24 Sep, as reported)'],
    ]);
    for (const s of plan.scenarios) expect(parseEntity('scenarios', s)).toEqual(s);
    // Late September gives the plan's own dates.
    for (const o of september().overrides) {
      const item = plan.events.find((e) => e.id === o.itemId) ?? plan.legs.find((l) => l.id === o.itemId)!;
      const [start, end] = 'departsAt' in item ? [item.departsAt, item.arrivesAt] : [item.startsAt, item.endsAt];
      expect([o.startsAt, o.endsAt], o.itemId).toEqual([start, end]);
    }
  });

  it('applies a scenario: its dates on its items, only its optional items', () => {
    const eff = effectivePlan(plan, { scenario: august(), includeOptional: true });
    expect(eff.events.find((e) => e.id === 'xi-visit-talks')!.startsAt).toBe(localToInstant('2026-08-13T10:00', NY));
    expect(eff.legs.find((l) => l.id === 'xi-leg-home')!.departsAt).toBe(localToInstant('2026-08-14T13:00', NY));
    expect(eff.legs.some((l) => l.id === 'draft-leg-rail')).toBe(false);
    expect(eff.events.some((e) => e.id === 'draft-shanghai-programme')).toBe(false);
    const withRail = effectivePlan(plan, {
      scenario: { ...august(), includeOptionalIds: ['draft-leg-rail'] },
      includeOptional: false,
    });
    expect(withRail.legs.some((l) => l.id === 'draft-leg-rail')).toBe(true);
    expect(effectivePlan(plan, { includeOptional: false }).legs.some((l) => l.id === 'draft-leg-rail')).toBe(false);
    expect(
      effectivePlan(plan, { includeOptional: ['draft-leg-rail'] }).legs.some((l) => l.id === 'draft-leg-rail'),
    ).toBe(true);
    // The plan itself is untouched.
    expect(plan.events.find((e) => e.id === 'xi-visit-talks')!.startsAt).toBe(localToInstant('2026-09-25T10:00', NY));
  });

  it('sums travel over the legs taken in, leaving out cancelled and postponed ones', () => {
    const all = travelTotals(effectivePlan(plan, { includeOptional: true }));
    const none = travelTotals(effectivePlan(plan, { includeOptional: false }));
    expect(all.legs - none.legs).toBe(1);
    expect(all.durationMs - none.durationMs).toBe((4 * 60 + 18) * 60_000);
    expect(Math.round(all.km - none.km)).toBe(1062);
    const cancelled = travelTotals({ ...plan, legs: plan.legs.map((l) => ({ ...l, status: 'cancelled' as const })) });
    expect(cancelled).toEqual({ legs: 0, durationMs: 0, km: 0 });
  });

  it("compares mid-August with late September: the Xi visit's dates and its four items differ, travel does not", () => {
    const cmp = compareVariants(
      plan,
      { scenario: august(), includeOptional: false, label: 'Mid-August' },
      { scenario: september(), includeOptional: false, label: 'Late September' },
    );
    expect(cmp.keyDateChanges.map((k) => k.visitId)).toEqual(['xi-us-2026']);
    const k = cmp.keyDateChanges[0]!;
    expect(k.a!.label).toBe('Wed 12 Aug 2026 – Sat 15 Aug 2026');
    expect(k.b!.label).toBe('Thu 24 Sep 2026 – Sun 27 Sep 2026');
    expect(cmp.itemChanges.map((c) => c.itemId)).toEqual([
      'xi-leg-out',
      'xi-visit-talks',
      'xi-visit-dinner',
      'xi-leg-home',
    ]);
    expect(cmp.travelDelta).toEqual({ legs: 0, durationMs: 0, km: 0 });
    expect(cmp.a.travel.legs).toBe(cmp.b.travel.legs);
  });

  it('finds (with the conflict engine) that late September adds the UNGA double bookings and the Mid-Autumn blackout', () => {
    const cmp = compareVariants(
      plan,
      { scenario: august(), includeOptional: false, label: 'Mid-August' },
      { scenario: september(), includeOptional: false, label: 'Late September' },
    );
    expect(cmp.onlyInA).toEqual([]);
    expect(
      cmp.onlyInB
        .filter((c) => c.severity !== 'info')
        .map((c) => c.id)
        .sort(),
    ).toEqual([
      'blackout:event:xi-visit-dinner|window:mid-autumn-2026',
      'blackout:event:xi-visit-talks|window:mid-autumn-2026',
      'double-booking:event:unga-2026|event:xi-visit-dinner',
      'double-booking:event:unga-2026|event:xi-visit-talks',
    ]);
    expect(cmp.countDelta).toMatchObject({ error: 0, warning: 4 });
    expect(cmp.a.counts.warning + 4).toBe(cmp.b.counts.warning);
    // Mid-August's only warning is the November 2025 call at night in Beijing, in both.
    expect(cmp.a.conflicts.filter((c) => c.severity === 'warning').map((c) => c.rule)).toEqual(['local-hours']);
  });

  it('compares the plan with a scenario that leaves the rail leg out: one leg, 4 h 18 min and 1,062 km fewer', () => {
    const cmp = compareVariants(
      plan,
      { includeOptional: true, label: 'The plan' },
      { scenario: september(), includeOptional: true, label: 'Late September' },
    );
    expect(cmp.travelDelta.legs).toBe(-1);
    expect(cmp.travelDelta.durationMs).toBe(-(4 * 60 + 18) * 60_000);
    expect(cmp.itemChanges.map((c) => [c.itemId, c.b])).toEqual([
      ['draft-leg-rail', null],
      ['draft-shanghai-programme', null],
    ]);
    // The rail day falls inside the draft visit's span: its key dates stay.
    expect(cmp.keyDateChanges).toEqual([]);
    // The rail leg's continuity warning (Shanghai, then the flight from Beijing) goes with it.
    expect(cmp.onlyInA.filter((c) => c.severity === 'warning').map((c) => c.rule)).toEqual(['continuity']);
    expect(cmp.onlyInB).toEqual([]);
  });

  it('moves a whole visit inside a scenario by whole days, from the dates the scenario gives it', () => {
    const overrides = overridesForVisitShift(plan, august().overrides, 'xi-us-2026', 7);
    expect(overrides.map((o) => o.itemId).sort()).toEqual([
      'xi-leg-home',
      'xi-leg-out',
      'xi-visit-dinner',
      'xi-visit-talks',
    ]);
    expect(overrides.find((o) => o.itemId === 'xi-visit-talks')!.startsAt).toBe(localToInstant('2026-08-20T10:00', NY));
    const merged = mergeOverrides(august().overrides, overrides);
    expect(merged).toHaveLength(4);
    expect(merged.find((o) => o.itemId === 'xi-visit-talks')!.startsAt).toBe(localToInstant('2026-08-20T10:00', NY));
  });

  it('works out what promotion changes: overrides become dates, optional items made firm or cancelled', () => {
    const s: Scenario = { ...august(), includeOptionalIds: ['draft-leg-rail'] };
    const p = promotionChanges(plan, s);
    expect(p.moved.sort()).toEqual(['xi-leg-home', 'xi-leg-out', 'xi-visit-dinner', 'xi-visit-talks']);
    expect(p.madeFirm).toEqual(['draft-leg-rail']);
    expect(p.cancelled).toEqual(['draft-shanghai-programme']);
    const rail = p.legs.find((l) => l.id === 'draft-leg-rail')!;
    expect(rail.optional).toBe(false);
    expect(p.events.find((e) => e.id === 'draft-shanghai-programme')!.status).toBe('cancelled');
    for (const e of p.events) expect(() => parseEntity('events', e)).not.toThrow();
    for (const l of p.legs) expect(() => parseEntity('legs', l)).not.toThrow();
    // The plan's own dates: nothing moves.
    expect(
      promotionChanges(plan, { ...september(), includeOptionalIds: ['draft-leg-rail', 'draft-shanghai-programme'] }),
    ).toMatchObject({ moved: [], cancelled: [] });
  });

  it('keeps all-day events consistent when a scenario moves them', () => {
    const unga = plan.events.find((e) => e.id === 'unga-2026')!;
    const s: Scenario = {
      ...august(),
      overrides: [
        {
          itemId: 'unga-2026',
          startsAt: localToInstant('2026-09-29T00:00', NY),
          endsAt: localToInstant('2026-10-06T00:00', NY),
        },
      ],
    };
    const moved = effectivePlan(plan, { scenario: s, includeOptional: false }).events.find((e) => e.id === unga.id)!;
    expect([moved.startDate, moved.endDate]).toEqual(['2026-09-29', '2026-10-05']);
    expect(toMs(moved.endsAt) - toMs(moved.startsAt)).toBe(7 * 86_400_000);
    expect(
      keyDates(effectivePlan(plan, { scenario: s, includeOptional: false })).some((k) => k.visitId === 'xi-us-2026'),
    ).toBe(true);
  });
});
