import { describe, expect, it } from 'vitest';
import { analyzeConflicts, findConflicts, type Conflict, type RuleId } from '../../../src/domain/conflicts';
import type { Plan, Status } from '../../../src/domain/model/model';
import { allDay, leg, plan, timed, visit, window } from './fixtures';

const CN = 'Asia/Shanghai';
const KR = 'Asia/Seoul';
const NY = 'America/New_York';

const run = (p: Plan, includeOptional: boolean | string[] = true) => findConflicts(p, { includeOptional });
const only = (p: Plan, rule: RuleId, includeOptional: boolean | string[] = true) =>
  run(p, includeOptional).filter((c) => c.rule === rule);
const ids = (c: Conflict) => c.items.map((r) => r.id).sort();

describe('double booking', () => {
  const a = (status: Status, extra = {}) =>
    timed('2025-10-27T10:00', '2025-10-27T12:00', CN, {
      id: 'a',
      status,
      placeId: 'great-hall',
      participantIds: ['trump'],
      ...extra,
    });
  const b = (status: Status, extra = {}) =>
    timed('2025-10-27T11:00', '2025-10-27T13:00', CN, {
      id: 'b',
      status,
      placeId: 'great-hall',
      participantIds: ['trump'],
      ...extra,
    });

  it.each<[Status, Status, 'error' | 'warning']>([
    ['confirmed', 'confirmed', 'error'],
    ['held', 'confirmed', 'error'],
    ['held', 'held', 'error'],
    ['confirmed', 'tentative', 'warning'],
    ['confirmed', 'proposed', 'warning'],
    ['speculative', 'held', 'warning'],
    ['tentative', 'tentative', 'warning'],
  ])('%s + %s overlapping for one participant → %s', (s1, s2, severity) => {
    const found = only(plan({ events: [a(s1), b(s2)] }), 'double-booking');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(severity);
    expect(ids(found[0]!)).toEqual(['a', 'b']);
    expect(found[0]!.participantIds).toEqual(['trump']);
    expect(found[0]!.marginMs).toBe(3_600_000);
    expect(found[0]!.margin).toBe('overlaps by 1 h');
    expect(found[0]!.at).toBe('2025-10-27T03:00:00.000Z');
    expect(found[0]!.explanation).toContain('Donald J. Trump is double-booked');
    expect(found[0]!.explanation).toContain('10:00–12:00 CST (China)');
  });

  it.each<[string, Status]>([
    ['cancelled', 'cancelled'],
    ['postponed', 'postponed'],
  ])('a %s item never conflicts', (_label, status) => {
    const found = run(plan({ events: [a('confirmed'), b(status)] }));
    expect(found).toEqual([]);
  });

  it('touching items (one ends as the other starts) do not overlap', () => {
    const first = timed('2025-10-27T10:00', '2025-10-27T12:00', CN, {
      participantIds: ['trump'],
      placeId: 'great-hall',
    });
    const second = timed('2025-10-27T12:00', '2025-10-27T13:00', CN, {
      participantIds: ['trump'],
      placeId: 'great-hall',
    });
    expect(run(plan({ events: [first, second] }))).toEqual([]);
  });

  it('needs a shared participant (otherwise it is only an overlap)', () => {
    const found = run(plan({ events: [a('confirmed'), b('confirmed', { participantIds: ['xi'] })] }));
    expect(found.map((c) => c.rule)).toEqual(['overlap']);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.participantIds.sort()).toEqual(['trump', 'xi']);
  });

  it('names every shared participant once, in one conflict', () => {
    const found = only(
      plan({
        events: [
          a('confirmed', { participantIds: ['trump', 'xi'] }),
          b('confirmed', { participantIds: ['xi', 'trump'] }),
        ],
      }),
      'double-booking',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.participantIds).toEqual(['trump', 'xi']);
    expect(found[0]!.explanation).toContain('Donald J. Trump and Xi Jinping are double-booked');
  });

  it('notes and holidays are informational: overlap only', () => {
    const note = a('confirmed', { kind: 'note' });
    const holiday = b('confirmed', { kind: 'holiday' });
    const meeting = timed('2025-10-27T11:30', '2025-10-27T11:45', CN, {
      participantIds: ['trump'],
      placeId: 'great-hall',
    });
    const found = run(plan({ events: [note, holiday, meeting] }));
    expect(new Set(found.map((c) => c.rule))).toEqual(new Set(['overlap']));
    expect(found).toHaveLength(3);
  });

  it('an all-day item and a timed one in the same city are not a double booking (sidelines)', () => {
    const summit = allDay('2025-10-31', '2025-11-01', KR, { placeId: 'gyeongju', participantIds: ['xi'] });
    const sideline = timed('2025-10-31T15:00', '2025-10-31T16:00', KR, { placeId: 'gyeongju', participantIds: ['xi'] });
    expect(only(plan({ events: [summit, sideline] }), 'double-booking')).toEqual([]);
  });

  it('an all-day item and a timed one in different cities are a double booking', () => {
    const summit = allDay('2025-10-31', '2025-11-01', KR, {
      id: 'summit',
      placeId: 'gyeongju',
      participantIds: ['xi'],
    });
    const elsewhere = timed('2025-10-31T15:00', '2025-10-31T16:00', CN, {
      id: 'talks',
      placeId: 'great-hall',
      participantIds: ['xi'],
    });
    const found = only(plan({ events: [summit, elsewhere] }), 'double-booking');
    expect(found.map(ids)).toEqual([['summit', 'talks']]);
    expect(found[0]!.explanation).toContain('in Gyeongju and in Beijing at once');
  });

  it('an all-day item with no place, or a call with no place, is not a double booking', () => {
    const day = allDay('2025-10-31', '2025-10-31', KR, { participantIds: ['xi'] });
    const meeting = timed('2025-10-31T15:00', '2025-10-31T16:00', CN, {
      placeId: 'great-hall',
      participantIds: ['xi'],
    });
    const summit = allDay('2025-11-05', '2025-11-05', KR, { placeId: 'gyeongju', participantIds: ['xi'] });
    const call = timed('2025-11-05T15:00', '2025-11-05T16:00', KR, { kind: 'call', participantIds: ['xi'] });
    expect(only(plan({ events: [day, meeting, summit, call] }), 'double-booking')).toEqual([]);
  });

  it('two all-day items in different cities are a double booking; in the same city they are not', () => {
    const a1 = allDay('2025-10-31', '2025-10-31', KR, { placeId: 'gyeongju', participantIds: ['lee'] });
    const a2 = allDay('2025-10-31', '2025-10-31', KR, { placeId: 'busan', participantIds: ['lee'] });
    const a3 = allDay('2025-10-31', '2025-10-31', KR, { placeId: 'gyeongju', participantIds: ['lee'] });
    expect(only(plan({ events: [a1, a2] }), 'double-booking')).toHaveLength(1);
    expect(only(plan({ events: [a1, a3] }), 'double-booking')).toEqual([]);
  });

  it('a leg overlapping a timed commitment of the same participant is a double booking', () => {
    const train = leg('beijing-south', 'hongqiao', '2025-10-28T09:00', CN, '2025-10-28T13:18', CN, {
      id: 'rail',
      participantIds: ['trump'],
      status: 'confirmed',
    });
    const lunch = timed('2025-10-28T12:00', '2025-10-28T13:00', CN, {
      id: 'lunch',
      placeId: 'shanghai',
      participantIds: ['trump'],
    });
    const found = only(plan({ events: [lunch], legs: [train] }), 'double-booking');
    expect(found.map(ids)).toEqual([['lunch', 'rail']]);
    expect(found[0]!.severity).toBe('error');
  });

  it("a leg to or from an all-day item's city is its arrival or departure day; elsewhere it is a double booking", () => {
    const day = allDay('2025-10-28', '2025-10-28', CN, { id: 'day', placeId: 'shanghai', participantIds: ['trump'] });
    const arrive = leg('beijing-south', 'hongqiao', '2025-10-28T09:00', CN, '2025-10-28T13:18', CN, {
      participantIds: ['trump'],
    });
    expect(only(plan({ events: [day], legs: [arrive] }), 'double-booking')).toEqual([]);
    const away = leg('pek', 'pus', '2025-10-28T18:00', CN, '2025-10-28T21:10', KR, {
      id: 'away',
      participantIds: ['trump'],
    });
    expect(only(plan({ events: [day], legs: [away] }), 'double-booking').map(ids)).toEqual([['away', 'day']]);
  });

  it('items of a cancelled or postponed visit never conflict', () => {
    const v = visit('v', { status: 'postponed' });
    const found = run(plan({ events: [a('confirmed', { visitId: 'v' }), b('confirmed')], visits: [v] }));
    expect(found).toEqual([]);
  });
});

