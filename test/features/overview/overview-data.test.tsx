import { describe, expect, it } from 'vitest';
import { classifyConflicts, analyzeConflicts } from '../../../src/domain/conflicts';
import { buildSamplePlan } from '../../../src/domain/sample';
import { setHour12 } from '../../../src/domain/time';
import { comingUp, itemWhen, visitSummaries } from '../../../src/features/overview/overview-data';

describe('overview data', () => {
  const plan = buildSamplePlan();

  it('gives each visit its local dates and its open errors and warnings, soonest first', () => {
    const entries = classifyConflicts(analyzeConflicts(plan, { includeOptional: true }).conflicts, [], plan);
    const visits = visitSummaries(plan, entries);
    expect(visits.map((v) => v.id)).toHaveLength(plan.visits.length);
    const korea = visits.find((v) => v.title === 'Trump in Korea for APEC 2025')!;
    expect([korea.startDate, korea.endDate]).toEqual(['2025-10-29', '2025-10-30']);
    const starts = visits.map((v) => v.startDate ?? '9999');
    expect(starts).toEqual([...starts].sort());
    const total = visits.reduce((n, v) => n + v.openConflicts, 0);
    const counted = entries.filter((e) => e.conflict.severity !== 'info').length;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(counted * 2);
    // Accepted conflicts are not open.
    const accepted = entries.map((e) => ({ ...e, state: 'accepted' as const }));
    expect(visitSummaries(plan, accepted).every((v) => v.openConflicts === 0)).toBe(true);
  });

  it('lists what comes next from now, and the most recent items when little or nothing does', () => {
    const early = comingUp(plan, '2025-01-01T00:00:00.000Z');
    expect(early.next).toHaveLength(6);
    expect(early.recent).toEqual([]);
    expect(early.next.map((i) => i.startsAt)).toEqual(early.next.map((i) => i.startsAt).sort());
    const late = comingUp(plan, '2030-01-01T00:00:00.000Z');
    expect(late.next).toEqual([]);
    expect(late.recent).toHaveLength(6);
    expect(late.recent.map((i) => i.startsAt)).toEqual(
      late.recent
        .map((i) => i.startsAt)
        .sort()
        .reverse(),
    );
    expect(comingUp({ ...plan, events: [], legs: [] }, '2025-01-01T00:00:00.000Z')).toEqual({ next: [], recent: [] });
  });

  it('says when an item is: all-day ones by their local dates, timed ones on the clock setting', () => {
    const next = comingUp(plan, '2026-12-05T00:00:00.000Z').next;
    const g20 = next.find((i) => i.allDay && i.ref.title.startsWith('G20'))!;
    expect(itemWhen(g20, 'Asia/Tokyo')).toBe('Mon 14 – Tue 15 Dec 2026, all day');
    const timed = comingUp(plan, '2025-10-27T00:00:00.000Z').next.find((i) => !i.allDay)!;
    setHour12(true);
    try {
      expect(itemWhen(timed, 'Asia/Shanghai')).toMatch(/^\w{3} \d+ \w{3} 2025, \d{1,2}:\d\d (AM|PM) CST \(China\)$/);
    } finally {
      setHour12(false);
    }
  });
});
