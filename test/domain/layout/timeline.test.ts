import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, type Participant, type Plan } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { centredRange, layoutTimeline, timelineTicks, ZOOM_LEVELS_DAYS } from '../../../src/domain/layout/timeline';
import { makeConflict } from '../../helpers/conflict-factory';
import { makeEvent, makeLeg, makeWindow } from '../../helpers/factories';

const who = (id: string, name: string) => ({ id, name, role: '', country: '', color: '#000000' }) as Participant;
const range = {
  startsAt: '2025-10-27T00:00:00.000Z',
  endsAt: '2025-10-31T00:00:00.000Z',
  displayZone: 'Asia/Seoul',
  includeOptional: true,
};

describe('layoutTimeline', () => {
  const a = makeEvent({
    id: 'a' as never,
    title: 'A',
    participantIds: ['trump'] as never,
    startsAt: '2025-10-28T01:00:00.000Z',
    endsAt: '2025-10-28T03:00:00.000Z',
  });
  const b = makeEvent({
    id: 'b' as never,
    title: 'B',
    participantIds: ['trump', 'xi'] as never,
    startsAt: '2025-10-28T02:00:00.000Z',
    endsAt: '2025-10-28T04:00:00.000Z',
  });
  const c = makeEvent({
    id: 'c' as never,
    title: 'C',
    participantIds: ['trump'] as never,
    startsAt: '2025-10-28T04:00:00.000Z',
    endsAt: '2025-10-28T05:00:00.000Z',
  });
  const gone = makeEvent({
    id: 'gone' as never,
    title: 'Gone',
    status: 'cancelled',
    participantIds: ['xi'] as never,
    startsAt: '2025-10-28T02:30:00.000Z',
    endsAt: '2025-10-28T03:30:00.000Z',
  });
  const note = makeEvent({
    id: 'n' as never,
    title: 'Nobody',
    startsAt: '2025-10-29T01:00:00.000Z',
    endsAt: '2025-10-29T02:00:00.000Z',
  });
  const blackout = makeWindow('2025-10-29', '2025-10-29', 'Asia/Seoul', {
    id: 'bo' as never,
    kind: 'blackout',
    participantIds: ['xi'] as never,
  });
  const week = makeWindow('2025-10-27', '2025-11-01', 'Asia/Seoul', { id: 'wk' as never });
  const outside = makeEvent({
    id: 'out' as never,
    participantIds: ['trump'] as never,
    startsAt: '2025-11-10T00:00:00.000Z',
    endsAt: '2025-11-10T01:00:00.000Z',
  });
  const plan: Plan = {
    ...EMPTY_PLAN,
    participants: [who('trump', 'Trump'), who('xi', 'Xi')],
    events: [a, b, c, gone, note, outside],
    windows: [blackout, week],
  };
  const conflict = makeConflict({
    rule: 'double-booking',
    severity: 'error',
    items: [
      { type: 'event', id: 'a', title: 'A' },
      { type: 'event', id: 'b', title: 'B' },
    ],
    at: '2025-10-28T02:00:00.000Z',
  });

  const info = makeConflict({
    rule: 'overlap',
    severity: 'info',
    items: [
      { type: 'event', id: 'c', title: 'C' },
      { type: 'window', id: 'wk', title: 'Week' },
    ],
    at: '2025-10-28T02:00:00.000Z',
  });
  const layout = layoutTimeline(plan, { ...range, lanesBy: 'participant', conflicts: [conflict, info] });
  const lane = (id: string) => layout.lanes.find((l) => l.id === id)!;

  it('makes a lane per participant, one for items without participants, and one for windows', () => {
    expect(layout.lanes.map((l) => l.label)).toEqual(['Trump', 'Xi', 'No participant', 'Windows and blackouts']);
    expect(
      lane('p:trump')
        .bars.map((b) => b.item.ref.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(
      lane('p:xi')
        .bars.map((b) => b.item.ref.id)
        .sort(),
    ).toEqual(['b', 'gone']);
  });

  it('puts overlapping bars in different rows and touching ones in the same row', () => {
    const rows = Object.fromEntries(lane('p:trump').bars.map((b) => [b.item.ref.id, b.row]));
    expect(rows.a).not.toBe(rows.b);
    expect(rows.c).toBe(rows.a);
    expect(lane('p:trump').rows).toBe(2);
  });

  it('marks overlaps within a lane, ignoring cancelled items, and merges their spans', () => {
    expect(lane('p:trump').overlaps).toEqual([
      { startMs: Date.parse('2025-10-28T02:00:00.000Z'), endMs: Date.parse('2025-10-28T03:00:00.000Z') },
    ]);
    expect(lane('p:trump').bars.find((b) => b.item.ref.id === 'a')!.overlapsWith).toEqual(['B']);
    expect(lane('p:xi').overlaps).toEqual([]);
  });

  it("carries each bar's conflicts and worst severity, and places a marker at the conflict", () => {
    const barA = lane('p:trump').bars.find((b) => b.item.ref.id === 'a')!;
    expect(barA).toMatchObject({ conflictIds: [conflict.id], severity: 'error' });
    // An informational overlap is carried but does not mark the bar.
    expect(lane('p:trump').bars.find((b) => b.item.ref.id === 'c')).toMatchObject({
      conflictIds: [info.id],
      severity: undefined,
    });
    expect(layout.markers.map((m) => m.conflict.id)).toEqual([conflict.id, info.id].sort());
    expect(layout.drawOrder.map((m) => m.conflict.severity)).toEqual(['info', 'error']);
  });

  it("draws blackouts in their participants' lanes and general windows in all lanes", () => {
    expect(
      lane('p:xi')
        .bands.map((b) => [b.item.ref.id, b.kind])
        .sort(),
    ).toEqual([
      ['bo', 'blackout'],
      ['wk', 'window'],
    ]);
    expect(lane('p:trump').bands.map((b) => b.item.ref.id)).toEqual(['wk']);
    expect(
      lane('windows')
        .bars.map((b) => b.item.ref.id)
        .sort(),
    ).toEqual(['bo', 'wk']);
  });

  it('groups by kind when asked, dropping empty lanes', () => {
    const leg = makeLeg({
      id: 'l' as never,
      departsAt: '2025-10-28T06:00:00.000Z',
      arrivesAt: '2025-10-28T08:00:00.000Z',
    });
    const byKind = layoutTimeline({ ...plan, legs: [leg] }, { ...range, lanesBy: 'kind', conflicts: [] });
    expect(byKind.lanes.map((l) => l.label)).toEqual(['Meetings and ceremonies', 'Travel', 'Windows and blackouts']);
  });

  it('leaves out optional items when asked', () => {
    const opt = layoutTimeline(buildSamplePlan(), {
      ...range,
      lanesBy: 'participant',
      includeOptional: false,
      conflicts: [],
    });
    expect(opt.lanes.flatMap((l) => l.bars).some((b) => b.item.ref.id === 'draft-leg-rail')).toBe(false);
    const all = layoutTimeline(buildSamplePlan(), { ...range, lanesBy: 'participant', conflicts: [] });
    expect(
      all.lanes
        .flatMap((l) => l.bars)
        .filter((b) => b.item.ref.id === 'draft-leg-rail')
        .map((b) => b.laneId),
    ).toEqual(['p:trump', 'p:xi']);
  });
});

describe('ticks and ranges', () => {
  it('ticks at local hours, days, Mondays or months by span, in the display zone', () => {
    const day = timelineTicks(
      Date.parse('2025-10-27T15:00:00.000Z'),
      Date.parse('2025-10-28T15:00:00.000Z'),
      'Asia/Seoul',
    );
    expect(day.length).toBe(8);
    expect(day[0]).toEqual({ ms: Date.parse('2025-10-27T15:00:00.000Z'), label: 'Tue 28 Oct', major: true });
    expect(day[1]!.label).toBe('03:00');
    const twoWeeks = timelineTicks(
      Date.parse('2025-10-20T00:00:00.000Z'),
      Date.parse('2025-11-03T00:00:00.000Z'),
      'UTC',
    );
    expect(twoWeeks.map((t) => t.label).slice(0, 3)).toEqual(['Mon 20', 'Tue 21', 'Wed 22']);
    const year = timelineTicks(
      Date.parse('2025-09-01T00:00:00.000Z'),
      Date.parse('2026-09-01T00:00:00.000Z'),
      'America/New_York',
    );
    expect(year.length).toBe(12);
    expect(year.find((t) => t.major)?.label).toBe('Jan 2026');
  });

  it('keeps ticks on local midnights across a DST change', () => {
    const ticks = timelineTicks(
      Date.parse('2025-10-24T22:00:00.000Z'),
      Date.parse('2025-10-28T22:00:00.000Z'),
      'Europe/Madrid',
    ).filter((t) => t.major);
    expect(ticks.map((t) => new Date(t.ms).toISOString())).toEqual([
      '2025-10-24T22:00:00.000Z',
      '2025-10-25T22:00:00.000Z',
      '2025-10-26T23:00:00.000Z',
      '2025-10-27T23:00:00.000Z',
    ]);
  });

  it('centres a range of whole days and offers zoom from a day to a year', () => {
    expect(centredRange(Date.parse('2025-10-28T12:00:00.000Z'), 2)).toEqual({
      startsAt: '2025-10-27T12:00:00.000Z',
      endsAt: '2025-10-29T12:00:00.000Z',
    });
    expect(ZOOM_LEVELS_DAYS[0]).toBe(1);
    expect(ZOOM_LEVELS_DAYS.at(-1)).toBeGreaterThanOrEqual(365);
  });
});