describe('overlap', () => {
  it('reports every overlapping pair of events, legs and windows as info, with the overlap length', () => {
    const w = window('2025-10-27', '2025-10-27', CN, { id: 'w' });
    const e = timed('2025-10-27T10:00', '2025-10-27T12:00', CN, { id: 'e', participantIds: ['trump'] });
    const l = leg('beijing-south', 'hongqiao', '2025-10-27T11:00', CN, '2025-10-27T15:18', CN, {
      id: 'l',
      participantIds: ['xi'],
    });
    const found = only(plan({ events: [e], legs: [l], windows: [w] }), 'overlap');
    // In time order; the two at 11:00 by their first item: the window began before the event.
    expect(found.map(ids)).toEqual([
      ['e', 'w'],
      ['l', 'w'],
      ['e', 'l'],
    ]);
    expect(found.every((c) => c.severity === 'info')).toBe(true);
    const el = found.find((c) => ids(c).join() === 'e,l')!;
    expect(el.margin).toBe('overlaps by 1 h');
    expect(el.explanation).toMatch(/overlap by 1 h\.$/);
  });

  it('caps the list at overlapPairCap and still counts every pair', () => {
    const events = Array.from({ length: 10 }, (_, i) =>
      timed('2025-10-27T10:00', `2025-10-27T1${1 + (i % 3)}:00`, CN, { id: `e${i}` }),
    );
    const report = analyzeConflicts(plan({ events }), { includeOptional: true, settings: { overlapPairCap: 7 } });
    expect(report.overlapPairsTotal).toBe(45);
    expect(report.overlapPairsReported).toBe(7);
    expect(report.conflicts.filter((c) => c.rule === 'overlap')).toHaveLength(7);
    expect(report.truncated).toEqual(['overlap']);
    const uncapped = analyzeConflicts(plan({ events }), { includeOptional: true });
    expect([uncapped.overlapPairsTotal, uncapped.overlapPairsReported, uncapped.truncated]).toEqual([45, 45, []]);
  });
});

