import { beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/db/repositories';
import { undoEntry } from '../../../src/db/undo';
import type { PlanEvent } from '../../../src/domain/model/model';
import { instantToLocal, localToInstant } from '../../../src/domain/time/time';
import { moveEvent, moveLeg, rescheduleItem, resizeEvent } from '../../../src/features/calendar/reschedule';
import { freshDb } from '../../helpers/fresh-db';
import { makeAllDayEvent, makeEvent, makeLeg } from '../../helpers/factories';

const seoul = (local: string) => localToInstant(local, 'Asia/Seoul');

describe('moving and resizing', () => {
  it('moves by whole days at the same wall-clock time in the item’s own zone, whatever the DST elsewhere', () => {
    // 09:00 in Seoul on 31 Oct, moved 3 days: New York changes its clocks on 2 Nov, Seoul does not.
    const e = makeEvent({
      timeZone: 'Asia/Seoul',
      startsAt: seoul('2025-10-31T09:00'),
      endsAt: seoul('2025-10-31T10:30'),
    });
    const moved = moveEvent(e, { days: 3, ms: 0 });
    expect(instantToLocal(moved.startsAt, 'Asia/Seoul')).toBe('2025-11-03T09:00');
    expect(instantToLocal(moved.endsAt, 'Asia/Seoul')).toBe('2025-11-03T10:30');
    expect(moved.timeZone).toBe('Asia/Seoul');
  });

  it('keeps New York wall-clock time across its own DST change', () => {
    const e = makeEvent({
      timeZone: 'America/New_York',
      startsAt: localToInstant('2025-10-31T09:00', 'America/New_York'),
      endsAt: localToInstant('2025-10-31T10:00', 'America/New_York'),
    });
    const moved = moveEvent(e, { days: 4, ms: 0 });
    expect(instantToLocal(moved.startsAt, 'America/New_York')).toBe('2025-11-04T09:00');
    expect(Date.parse(moved.startsAt) - Date.parse(e.startsAt)).toBe(4 * 86_400_000 + 3_600_000);
  });

  it('takes the dropped instant for a move within the time grid, keeping the duration', () => {
    const e = makeEvent({ startsAt: '2025-10-30T02:00:00.000Z', endsAt: '2025-10-30T03:40:00.000Z' });
    const moved = moveEvent(e, { days: 1, ms: 2 * 3_600_000, newStart: '2025-10-31T04:00:00.000Z' });
    expect([moved.startsAt, moved.endsAt]).toEqual(['2025-10-31T04:00:00.000Z', '2025-10-31T05:40:00.000Z']);
  });

  it('moves by hours from the keyboard when no dropped instant is given', () => {
    const e = makeEvent({ startsAt: '2025-10-30T02:00:00.000Z', endsAt: '2025-10-30T03:40:00.000Z' });
    expect(moveEvent(e, { days: 0, ms: -3_600_000 }).startsAt).toBe('2025-10-30T01:00:00.000Z');
  });

  it('moves all-day items by dates, same number of days, instants from the local days', () => {
    const e = makeAllDayEvent('2025-10-31', '2025-11-01', 'Asia/Seoul');
    const moved = moveEvent(e, { days: -4, ms: 0 });
    expect([moved.startDate, moved.endDate]).toEqual(['2025-10-27', '2025-10-28']);
    expect(moved.startsAt).toBe(seoul('2025-10-27T00:00'));
    expect(moved.endsAt).toBe(seoul('2025-10-29T00:00'));
  });

  it('resizes the end only', () => {
    const e = makeEvent({ startsAt: '2025-10-30T02:00:00.000Z', endsAt: '2025-10-30T03:40:00.000Z' });
    expect(resizeEvent(e, { days: 0, newEnd: '2025-10-30T05:00:00.000Z' })).toMatchObject({
      startsAt: e.startsAt,
      endsAt: '2025-10-30T05:00:00.000Z',
    });
    const d = makeAllDayEvent('2025-10-31', '2025-11-01', 'Asia/Seoul');
    expect(resizeEvent(d, { days: 2 })).toMatchObject({ startDate: '2025-10-31', endDate: '2025-11-03' });
  });

  it('moves a leg by days in its departure zone, keeping the time in the air', () => {
    const l = makeLeg({ departsAt: '2025-10-28T01:00:00.000Z', arrivesAt: '2025-10-28T05:18:00.000Z' });
    const moved = moveLeg(l, { days: 1, ms: 0 }, 'Asia/Shanghai');
    expect([moved.departsAt, moved.arrivesAt]).toEqual(['2025-10-29T01:00:00.000Z', '2025-10-29T05:18:00.000Z']);
  });
});

describe('rescheduleItem (saved through the repositories)', () => {
  let repos: Repositories;
  beforeEach(() => {
    repos = freshDb().repos;
  });

  it('saves a move at once and returns what was there before, for Undo', async () => {
    const e = await repos.events.put(
      makeEvent({
        id: 'busan' as PlanEvent['id'],
        timeZone: 'Asia/Seoul',
        startsAt: seoul('2025-10-30T11:00'),
        endsAt: seoul('2025-10-30T12:40'),
      }),
    );
    const { before, after, entry } = await rescheduleItem(repos, 'event', 'busan', {
      kind: 'move',
      shift: { days: -7, ms: 0 },
    });
    expect(before).toEqual(e);
    expect(instantToLocal((after as PlanEvent).startsAt, 'Asia/Seoul')).toBe('2025-10-23T11:00');
    expect((await repos.events.get('busan'))!.startsAt).toBe(seoul('2025-10-23T11:00'));
    expect(entry?.label).toMatch(/^Moved 'Event \d+' to Thu 23 Oct 2025, 11:00 /);
    await undoEntry(repos.db, entry!.id);
    expect((await repos.events.get('busan'))!.startsAt).toBe(e.startsAt);
  });

  it('refuses, in words, an end before the start, and writes nothing', async () => {
    const e = await repos.events.put(makeEvent({ id: 'short' as PlanEvent['id'] }));
    await expect(
      rescheduleItem(repos, 'event', 'short', {
        kind: 'resize',
        resize: { days: 0, newEnd: '2025-10-30T01:00:00.000Z' },
      }),
    ).rejects.toThrow('endsAt must be after the start');
    expect(await repos.events.get('short')).toEqual(e);
  });

  it('says so when the item is gone', async () => {
    await expect(rescheduleItem(repos, 'leg', 'nope', { kind: 'move', shift: { days: 1, ms: 0 } })).rejects.toThrow(
      'it no longer exists',
    );
  });

  it('moves a stored leg in its departure place’s zone', async () => {
    await repos.places.put({
      id: 'beijing-south',
      name: 'Beijing South',
      country: 'China',
      lat: 39.87,
      lon: 116.38,
      timeZone: 'Asia/Shanghai',
      kind: 'rail-station',
    });
    await repos.places.put({
      id: 'shanghai-hongqiao',
      name: 'Shanghai Hongqiao',
      country: 'China',
      lat: 31.19,
      lon: 121.32,
      timeZone: 'Asia/Shanghai',
      kind: 'rail-station',
    });
    await repos.legs.put(makeLeg({ id: 'rail' as never }));
    await rescheduleItem(repos, 'leg', 'rail', { kind: 'move', shift: { days: 0, ms: 3_600_000 } });
    expect((await repos.legs.get('rail'))!.departsAt).toBe('2025-10-28T02:00:00.000Z');
  });
});
