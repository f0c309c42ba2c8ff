import { describe, expect, it } from 'vitest';
import { analyzeConflicts, findConflicts, toPlainConflict } from '../../../src/domain/conflicts';
import { filterConflicts, sortConflicts, SORT_KEYS } from '../../../src/domain/conflicts/query';
import { buildSamplePlan } from '../../../src/domain/sample';
import {
  countBySeverity,
  describeCounts,
  describeInfoGroup,
  describeTruncation,
  toResolve,
  worstSeverity,
} from '../../../src/domain/conflicts/severity';
import { makeConflict } from '../../helpers/conflict-factory';
import { toInstant } from '../../../src/domain/time/time';

const ev = (id: string) => ({ type: 'event' as const, id, title: id.toUpperCase() });
const list = [
  makeConflict({
    rule: 'overlap',
    severity: 'info',
    items: [ev('a'), ev('b')],
    participantIds: ['xi'],
    at: '2025-10-27T02:00:00.000Z',
    marginMs: 5,
  }),
  makeConflict({
    rule: 'transit',
    severity: 'error',
    items: [ev('c'), ev('d')],
    participantIds: ['trump'],
    at: '2025-10-28T08:30:00.000Z',
    marginMs: 90,
  }),
  makeConflict({
    rule: 'blackout',
    severity: 'warning',
    items: [ev('e'), ev('f')],
    participantIds: ['trump', 'xi'],
    at: '2026-09-25T14:00:00.000Z',
    marginMs: 20,
  }),
  makeConflict({
    rule: 'double-booking',
    severity: 'error',
    items: [ev('g'), ev('h')],
    participantIds: ['trump'],
    at: '2025-10-28T08:30:00.000Z',
    marginMs: 1,
  }),
];
const ids = (cs: { items: { id: string }[] }[]) => cs.map((c) => c.items[0]!.id);

describe('filterConflicts', () => {
  it('keeps everything with an empty filter', () => {
    expect(filterConflicts(list, {})).toEqual(list);
  });

  it('filters by severity, rule, participant and a half-open date range, all together', () => {
    expect(ids(filterConflicts(list, { severities: ['error'] }))).toEqual(['c', 'g']);
    expect(ids(filterConflicts(list, { rules: ['blackout', 'overlap'] }))).toEqual(['a', 'e']);
    expect(ids(filterConflicts(list, { participantIds: ['xi'] }))).toEqual(['a', 'e']);
    expect(ids(filterConflicts(list, { from: '2025-10-28T08:30:00.000Z', to: '2026-09-25T14:00:00.000Z' }))).toEqual([
      'c',
      'g',
    ]);
    expect(ids(filterConflicts(list, { severities: ['error', 'warning'], participantIds: ['xi'] }))).toEqual(['e']);
  });
});

describe('sortConflicts', () => {
  it('sorts by date, then id; by severity worst first; by rule label; by margin; and reverses', () => {
    expect(ids(sortConflicts(list, 'date'))).toEqual(['a', 'g', 'c', 'e']);
    expect(ids(sortConflicts(list, 'severity'))).toEqual(['g', 'c', 'e', 'a']);
    // Reversing flips the key only: ties still fall back to date, then id.
    expect(ids(sortConflicts(list, 'severity', 'desc'))).toEqual(['a', 'e', 'g', 'c']);
    expect(ids(sortConflicts(list, 'rule'))).toEqual(['g', 'e', 'a', 'c']);
    expect(ids(sortConflicts(list, 'margin'))).toEqual(['g', 'a', 'e', 'c']);
    expect(list.map((c) => c.items[0]!.id)).toEqual(['a', 'c', 'e', 'g']);
  });
});

describe('engine conflicts (their time read as a number, their id made on a tie)', () => {
  const found = findConflicts(buildSamplePlan(), { includeOptional: true });
  const plain = found.map(toPlainConflict);
  const ids = (cs: readonly { id: string }[]) => cs.map((c) => c.id);

  it('sort exactly as their plain copies do, by every key both ways', () => {
    expect(found.length).toBeGreaterThan(5);
    for (const key of SORT_KEYS)
      for (const direction of ['asc', 'desc'] as const)
        expect(ids(sortConflicts(found, key, direction)), `${key} ${direction}`).toEqual(
          ids(sortConflicts(plain, key, direction)),
        );
  });

  it('filter by dates exactly as their plain copies do', () => {
    const middle = [...plain].sort((a, b) => a.at.localeCompare(b.at))[Math.floor(plain.length / 2)]!.at;
    const filter = { from: middle, to: '2027-01-01T00:00:00.000Z' };
    const kept = ids(filterConflicts(found, filter));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(found.length);
    expect(kept).toEqual(ids(filterConflicts(plain, filter)));
  });
});