describe('transit', () => {
  it('with no leg, the gap must cover the shortest plausible trip (Beijing → Shanghai by air)', () => {
    const talks = timed('2025-10-28T09:00', '2025-10-28T12:00', CN, {
      id: 'talks',
      placeId: 'great-hall',
      participantIds: ['trump'],
      status: 'confirmed',
    });
    const lunch = timed('2025-10-28T13:00', '2025-10-28T14:00', CN, {
      id: 'lunch',
      placeId: 'shanghai',
      participantIds: ['trump'],
      status: 'confirmed',
    });
    const found = only(plan({ events: [talks, lunch] }), 'transit');
    expect(found.map(ids)).toEqual([['lunch', 'talks']]);
    expect(found[0]!.severity).toBe('error');
    // 1,067 km at 800 km/h plus 90 min of ground time ≈ 2 h 50 min, against a 1 h gap.
    expect(found[0]!.marginMs).toBeGreaterThan(110 * 60_000);
    expect(found[0]!.marginMs).toBeLessThan(115 * 60_000);
    expect(found[0]!.margin).toMatch(/^short by 1 h 5\d min$/);
    expect(found[0]!.explanation).toContain('ends in Beijing at Tue 28 Oct 2025, 12:00 CST (China)');
    expect(found[0]!.explanation).toContain('starts at Shanghai at 13:00 CST (China)');
    expect(found[0]!.explanation).toContain('by flight');
    const later = { ...lunch, startsAt: '2025-10-28T08:00:00.000Z', endsAt: '2025-10-28T09:00:00.000Z' };
    expect(only(plan({ events: [talks, later] }), 'transit')).toEqual([]);
  });

  it('a leg must leave at least the buffer after the commitment before it ends (none from its own place)', () => {
    const talks = timed('2025-10-28T09:00', '2025-10-28T11:45', CN, {
      id: 'talks',
      placeId: 'great-hall',
      participantIds: ['trump'],
      status: 'held',
    });
    const train = leg('beijing-south', 'hongqiao', '2025-10-28T12:00', CN, '2025-10-28T16:18', CN, {
      id: 'rail',
      participantIds: ['trump'],
      status: 'held',
    });
    const found = only(plan({ events: [talks], legs: [train] }), 'transit');
    expect(found.map(ids)).toEqual([['rail', 'talks']]);
    expect(found[0]!.margin).toBe('short by 15 min');
    expect(found[0]!.explanation).toContain(
      'only 15 min before the rail leg leaves Beijing South at 12:00 CST (China)',
    );
    expect(only(plan({ events: [talks], legs: [train] }), 'transit', true)).toHaveLength(1);
    const atStation = { ...talks, placeId: 'beijing-south' } as typeof talks;
    expect(only(plan({ events: [atStation], legs: [train] }), 'transit')).toEqual([]);
    const relaxed = findConflicts(plan({ events: [talks], legs: [train] }), {
      includeOptional: true,
      settings: { bufferMinutes: 10 },
    });
    expect(relaxed.filter((c) => c.rule === 'transit')).toEqual([]);
  });

  it('a leg must arrive at least the buffer before the next commitment starts (none at its own place)', () => {
    const flight = leg('pek', 'pus', '2025-10-30T07:00', CN, '2025-10-30T10:40', KR, {
      id: 'flight',
      participantIds: ['trump'],
      status: 'confirmed',
    });
    const meeting = timed('2025-10-30T11:00', '2025-10-30T12:40', KR, {
      id: 'meeting',
      placeId: 'busan',
      participantIds: ['trump'],
      status: 'confirmed',
    });
    const found = only(plan({ events: [meeting], legs: [flight] }), 'transit');
    expect(found.map(ids)).toEqual([['flight', 'meeting']]);
    expect(found[0]!.margin).toBe('short by 10 min');
    expect(found[0]!.explanation).toContain('arrives at Gimhae at Thu 30 Oct 2025, 10:40 KST, only 20 min before');
    const atAirport = { ...meeting, placeId: 'pus' } as typeof meeting;
    expect(only(plan({ events: [atAirport], legs: [flight] }), 'transit')).toEqual([]);
  });

  it('arriving in one city for a commitment in another needs the trip between them', () => {
    const flight = leg('pek', 'pus', '2025-10-30T07:00', CN, '2025-10-30T10:00', KR, { participantIds: ['trump'] });
    const seoul = timed('2025-10-30T11:00', '2025-10-30T12:00', KR, { placeId: 'gyeongju', participantIds: ['trump'] });
    const found = only(plan({ events: [seoul], legs: [flight] }), 'transit');
    expect(found).toHaveLength(1);
    expect(found[0]!.explanation).toContain('With no leg planned from Busan to Gyeongju');
    expect(found[0]!.explanation).toContain('by road');
  });
});

