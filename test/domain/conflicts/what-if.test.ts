import { describe, expect, it } from 'vitest';
import type { FindOptions } from '../../../src/domain/conflicts';
import type { Conflict } from '../../../src/domain/conflicts/types';
import { computeWhatIf, diffConflicts, optionalItems, summarizeDiff } from '../../../src/domain/conflicts/what-if';
import { EMPTY_PLAN, type Plan, type Scenario } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { makeConflict } from '../../helpers/conflict-factory';
import { makeEvent, makeLeg } from '../../helpers/factories';

const a = makeConflict({
  items: [
    { type: 'event', id: 'a', title: 'A' },
    { type: 'event', id: 'b', title: 'B' },
  ],
  severity: 'error',
});
const b = makeConflict({
  rule: 'transit',
  items: [
    { type: 'event', id: 'c', title: 'C' },
    { type: 'leg', id: 'l', title: 'L' },
  ],
});
const c = makeConflict({
  rule: 'blackout',
  items: [
    { type: 'event', id: 'd', title: 'D' },
    { type: 'window', id: 'w', title: 'W' },
  ],
  severity: 'info',
});

describe('diffConflicts', () => {
  it('matches conflicts by id: added, removed, and changed in severity or margin', () => {
    const moved = { ...b, marginMs: b.marginMs * 2, margin: 'short by 2 h' };
    const diff = diffConflicts([a, b], [moved, c]);
    expect(diff.added.map((x) => x.id)).toEqual([c.id]);
    expect(diff.removed.map((x) => x.id)).toEqual([a.id]);
    expect(diff.changed).toEqual([{ before: b, after: moved }]);
  });

  it('is empty for the same list, whatever the order', () => {
    expect(diffConflicts([a, b, c], [c, a, b])).toEqual({ added: [], removed: [], changed: [] });
  });

  it('says what changed in words', () => {
    expect(summarizeDiff(diffConflicts([], [a]))).toBe('adds 1 error');
    expect(summarizeDiff(diffConflicts([a], [b, c]))).toBe('adds 1 warning and 1 info; removes 1 error');
    expect(summarizeDiff(diffConflicts([a], [a]))).toBe('changes no conflict');
    expect(summarizeDiff(diffConflicts([b], [{ ...b, severity: 'error' }]))).toBe('changes 1 conflict');
  });
});

describe('optionalItems', () => {
  it("lists the sample plan's optional rail leg and Shanghai programme, labelled for sentences", () => {
    const items = optionalItems(buildSamplePlan());
    expect(items.map((i) => i.ref.id)).toEqual(['draft-leg-rail', 'draft-shanghai-programme']);
    expect(items[0]!.label).toBe('the Beijing South → Shanghai Hongqiao rail leg (Tue 28 Oct 2025)');
    expect(items[1]!.label).toBe('the optional “Shanghai programme (with the rail leg)” (Tue 28 Oct 2025)');
  });
});

describe('computeWhatIf', () => {
  // A stand-in engine: each optional item taken in brings the conflict keyed to it.
  const plan: Plan = {
    ...EMPTY_PLAN,
    events: [
      makeEvent({
        id: 'opt-e' as never,
        title: 'Side trip',
        optional: true,
        startsAt: '2025-10-29T00:00:00.000Z',
        endsAt: '2025-10-29T01:00:00.000Z',
      }),
    ],
    legs: [makeLeg({ id: 'opt-l' as never, optional: true })],
    scenarios: [
      { id: 'shanghai' as never, name: 'With Shanghai', includeOptionalIds: ['opt-l'], overrides: [] } as Scenario,
    ],
  };
  const base = makeConflict({
    rule: 'overlap',
    items: [
      { type: 'event', id: 'x', title: 'X' },
      { type: 'event', id: 'y', title: 'Y' },
    ],
  });
  const byItem: Record<string, Conflict> = {
    'opt-l': makeConflict({
      rule: 'continuity',
      severity: 'warning',
      items: [
        { type: 'leg', id: 'opt-l', title: 'Rail' },
        { type: 'leg', id: 'l2', title: 'Flight' },
      ],
    }),
    'opt-e': makeConflict({
      rule: 'transit',
      severity: 'error',
      items: [
        { type: 'event', id: 'opt-e', title: 'Programme' },
        { type: 'leg', id: 'l2', title: 'Flight' },
      ],
    }),
  };
  const calls: FindOptions[] = [];
  const find = (_p: Plan, options: FindOptions): Conflict[] => {
    calls.push(options);
    const ids =
      options.includeOptional === true
        ? Object.keys(byItem)
        : options.includeOptional === false
          ? []
          : options.includeOptional;
    return [base, ...ids.map((id) => byItem[id]!)];
  };

  it('diffs the base plan against each optional item, all of them, and each scenario', () => {
    const result = computeWhatIf(plan, find);
    expect(result.base).toEqual([base]);
    expect(result.cases.map((c) => [c.key, c.sentence])).toEqual([
      // No places in this plan: the leg is named by its place ids.
      ['item:opt-l', 'Including the beijing-south → shanghai-hongqiao rail leg (Tue 28 Oct 2025) adds 1 warning.'],
      ['item:opt-e', 'Including the optional “Side trip” (Wed 29 Oct 2025) adds 1 error.'],
      ['all', 'Including all 2 optional items adds 1 error and 1 warning.'],
      ['scenario:shanghai', 'The scenario “With Shanghai” adds 1 warning.'],
    ]);
    expect(calls[0]).toEqual({ includeOptional: false });
    expect(calls.at(-1)).toMatchObject({ includeOptional: ['opt-l'], scenario: { id: 'shanghai' } });
  });
});

describe('computeWhatIf with the engine, on the sample plan', () => {
  it('finds that the rail leg alone adds a warning that it departs from the wrong place, and nothing is removed', () => {
    const result = computeWhatIf(buildSamplePlan());
    const rail = result.cases.find((c) => c.key === 'item:draft-leg-rail')!;
    expect(rail.sentence).toMatch(
      /^Including the Beijing South → Shanghai Hongqiao rail leg \(Tue 28 Oct 2025\) adds 1 warning/,
    );
    expect(rail.diff.added.find((c) => c.severity === 'warning')).toMatchObject({
      rule: 'continuity',
      onlyWith: [{ type: 'leg', id: 'draft-leg-rail' }],
    });
    expect(rail.diff.removed).toEqual([]);
    expect(result.base.some((c) => c.onlyWith.length > 0)).toBe(false);
    const all = result.cases.find((c) => c.kind === 'all')!;
    expect(all.conflicts.length).toBeGreaterThan(result.base.length);
  });
});