describe('severity counts', () => {
  it('counts and words them, leaving out zeros', () => {
    expect(countBySeverity(list)).toEqual({ error: 2, warning: 1, info: 1 });
    expect(describeCounts(countBySeverity(list))).toBe('2 errors, 1 warning and 1 info');
    expect(describeCounts({ warning: 5 })).toBe('5 warnings');
    expect(describeCounts({})).toBe('');
    expect(worstSeverity(list)).toBe('error');
    expect(worstSeverity([])).toBeUndefined();
  });
});

describe('the info group', () => {
  const win = (id: string) => ({ type: 'window' as const, id, title: id });
  const leg = (id: string) => ({ type: 'leg' as const, id, title: id });
  const overlap = (items: ReturnType<typeof ev | typeof win | typeof leg>[]) =>
    makeConflict({ rule: 'overlap', severity: 'info', items });

  it('names the count and the kind of item in most of them', () => {
    const group = [
      overlap([ev('a'), win('w1')]),
      overlap([leg('l'), win('w2')]),
      overlap([win('w1'), win('w2')]),
      overlap([ev('a'), ev('b')]),
    ];
    expect(describeInfoGroup(group)).toBe('4 overlaps, mostly with windows');
    expect(describeInfoGroup(group.slice(0, 3))).toBe('3 overlaps, all with windows');
    // Half is not most: no kind named.
    expect(describeInfoGroup([overlap([ev('a'), win('w')]), overlap([leg('l'), leg('m')])])).toBe('2 overlaps');
    expect(describeInfoGroup([overlap([ev('a'), ev('b')])])).toBe('1 overlap');
    expect(describeInfoGroup([])).toBe('');
    expect(describeInfoGroup(Array.from({ length: 10_000 }, () => overlap([ev('a'), ev('b')])))).toBe(
      '10,000 overlaps, all with events',
    );
    expect(describeCounts({ warning: 1_560, info: 10_000 })).toBe('1,560 warnings and 10,000 info');
    expect(describeInfoGroup([makeConflict({ rule: 'local-hours', severity: 'info' }), ...group])).toBe(
      '5 informational notes, mostly with events',
    );
  });

  it('counts errors and warnings as what to resolve, never info', () => {
    expect(list.filter(toResolve).map((c) => c.severity)).toEqual(
      list.map((c) => c.severity).filter((s) => s !== 'info'),
    );
    expect(list.filter(toResolve)).toHaveLength(3);
  });

  it('says what a capped list leaves out, from the engine report', () => {
    const none = { truncated: [], overlapPairsReported: 3, overlapPairsTotal: 3, conflicts: [] };
    expect(describeTruncation(none)).toBe('');
    // Four overlapping events of one participant: 6 overlapping pairs, 6 double bookings.
    const sample = buildSamplePlan();
    const template = sample.events.find((e) => !e.allDay && e.participantIds.length > 0)!;
    const events = [0, 1, 2, 3].map((k) => ({
      ...template,
      id: `crowd-${k}` as never,
      status: 'confirmed' as const,
      visitId: undefined,
      windowId: undefined,
      startsAt: toInstant(Date.parse('2030-01-01T00:00:00.000Z') + k * 60_000),
      endsAt: toInstant(Date.parse('2030-01-01T05:00:00.000Z')),
    }));
    const plan = { ...sample, visits: [], legs: [], windows: [], events };
    const report = analyzeConflicts(plan, {
      includeOptional: true,
      rules: ['double-booking', 'overlap'],
      settings: { overlapPairCap: 4 },
    });
    expect(report.truncated).toEqual(['double-booking', 'overlap']);
    expect(describeTruncation(report)).toBe(
      'Only the first 4 double bookings are listed; there are more. Only the first 4 of 6 overlaps are listed.',
    );
    const big = {
      truncated: ['overlap' as const],
      overlapPairsReported: 10_000,
      overlapPairsTotal: 11_175,
      conflicts: [],
    };
    expect(describeTruncation(big)).toBe('Only the first 10,000 of 11,175 overlaps are listed.');
  });
});