describe('continuity', () => {
  const rail = leg('beijing-south', 'hongqiao', '2025-10-28T09:00', CN, '2025-10-28T13:18', CN, {
    id: 'rail',
    participantIds: ['trump'],
    status: 'proposed',
  });
  const flight = leg('pek', 'pus', '2025-10-28T18:00', CN, '2025-10-28T21:10', KR, {
    id: 'flight',
    participantIds: ['trump'],
    status: 'proposed',
  });

  it('a leg departing from a city other than where the participant then is', () => {
    const found = only(plan({ legs: [rail, flight] }), 'continuity');
    expect(found.map(ids)).toEqual([['flight', 'rail']]);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.at).toBe('2025-10-28T10:00:00.000Z');
    expect(found[0]!.explanation).toBe(
      'The rail leg arrives in Shanghai Hongqiao at Tue 28 Oct 2025, 13:18 CST (China), but the flight to Busan leaves Beijing Capital at 18:00 CST (China): Donald J. Trump is then in Shanghai, with no leg planned to Beijing.',
    );
    expect(found[0]!.margin).toMatch(/km away, no leg planned$/);
  });

  it("says nothing when the participant's place is unknown or stale", () => {
    expect(only(plan({ legs: [flight] }), 'continuity')).toEqual([]);
    const weekLater = { ...flight, departsAt: '2025-11-04T10:00:00.000Z', arrivesAt: '2025-11-04T13:10:00.000Z' };
    expect(only(plan({ legs: [rail, weekLater] }), 'continuity')).toEqual([]);
    const sameVisit = [
      { ...rail, visitId: 'v' },
      { ...weekLater, visitId: 'v' },
    ] as (typeof rail)[];
    expect(only(plan({ legs: sameVisit, visits: [visit('v')] }), 'continuity')).toHaveLength(1);
    const longHorizon = findConflicts(plan({ legs: [rail, weekLater] }), {
      includeOptional: true,
      settings: { locationHorizonHours: 24 * 8 },
    });
    expect(longHorizon.filter((c) => c.rule === 'continuity')).toHaveLength(1);
  });

  it('an all-day item says the participant is in its city at some time that day', () => {
    const day = allDay('2025-10-29', '2025-10-29', KR, {
      id: 'gyeongju-day',
      placeId: 'gyeongju',
      participantIds: ['trump'],
    });
    const marine = leg('gyeongju', 'pus', '2025-10-30T09:50', KR, '2025-10-30T10:25', KR, {
      id: 'marine',
      participantIds: ['trump'],
    });
    expect(only(plan({ events: [day], legs: [marine] }), 'continuity')).toEqual([]);
    const wrong = leg('pus', 'pek', '2025-10-30T09:50', KR, '2025-10-30T11:25', CN, {
      id: 'wrong',
      participantIds: ['trump'],
    });
    expect(only(plan({ events: [day], legs: [wrong] }), 'continuity').map(ids)).toEqual([['gyeongju-day', 'wrong']]);
    // Arrival day: in Beijing the evening before, all day in Shanghai, the train in the morning.
    const banquet = timed('2025-10-27T19:00', '2025-10-27T21:00', CN, {
      placeId: 'great-hall',
      participantIds: ['trump'],
    });
    const shanghaiDay = allDay('2025-10-28', '2025-10-28', CN, { placeId: 'shanghai', participantIds: ['trump'] });
    expect(run(plan({ events: [banquet, shanghaiDay], legs: [rail] })).filter((c) => c.rule !== 'overlap')).toEqual([]);
  });
});

