import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, type Plan } from '../../../src/domain/model/model';
import { checkRange, defaultCheckDates, formatSpan, visitDateRange } from '../../../src/domain/planning/range-check';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { makeAllDayEvent, makeEvent, makeLeg, makeWindow } from '../../helpers/factories';

const base = { zone: 'Asia/Seoul', nearDays: 7, includeOptional: true };

describe('checkRange on the sample plan', () => {
  it("finds the APEC leaders' meeting for 28 Oct – 2 Nov 2025, in whatever display zone", () => {
    for (const zone of ['Asia/Seoul', 'Europe/London', 'America/New_York']) {
      const hits = checkRange(buildSamplePlan(), { ...base, zone, startDate: '2025-10-28', endDate: '2025-11-02' });
      const apec = hits.find((h) => h.item.id === 'apec-leaders-2025');
      expect(apec, zone).toMatchObject({
        relation: 'overlaps',
        item: { type: 'event', title: "32nd APEC Economic Leaders' Meeting, Gyeongju" },
      });
      expect(apec!.when).toBe('Fri 31 Oct – Sat 1 Nov 2025');
      expect(hits.find((h) => h.item.id === 'apec-2025-week')?.relation).toBe('overlaps');
      expect(hits.find((h) => h.item.id === 'busan-summit-2025')?.relation).toBe('overlaps');
    }
  });

  it('takes in the whole APEC meeting when the range covers it', () => {
    const [apec] = checkRange(buildSamplePlan(), { ...base, startDate: '2025-10-28', endDate: '2025-11-02' }).filter(
      (h) => h.item.id === 'apec-leaders-2025',
    );
    expect(apec!.description).toBe("Takes in all of “32nd APEC Economic Leaders' Meeting, Gyeongju” (2 days).");
  });

  it('reports a range that ends before the APEC meeting with its margin', () => {
    const hits = checkRange(buildSamplePlan(), { ...base, startDate: '2025-10-25', endDate: '2025-10-28' });
    const apec = hits.find((h) => h.item.id === 'apec-leaders-2025');
    expect(apec).toMatchObject({
      relation: 'before',
      marginMs: 2 * 86_400_000,
      margin: 'ends 2 days before it starts',
    });
    expect(apec!.description).toBe("Ends 2 days before “32nd APEC Economic Leaders' Meeting, Gyeongju” starts.");
    // Overlaps come first, then the near ones, nearest first.
    const relations = hits.map((h) => h.relation);
    expect(relations.indexOf('overlaps')).toBe(0);
    expect(relations.lastIndexOf('overlaps')).toBeLessThan(relations.findIndex((r) => r !== 'overlaps'));
    const near = hits.filter((h) => h.relation !== 'overlaps').map((h) => h.marginMs);
    expect(near).toEqual([...near].sort((a, b) => a - b));
  });

  it('leaves out optional items when asked, and the visit whose dates are checked', () => {
    const plan = buildSamplePlan();
    const opts = { ...base, startDate: '2025-10-27', endDate: '2025-10-28' };
    expect(checkRange(plan, opts).some((h) => h.item.id === 'draft-leg-rail')).toBe(true);
    expect(checkRange(plan, { ...opts, includeOptional: false }).some((h) => h.item.id === 'draft-leg-rail')).toBe(
      false,
    );
    const own = checkRange(plan, { ...opts, excludeVisitId: 'draft-state-visit-2025' });
    expect(own.some((h) => h.item.id.startsWith('draft-'))).toBe(false);
    expect(own.some((h) => h.item.id === 'apec-2025-week')).toBe(true);
  });

  it('filters by participant, keeping windows that apply to everyone', () => {
    const hits = checkRange(buildSamplePlan(), {
      ...base,
      startDate: '2025-10-28',
      endDate: '2025-11-02',
      participantIds: ['lee'],
    });
    expect(hits.map((h) => h.item.id).sort()).toEqual([
      'apec-2025-week',
      'apec-leaders-2025',
      'trump-gyeongju-2025-10-29',
    ]);
  });
});

