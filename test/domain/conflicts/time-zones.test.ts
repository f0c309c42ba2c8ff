import { describe, expect, it } from 'vitest';
import { findConflicts, nightOverlap } from '../../../src/domain/conflicts';
import type { Plan } from '../../../src/domain/model/model';
import { localToInstant, zoneOffsetMinutes } from '../../../src/domain/time/time';
import { IANAZone } from 'luxon';
import { allDay, plan, timed, window } from './fixtures';

const NY = 'America/New_York';
const MADRID = 'Europe/Madrid';
const CN = 'Asia/Shanghai';
const KR = 'Asia/Seoul';

const rules = (p: Plan, rule: string) => findConflicts(p, { includeOptional: true }).filter((c) => c.rule === rule);
const at = (iso: string) => Date.parse(iso);

describe('instants across DST changes', () => {
  it('New York, 2 Nov 2025: 00:30–01:30 EDT and 01:15–02:00 EST do not overlap (wall clocks would say they do)', () => {
    // 01:00–02:00 happens twice that night: give the instants (01:30 EDT is 05:30Z, 01:15 EST is 06:15Z).
    const first = timed('2025-11-02T00:30', '2025-11-02T01:30', NY, {
      participantIds: ['trump'],
      placeId: 'white-house',
      startsAt: '2025-11-02T04:30:00.000Z',
      endsAt: '2025-11-02T05:30:00.000Z',
    });
    const second = timed('2025-11-02T01:15', '2025-11-02T02:00', NY, {
      participantIds: ['trump'],
      placeId: 'white-house',
      startsAt: '2025-11-02T06:15:00.000Z',
      endsAt: '2025-11-02T07:00:00.000Z',
    });
    expect(rules(plan({ events: [first, second] }), 'double-booking')).toEqual([]);
    expect(rules(plan({ events: [first, second] }), 'overlap')).toEqual([]);
  });

  it('New York, 2 Nov 2025: 01:30 EDT–01:30 EST is one hour and overlaps 01:00–02:00 EST by 30 min', () => {
    const a = timed('2025-11-02T01:30', '2025-11-02T02:00', NY, {
      participantIds: ['trump'],
      placeId: 'white-house',
      startsAt: '2025-11-02T05:30:00.000Z',
      endsAt: '2025-11-02T06:30:00.000Z',
    });
    const b = timed('2025-11-02T01:00', '2025-11-02T02:00', NY, {
      participantIds: ['trump'],
      placeId: 'white-house',
      startsAt: '2025-11-02T06:00:00.000Z',
      endsAt: '2025-11-02T07:00:00.000Z',
    });
    const [c] = rules(plan({ events: [a, b] }), 'double-booking');
    expect(c!.marginMs).toBe(30 * 60_000);
    expect(c!.explanation).toContain('Sun 2 Nov 2025, 01:30 EDT – 01:30 EST');
    expect(c!.explanation).toContain('Sun 2 Nov 2025, 01:00–02:00 EST');
  });

  it('Madrid, 26 Oct 2025: the all-day item is 25 hours long and ends at local midnight CET', () => {
    const day = allDay('2025-10-26', '2025-10-26', MADRID, { id: 'day', placeId: 'madrid' });
    expect([day.startsAt, day.endsAt]).toEqual(['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z']);
    const late = timed('2025-10-26T23:30', '2025-10-27T00:15', MADRID, { id: 'late' });
    const next = timed('2025-10-27T00:00', '2025-10-27T01:00', MADRID, { id: 'next' });
    const found = rules(plan({ events: [day, late, next] }), 'overlap').map((c) =>
      c.items
        .map((r) => r.id)
        .sort()
        .join('+'),
    );
    expect(found).toEqual(['day+late', 'late+next']);
  });

  it("Madrid, 26 Oct 2025: a window's margin is counted in local days, 25-hour day included", () => {
    const w = window('2025-10-24', '2025-10-25', MADRID, { id: 'w' });
    const inMargin = timed('2025-10-26T23:30', '2025-10-26T23:45', MADRID, {
      id: 'in',
      windowId: 'w',
      windowMarginDays: 1,
    });
    const outside = timed('2025-10-27T00:30', '2025-10-27T00:45', MADRID, {
      id: 'out',
      windowId: 'w',
      windowMarginDays: 1,
    });
    const found = rules(plan({ events: [inMargin, outside], windows: [w] }), 'window');
    expect(found.map((c) => c.items[0]!.id)).toEqual(['out']);
    expect(found[0]!.explanation).toContain('(Fri 24 – Sat 25 Oct 2025, CEST) with a margin of 1 day');
  });

  it('local hours use the offset on the day: 06:30 on 2 Nov 2025 in New York is EST and at night', () => {
    const early = timed('2025-11-02T06:30', '2025-11-02T08:00', NY, { placeId: 'white-house' });
    expect(early.startsAt).toBe('2025-11-02T11:30:00.000Z');
    const [c] = rules(plan({ events: [early] }), 'local-hours');
    expect(c!.margin).toBe('30 min at night');
    expect(c!.explanation).toContain('starts at 06:30 EST local time in Washington, DC');
    const dayBefore = timed('2025-11-01T07:30', '2025-11-01T08:00', NY, { placeId: 'white-house' });
    expect(rules(plan({ events: [dayBefore] }), 'local-hours')).toEqual([]);
  });

  it('a night that starts after a DST change in the same evening is found at the right instant', () => {
    // Night 03:00–05:00; the event starts 00:30 EDT (04:30Z); clocks fall back at 02:00 EDT (06:00Z),
    // so 03:00 EST is 08:00Z (not 07:00Z, which is 02:00 EST).
    const hit = nightOverlap(at('2025-11-02T04:30:00Z'), at('2025-11-02T09:00:00Z'), NY, 3, 5);
    expect(hit).toEqual({ atMs: at('2025-11-02T08:00:00Z'), nightMs: 3_600_000 });
    expect(nightOverlap(at('2025-11-02T04:30:00Z'), at('2025-11-02T07:30:00Z'), NY, 3, 5)).toBeNull();
    // Spring forward, 9 Mar 2025: 02:00 EST → 03:00 EDT; a 01:30–04:30 night of [3, 4) starts at 07:00Z.
    expect(nightOverlap(at('2025-03-09T06:30:00Z'), at('2025-03-09T09:30:00Z'), NY, 3, 4)).toEqual({
      atMs: at('2025-03-09T07:00:00Z'),
      nightMs: 3_600_000,
    });
  });

  it('the memoised zone offset agrees with Luxon every 17 minutes across both 2025 changes in New York and Madrid', () => {
    for (const zone of [NY, MADRID, CN, KR]) {
      const z = IANAZone.create(zone);
      for (const from of [
        '2025-03-08T00:00:00Z',
        '2025-03-29T00:00:00Z',
        '2025-10-25T00:00:00Z',
        '2025-11-01T00:00:00Z',
      ]) {
        for (let t = at(from); t < at(from) + 3 * 86_400_000; t += 17 * 60_000 + 1) {
          expect(zoneOffsetMinutes(t, zone)).toBe(z.offset(t));
        }
      }
    }
  });
});