describe('window', () => {
  const apec = window('2025-10-27', '2025-11-01', KR, { id: 'apec', title: 'APEC week', status: 'held' });

  it.each<[string, string, number, boolean]>([
    ['inside', '2025-10-30', 0, false],
    ['one day after, no margin', '2025-11-02', 0, true],
    ['one day after, one day of margin', '2025-11-02', 1, false],
    ['two days before, one day of margin', '2025-10-25', 1, true],
  ])('an event %s', (_label, date, margin, expected) => {
    const e = timed(`${date}T11:00`, `${date}T12:00`, KR, {
      id: 'e',
      windowId: 'apec',
      windowMarginDays: margin,
      status: 'confirmed',
    });
    const found = only(plan({ events: [e], windows: [apec] }), 'window');
    expect(found.length > 0).toBe(expected);
    if (expected) {
      expect(found[0]!.severity).toBe('error');
      expect(found[0]!.explanation).toContain('is tied to “APEC week” (Mon 27 Oct – Sat 1 Nov 2025, KST)');
      expect(found[0]!.id).toBe('window:event:e|window:apec');
    }
  });

  it('a visit is judged by the extent of its events and legs; only optional items outside say so', () => {
    const v = visit('draft', { windowId: 'apec', windowMarginDays: 0, status: 'proposed' });
    const inside = timed('2025-10-28T10:00', '2025-10-28T12:00', CN, { visitId: 'draft', participantIds: ['trump'] });
    const earlyOptional = leg('beijing-south', 'hongqiao', '2025-10-24T09:00', CN, '2025-10-24T13:18', CN, {
      id: 'early',
      visitId: 'draft',
      optional: true,
      participantIds: ['trump'],
    });
    const base = only(plan({ events: [inside], legs: [earlyOptional], visits: [v], windows: [apec] }), 'window', false);
    expect(base).toEqual([]);
    const withLeg = only(plan({ events: [inside], legs: [earlyOptional], visits: [v], windows: [apec] }), 'window');
    expect(withLeg).toHaveLength(1);
    expect(withLeg[0]!.id).toBe('window:visit:draft|window:apec');
    expect(withLeg[0]!.onlyWith.map((r) => r.id)).toEqual(['early']);
    expect(withLeg[0]!.severity).toBe('warning');
    expect(withLeg[0]!.explanation).toContain('The visit “Visit draft” runs from');
  });
});

