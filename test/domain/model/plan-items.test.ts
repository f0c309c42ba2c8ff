import { describe, expect, it } from 'vitest';
import { describeWhen, itemRevision, planItems } from '../../../src/domain/model/plan-items';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';

const sample = buildSamplePlan();
const item = (id: string) => planItems(sample).find((i) => i.ref.id === id)!;

describe('planItems', () => {
  it('gives events, legs and windows one shape, legs named by their places and in their departure zone', () => {
    const rail = item('draft-leg-rail');
    expect(rail).toMatchObject({
      ref: { type: 'leg', title: 'Beijing South → Shanghai Hongqiao' },
      kind: 'rail',
      optional: true,
      timeZone: 'Asia/Shanghai',
    });
    expect(item('draft-leg-2')).toMatchObject({ timeZone: 'Asia/Shanghai', endTimeZone: 'Asia/Seoul' });
    expect(item('apec-2025-week')).toMatchObject({
      ref: { type: 'window' },
      allDay: true,
      startDate: '2025-10-27',
      endDate: '2025-11-01',
    });
  });

  it('keeps optional items by choice: all, none, or the ids given', () => {
    const ids = (opt: boolean | string[]) =>
      planItems(sample, { includeOptional: opt })
        .filter((i) => i.optional)
        .map((i) => i.ref.id)
        .sort();
    expect(ids(true)).toEqual(['draft-leg-rail', 'draft-shanghai-programme']);
    expect(ids(false)).toEqual([]);
    expect(ids(['draft-leg-rail'])).toEqual(['draft-leg-rail']);
  });

  it("finds any item's revision, or null when it is not in the plan", () => {
    expect(itemRevision(sample, 'visit', 'draft-state-visit-2025')).toBe('2026-11-01T00:00:00.000Z');
    expect(itemRevision(sample, 'leg', 'nope')).toBeNull();
  });
});

describe('describeWhen', () => {
  it('says when an item happens at its own place', () => {
    expect(describeWhen(item('busan-summit-2025'))).toBe('Thu 30 Oct 2025, 11:00–12:40 KST');
    expect(describeWhen(item('apec-leaders-2025'))).toBe('Fri 31 Oct – Sat 1 Nov 2025');
    expect(describeWhen(item('trump-gyeongju-2025-10-29'))).toBe('Wed 29 Oct 2025');
    expect(describeWhen(item('draft-leg-2'))).toBe('Tue 28 Oct 2025, 18:00 CST (China) → 21:10 KST');
    expect(describeWhen(item('draft-leg-1'))).toBe('Sat 25 Oct 2025, 08:00 EDT → Sun 26 Oct 2025, 10:40 CST (China)');
  });
});
