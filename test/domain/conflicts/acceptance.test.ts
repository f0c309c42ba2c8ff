import { describe, expect, it } from 'vitest';
import { classifyConflicts, itemsFingerprint, type Acceptance } from '../../../src/domain/conflicts/acceptance';
import type { ItemRef } from '../../../src/domain/conflicts/types';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { makeConflict } from '../../helpers/conflict-factory';

const rail: ItemRef = { type: 'leg', id: 'draft-leg-rail', title: 'Beijing South → Shanghai Hongqiao' };
const flight: ItemRef = { type: 'leg', id: 'draft-leg-2', title: 'PEK → PUS' };
const programme: ItemRef = { type: 'event', id: 'draft-shanghai-programme', title: 'Shanghai programme' };
const apec: ItemRef = { type: 'window', id: 'apec-2025-week', title: 'APEC week' };
const visit: ItemRef = { type: 'visit', id: 'draft-state-visit-2025', title: 'Draft visit' };

describe('itemsFingerprint', () => {
  it('does not depend on the order of the items', () => {
    const plan = buildSamplePlan();
    expect(itemsFingerprint([rail, flight, programme], plan)).toBe(itemsFingerprint([programme, flight, rail], plan));
  });

  it('changes when any item (event, leg, window or visit) gets a new updatedAt or rev, and only then', () => {
    const plan = buildSamplePlan();
    const items = [rail, programme, apec, visit];
    const before = itemsFingerprint(items, plan);
    expect(itemsFingerprint(items, buildSamplePlan())).toBe(before);
    const edits: ((p: ReturnType<typeof buildSamplePlan>) => void)[] = [
      (p) => (p.legs.find((l) => l.id === rail.id)!.updatedAt = '2026-12-01T00:00:00.000Z'),
      (p) => (p.events.find((e) => e.id === programme.id)!.updatedAt = '2026-12-01T00:00:00.000Z'),
      (p) => (p.windows.find((w) => w.id === apec.id)!.updatedAt = '2026-12-01T00:00:00.000Z'),
      (p) => (p.visits.find((v) => v.id === visit.id)!.updatedAt = '2026-12-01T00:00:00.000Z'),
      (p) => (p.events = p.events.filter((e) => e.id !== programme.id)),
    ];
    for (const edit of edits) {
      const changed = buildSamplePlan();
      edit(changed);
      expect(itemsFingerprint(items, changed)).not.toBe(before);
    }
    const rev = buildSamplePlan();
    Object.assign(
      rev.legs.find((l) => l.id === rail.id)!,
      { rev: 2 },
    );
    expect(itemsFingerprint(items, rev)).not.toBe(before);
    const unrelated = buildSamplePlan();
    unrelated.events.find((e) => e.id === 'busan-summit-2025')!.updatedAt = '2026-12-01T00:00:00.000Z';
    expect(itemsFingerprint(items, unrelated)).toBe(before);
  });
});

describe('classifyConflicts', () => {
  const conflict = makeConflict({ rule: 'continuity', items: [rail, flight] });
  const other = makeConflict({ rule: 'transit', items: [programme, flight] });

  it('marks each conflict open, accepted, or reopened with the items that changed', () => {
    const plan = buildSamplePlan();
    const acceptance: Acceptance = {
      id: conflict.id,
      note: 'Known; the flight will wait.',
      acceptedAt: '2026-11-28T12:00:00.000Z',
      itemsFingerprint: itemsFingerprint(conflict.items, plan),
    };
    const unchanged = classifyConflicts([conflict, other], [acceptance], plan);
    expect(unchanged.map((e) => e.state)).toEqual(['accepted', 'open']);
    expect(unchanged[0]!.acceptance).toEqual(acceptance);

    const moved = buildSamplePlan();
    moved.legs.find((l) => l.id === 'draft-leg-2')!.updatedAt = '2026-12-01T09:00:00.000Z';
    const after = classifyConflicts([conflict, other], [acceptance], moved);
    expect(after[0]).toMatchObject({ state: 'reopened', acceptance, changedItems: [flight] });
    expect(after[1]!.state).toBe('open');
  });

  it('reopens a conflict whose stored fingerprint is unreadable, naming all its items', () => {
    const plan = buildSamplePlan();
    const [entry] = classifyConflicts(
      [conflict],
      [{ id: conflict.id, note: 'x', acceptedAt: '2026-11-28T12:00:00.000Z', itemsFingerprint: 'garbage' }],
      plan,
    );
    expect(entry).toMatchObject({ state: 'reopened', changedItems: [rail, flight] });
  });
});