describe('local hours', () => {
  it.each<[string, string, string, boolean]>([
    ['starts at 22:30', '2025-10-27T22:30', '2025-10-27T23:00', true],
    ['ends as the night starts', '2025-10-27T21:00', '2025-10-27T22:00', false],
    ['runs into the night', '2025-10-27T21:30', '2025-10-27T22:30', true],
    ['starts before 07:00', '2025-10-27T06:30', '2025-10-27T08:00', true],
    ['starts at 07:00', '2025-10-27T07:00', '2025-10-27T08:00', false],
  ])('an event at its place that %s', (_label, start, end, expected) => {
    const e = timed(start, end, CN, { placeId: 'great-hall', participantIds: ['xi'], status: 'held' });
    const found = only(plan({ events: [e] }), 'local-hours');
    expect(found.length > 0).toBe(expected);
    if (expected) expect(found[0]!.severity).toBe('warning');
  });

  it("a call with no place is checked at each participant's home zone", () => {
    const call = timed('2025-11-24T09:00', '2025-11-24T10:00', NY, {
      id: 'call',
      kind: 'call',
      participantIds: ['trump', 'xi'],
      status: 'held',
    });
    const found = only(plan({ events: [call] }), 'local-hours');
    expect(found).toHaveLength(1);
    expect(found[0]!.participantIds).toEqual(['xi']);
    expect(found[0]!.at).toBe('2025-11-24T14:00:00.000Z');
    expect(found[0]!.explanation).toContain('is at Mon 24 Nov 2025, 09:00 EST');
    expect(found[0]!.explanation).toContain('Mon 24 Nov 2025, 22:00–23:00 CST (China) for Xi Jinping (Asia/Shanghai)');
  });

  it("a participant with no home zone is reached in the event's zone; the night is configurable", () => {
    const call = timed('2025-11-24T22:30', '2025-11-24T23:00', NY, { kind: 'call', participantIds: ['nobody'] });
    expect(only(plan({ events: [call] }), 'local-hours')).toHaveLength(1);
    const late = findConflicts(plan({ events: [call] }), {
      includeOptional: true,
      settings: { nightStartHour: 23, nightEndHour: 6 },
    });
    expect(late.filter((c) => c.rule === 'local-hours')).toEqual([]);
  });

  it('legs and all-day items are not checked', () => {
    const redEye = leg('pek', 'pus', '2025-10-28T23:00', CN, '2025-10-29T02:00', KR, { participantIds: ['trump'] });
    const day = allDay('2025-10-28', '2025-10-28', CN, { placeId: 'beijing', participantIds: ['trump'] });
    expect(only(plan({ events: [day], legs: [redEye] }), 'local-hours')).toEqual([]);
  });
});