describe('zones without DST', () => {
  it('Seoul 10:00–11:00 KST and Shanghai 09:30–10:00 CST (China) are the same hour: 30 min of overlap', () => {
    const seoul = timed('2025-10-30T10:00', '2025-10-30T11:00', KR, { participantIds: ['xi'], placeId: 'busan' });
    const shanghai = timed('2025-10-30T09:30', '2025-10-30T10:00', CN, { participantIds: ['xi'], placeId: 'shanghai' });
    const [c] = rules(plan({ events: [seoul, shanghai] }), 'double-booking');
    expect(c!.marginMs).toBe(30 * 60_000);
    expect(c!.explanation).toContain('Thu 30 Oct 2025, 10:00–11:00 KST');
    expect(c!.explanation).toContain('Thu 30 Oct 2025, 09:30–10:00 CST (China)');
  });

  it('the offsets never change: 22:00 CST (China) is at night on any date', () => {
    for (const date of ['2025-01-15', '2025-07-15', '2026-03-08', '2026-11-01']) {
      const e = timed(`${date}T22:00`, `${date}T22:30`, CN, { placeId: 'great-hall' });
      expect(rules(plan({ events: [e] }), 'local-hours')).toHaveLength(1);
    }
  });
});

describe('all-day items cover whole local days in their own zone', () => {
  it('30 Oct in Seoul and 30 Oct in New York share 11 hours; 29 Oct in Seoul and 30 Oct in New York share none', () => {
    const seoul = allDay('2025-10-30', '2025-10-30', KR, { id: 'seoul' });
    const ny = allDay('2025-10-30', '2025-10-30', NY, { id: 'ny' });
    const [c] = rules(plan({ events: [seoul, ny] }), 'overlap');
    expect(c!.marginMs).toBe(11 * 3_600_000);
    const seoulBefore = allDay('2025-10-29', '2025-10-29', KR, { id: 'seoul-29' });
    expect(rules(plan({ events: [seoulBefore, ny] }), 'overlap')).toEqual([]);
  });

  it('an all-day item ending the day a timed one starts at local midnight only touches it', () => {
    const day = allDay('2025-10-29', '2025-10-29', KR, { placeId: 'gyeongju', participantIds: ['lee'] });
    const midnight = timed('2025-10-30T00:00', '2025-10-30T01:00', KR, { placeId: 'busan', participantIds: ['lee'] });
    expect(localToInstant('2025-10-30T00:00', KR)).toBe(day.endsAt);
    expect(rules(plan({ events: [day, midnight] }), 'double-booking')).toEqual([]);
  });
});