describe('checkRange, edge cases', () => {
  const plan = (p: Partial<Plan>): Plan => ({ ...EMPTY_PLAN, ...p });

  it('treats touching intervals as near, not overlapping, with a zero margin', () => {
    // The range is 1 Nov in Seoul: [31 Oct 15:00Z, 1 Nov 15:00Z).
    const before = makeEvent({
      id: 'before' as never,
      startsAt: '2025-10-31T12:00:00.000Z',
      endsAt: '2025-10-31T15:00:00.000Z',
    });
    const after = makeEvent({
      id: 'after' as never,
      startsAt: '2025-11-01T15:00:00.000Z',
      endsAt: '2025-11-01T16:00:00.000Z',
    });
    const hits = checkRange(plan({ events: [before, after] }), {
      ...base,
      startDate: '2025-11-01',
      endDate: '2025-11-01',
    });
    expect(hits.map((h) => [h.item.id, h.relation, h.marginMs, h.margin])).toEqual([
      ['before', 'after', 0, 'starts as it ends'],
      ['after', 'before', 0, 'ends as it starts'],
    ]);
  });

  it('drops items further than nearDays away and cancelled items', () => {
    const far = makeAllDayEvent('2025-11-20', '2025-11-20', 'Asia/Seoul', { id: 'far' as never });
    const near = makeAllDayEvent('2025-11-05', '2025-11-05', 'Asia/Seoul', { id: 'near' as never });
    const cancelled = makeAllDayEvent('2025-11-01', '2025-11-01', 'Asia/Seoul', {
      id: 'gone' as never,
      status: 'cancelled',
    });
    const hits = checkRange(plan({ events: [far, near, cancelled] }), {
      ...base,
      startDate: '2025-11-01',
      endDate: '2025-11-01',
    });
    expect(hits.map((h) => [h.item.id, h.margin])).toEqual([['near', 'ends 3 days before it starts']]);
  });

  it('says when the range lies within an item, and partial overlaps by how much', () => {
    const week = makeWindow('2025-10-27', '2025-11-01', 'Asia/Seoul', { id: 'week' as never, title: 'APEC week' });
    const leg = makeLeg({
      id: 'leg' as never,
      departsAt: '2025-10-28T13:00:00.000Z',
      arrivesAt: '2025-10-28T17:00:00.000Z',
    });
    const hits = checkRange(plan({ windows: [week], legs: [leg] }), {
      ...base,
      startDate: '2025-10-29',
      endDate: '2025-10-29',
    });
    expect(hits.find((h) => h.item.id === 'week')!.description).toBe('Lies entirely within “APEC week”.');
    const partial = checkRange(plan({ legs: [leg] }), { ...base, startDate: '2025-10-28', endDate: '2025-10-28' });
    // 28 Oct in Seoul ends at 15:00Z: the leg's first 2 hours fall in it.
    expect(partial[0]).toMatchObject({ relation: 'overlaps', marginMs: 2 * 3_600_000, margin: 'overlaps it by 2 h' });
  });

  it('refuses a backwards range and a negative near distance', () => {
    expect(() => checkRange(EMPTY_PLAN, { ...base, startDate: '2025-11-02', endDate: '2025-11-01' })).toThrow(
      RangeError,
    );
    expect(() =>
      checkRange(EMPTY_PLAN, { ...base, startDate: '2025-11-01', endDate: '2025-11-01', nearDays: -1 }),
    ).toThrow(RangeError);
  });

  it('formats spans in days from one day up', () => {
    expect(formatSpan(0)).toBe('0 min');
    expect(formatSpan(90 * 60_000)).toBe('1 h 30 min');
    expect(formatSpan(86_400_000)).toBe('1 day');
    expect(formatSpan(47 * 3_600_000)).toBe('2 days');
  });
});

describe('visit dates', () => {
  it("spans a visit's events and legs, in the given zone", () => {
    const plan = buildSamplePlan();
    // Departs Andrews 25 Oct 08:00 EDT; the last item, the Shanghai programme, ends 28 Oct 16:30 CST (China).
    expect(visitDateRange(plan, 'draft-state-visit-2025', 'Asia/Shanghai')).toEqual({
      startDate: '2025-10-25',
      endDate: '2025-10-28',
    });
    expect(visitDateRange(plan, 'no-such-visit', 'UTC')).toBeNull();
  });

  it('defaults to the first visit still being planned, else the coming week', () => {
    expect(defaultCheckDates(buildSamplePlan(), 'Asia/Shanghai', '2026-11-28T12:00:00.000Z')).toEqual({
      startDate: '2025-10-25',
      endDate: '2025-10-28',
      visitId: 'draft-state-visit-2025',
    });
    expect(defaultCheckDates(EMPTY_PLAN, 'Asia/Seoul', '2026-11-28T16:00:00.000Z')).toEqual({
      startDate: '2026-11-29',
      endDate: '2026-12-05',
      visitId: '',
    });
  });
});