describe('blackout', () => {
  const midAutumn = window('2026-09-25', '2026-09-27', CN, {
    id: 'mid-autumn',
    kind: 'blackout',
    participantIds: ['xi'],
    status: 'confirmed',
  });
  const talks = (status: Status, participantIds = ['xi', 'trump']) =>
    timed('2026-09-25T10:00', '2026-09-25T13:00', NY, { id: 'talks', placeId: 'white-house', participantIds, status });

  it.each<[Status, 'error' | 'warning']>([
    ['confirmed', 'error'],
    ['tentative', 'warning'],
    ['speculative', 'warning'],
  ])('a %s event on a blackout of one of its participants → %s', (status, severity) => {
    const found = only(plan({ events: [talks(status)], windows: [midAutumn] }), 'blackout');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(severity);
    expect(found[0]!.participantIds).toEqual(['xi']);
    expect(found[0]!.explanation).toContain('a blackout for Xi Jinping');
    expect(found[0]!.explanation).toContain(
      'Fri 25 Sep 2026, 22:00 CST (China) – Sat 26 Sep 2026, 01:00 CST (China) in Asia/Shanghai',
    );
  });

  it('applies only to its participants; with none listed, to everyone', () => {
    expect(only(plan({ events: [talks('confirmed', ['trump'])], windows: [midAutumn] }), 'blackout')).toEqual([]);
    const everyone = { ...midAutumn, participantIds: [] };
    expect(
      only(plan({ events: [talks('confirmed', ['trump'])], windows: [everyone] }), 'blackout')[0]!.participantIds,
    ).toEqual(['trump']);
  });

  it('an all-day event in New York and a blackout in China are compared by their local dates', () => {
    const day = (date: string) =>
      allDay(date, date, NY, { placeId: 'new-york', participantIds: ['xi'], status: 'confirmed' });
    // 24 Sep EDT ends 25 Sep 04:00Z, after the blackout starts (25 Sep 00:00 CST (China) = 24 Sep 16:00Z),
    // but 24 Sep is not a day of the blackout.
    expect(only(plan({ events: [day('2026-09-24')], windows: [midAutumn] }), 'blackout')).toEqual([]);
    expect(only(plan({ events: [day('2026-09-25')], windows: [midAutumn] }), 'blackout')).toHaveLength(1);
  });

  it('legs are travel, not commitments on a blackout', () => {
    const out = leg('pek', 'white-house', '2026-09-25T12:30', CN, '2026-09-25T15:10', NY, { participantIds: ['xi'] });
    expect(only(plan({ legs: [out], windows: [midAutumn] }), 'blackout')).toEqual([]);
  });
});

describe('optional items, scenarios, order and ids', () => {
  const rail = leg('beijing-south', 'hongqiao', '2025-10-28T09:00', CN, '2025-10-28T13:18', CN, {
    id: 'rail',
    participantIds: ['trump'],
    optional: true,
  });
  const flight = leg('pek', 'pus', '2025-10-28T18:00', CN, '2025-10-28T21:10', KR, {
    id: 'flight',
    participantIds: ['trump'],
  });

  it('leaves excluded optional items out entirely, and names included ones in onlyWith', () => {
    const p = plan({ legs: [rail, flight] });
    expect(findConflicts(p, { includeOptional: false })).toEqual([]);
    expect(findConflicts(p, { includeOptional: [] })).toEqual([]);
    const withRail = findConflicts(p, { includeOptional: ['rail'] }).filter((c) => c.rule === 'continuity');
    expect(withRail).toHaveLength(1);
    expect(withRail[0]!.onlyWith).toEqual([
      { type: 'leg', id: 'rail', title: 'Beijing South → Shanghai Hongqiao (rail leg)' },
    ]);
    expect(findConflicts(p, { includeOptional: true }).map((c) => c.id)).toEqual(
      findConflicts(p, { includeOptional: ['rail'] }).map((c) => c.id),
    );
  });

  it("takes a scenario's optional items and alternative dates", () => {
    const p = plan({ legs: [rail, flight] });
    const scenario = { id: 's', name: 'Rail', includeOptionalIds: ['rail'], overrides: [] } as unknown as NonNullable<
      Parameters<typeof findConflicts>[1]['scenario']
    >;
    expect(findConflicts(p, { includeOptional: false, scenario }).map((c) => c.rule)).toContain('continuity');
    const moved = {
      ...scenario,
      overrides: [{ itemId: 'flight', startsAt: '2025-10-28T04:00:00.000Z', endsAt: '2025-10-28T07:10:00.000Z' }],
    } as typeof scenario;
    const found = findConflicts(p, { includeOptional: false, scenario: moved });
    expect(found.filter((c) => c.rule === 'continuity')).toEqual([]);
    expect(found.filter((c) => c.rule === 'double-booking').map(ids)).toEqual([['flight', 'rail']]);
  });

  it('gives the same conflicts, ids and order whatever the order of the input', () => {
    const events = [
      timed('2025-10-27T10:00', '2025-10-27T12:00', CN, { id: 'a', placeId: 'great-hall', participantIds: ['trump'] }),
      timed('2025-10-27T11:00', '2025-10-27T13:00', CN, {
        id: 'b',
        placeId: 'shanghai',
        participantIds: ['trump'],
        status: 'tentative',
      }),
      timed('2025-10-27T11:00', '2025-10-27T13:00', CN, { id: 'c', placeId: 'great-hall', participantIds: ['xi'] }),
      timed('2025-10-27T22:30', '2025-10-27T23:30', CN, { id: 'd', placeId: 'great-hall', participantIds: ['xi'] }),
    ];
    const forward = run(plan({ events, legs: [rail, flight] }));
    const backward = run(plan({ events: [...events].reverse(), legs: [flight, rail] }));
    expect(backward.map((c) => c.id)).toEqual(forward.map((c) => c.id));
    for (let i = 1; i < forward.length; i++) {
      const [p, q] = [forward[i - 1]!, forward[i]!];
      expect(p.at <= q.at).toBe(true);
    }
    // Same instant: errors before warnings before info.
    const at11 = forward.filter((c) => c.at === '2025-10-27T03:00:00.000Z').map((c) => c.severity);
    expect(at11).toEqual(
      [...at11].sort((x, y) => ['error', 'warning', 'info'].indexOf(x) - ['error', 'warning', 'info'].indexOf(y)),
    );
  });

  it('ids are the rule and the sorted type:id of the items', () => {
    const a = timed('2025-10-27T10:00', '2025-10-27T12:00', CN, {
      id: 'zeta',
      placeId: 'great-hall',
      participantIds: ['trump'],
    });
    const b = timed('2025-10-27T11:00', '2025-10-27T13:00', CN, {
      id: 'alpha',
      placeId: 'great-hall',
      participantIds: ['trump'],
    });
    expect(
      run(plan({ events: [a, b] }))
        .map((c) => c.id)
        .sort(),
    ).toEqual(['double-booking:event:alpha|event:zeta', 'overlap:event:alpha|event:zeta']);
  });

  it('conflicts survive JSON and have plain copies', async () => {
    const { toPlainConflict } = await import('../../../src/domain/conflicts');
    const a = timed('2025-10-27T10:00', '2025-10-27T12:00', CN, { id: 'a', participantIds: ['trump'] });
    const b = timed('2025-10-27T11:00', '2025-10-27T13:00', CN, { id: 'b', participantIds: ['trump'] });
    const [c] = only(plan({ events: [a, b] }), 'double-booking');
    const viaJson = JSON.parse(JSON.stringify(c)) as Conflict;
    expect(viaJson).toEqual(toPlainConflict(c!));
    expect(viaJson.explanation).toBe(c!.explanation);
    expect(structuredClone(toPlainConflict(c!)).items).toEqual(c!.items);
  });
});
