import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCandidateToPlan,
  candidateToNewVisit,
  checkRequest,
  findDates,
  formatDayRange,
  IntervalIndex,
  nearPoints,
  type FinderRequest,
} from '../../../src/domain/planning/date-finder';
import { parseEntity } from '../../../src/domain/model';
import type { Place, Plan } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { localDaysToInstants, localToInstant, toMs } from '../../../src/domain/time/time';
import { makeAllDayEvent, makeEvent, makeLeg, makeWindow } from '../../helpers/factories';

const NY = 'America/New_York';

/** The request of the issue: a 3-day Xi visit to Washington, 1 Aug – 31 Oct 2026. */
const xiRequest = (overrides: Partial<FinderRequest> = {}): FinderRequest => ({
  participantIds: ['xi', 'trump'],
  lengthDays: 3,
  from: '2026-08-01',
  to: '2026-10-31',
  timeZone: NY,
  hostPlaceId: 'washington',
  dayStart: '09:00',
  dayEnd: '18:00',
  avoidBlackouts: true,
  minGapDays: 1,
  avoidItemIds: [],
  preferWeekdays: true,
  includeOptional: true,
  ...overrides,
});

/** Local days [first, last] in `zone` as instants. */
const days = (first: string, last: string, zone: string) => {
  const i = localDaysToInstants(first, last, zone);
  return [toMs(i.startsAt), toMs(i.endsAt)] as const;
};
const overlaps = (c: { startsAt: string; endsAt: string }, [a, b]: readonly [number, number]) =>
  toMs(c.startsAt) < b && a < toMs(c.endsAt);

describe('date finder on the sample plan', () => {
  const plan = buildSamplePlan();
  const unga = days('2026-09-22', '2026-09-28', NY);
  const midAutumn = days('2026-09-25', '2026-09-27', 'Asia/Shanghai');
  const goldenWeek = days('2026-10-01', '2026-10-07', 'Asia/Shanghai');

  it('proposes a 3-day Xi visit in August first, clear of UNGA, Mid-Autumn and Golden Week', () => {
    const result = findDates(plan, xiRequest({ limit: 100 }));
    expect(result.problems).toEqual([]);
    expect(result.candidates.length).toBeGreaterThan(5);
    for (const c of result.candidates) {
      expect(overlaps(c, unga), c.label).toBe(false);
      expect(overlaps(c, midAutumn), c.label).toBe(false);
      expect(overlaps(c, goldenWeek), c.label).toBe(false);
      expect(c.footprint).toHaveLength(3);
    }
    const top = result.candidates[0]!;
    expect(top.startDate.slice(0, 7)).toBe('2026-08');
    expect(top.label).toMatch(/Aug 2026$/);
    expect(top.reasons.some((r) => r.text.startsWith('Clear of UNGA 81 general debate'))).toBe(true);
    // Each day is 09:00–18:00 in Washington.
    expect(top.footprint[0]).toEqual({
      startsAt: localToInstant(`${top.startDate}T09:00`, NY),
      endsAt: localToInstant(`${top.startDate}T18:00`, NY),
      type: 'event',
    });
    const ruledOutBy = result.blockers.map((b) => b.itemId);
    expect(ruledOutBy).toEqual(expect.arrayContaining(['unga-2026', 'golden-week-2026']));
  });

  it('ranks candidates by score and never returns two that overlap', () => {
    const { candidates } = findDates(plan, xiRequest({ limit: 30 }));
    for (let i = 1; i < candidates.length; i++) {
      const [a, b] = [candidates[i - 1]!, candidates[i]!];
      expect(a.score > b.score || (a.score === b.score && a.startDate < b.startDate)).toBe(true);
      for (const c of candidates.slice(0, i)) expect(c.endDate < b.startDate || b.endDate < c.startDate).toBe(true);
    }
    for (const c of candidates) expect(c.score).toBe(100 + c.reasons.reduce((s, r) => s + r.points, 0));
  });

  it('says what a candidate is close to, in plain words with dates', () => {
    const { candidates } = findDates(
      plan,
      xiRequest({ from: '2026-10-09', to: '2026-10-11', avoidItemIds: ['unga-2026'] }),
    );
    expect(candidates.map((c) => c.label)).toEqual(['Fri 9 – Sun 11 Oct 2026']);
    const texts = candidates[0]!.reasons.map((r) => r.text);
    expect(texts).toContain(
      'Only 2 days after National Day Golden Week (China), a blackout for Xi Jinping (ends Wed 7 Oct)',
    );
    expect(texts).toContain('Includes a weekend: Sat 10 Oct, Sun 11 Oct');
    expect(texts).toContain('Clear of UNGA 81 general debate, New York (ends Mon 28 Sep, 11 days before)');
    expect(candidates[0]!.score).toBe(100 - 12 - 12);
  });

  it('checks the best candidates with the conflict engine and scores what it finds', () => {
    const clear = findDates(plan, xiRequest()).candidates[0]!;
    expect(clear.reasons.map((r) => r.text)).toContain('The conflict check finds nothing against it');
    // Early mornings and a blackout allowed: the engine warns, and the score says so.
    const { candidates } = findDates(
      plan,
      xiRequest({ from: '2026-10-01', to: '2026-10-03', dayStart: '06:00', avoidBlackouts: false }),
    );
    const engine = candidates[0]!.reasons.filter((r) => r.kind === 'engine');
    expect(engine.map((r) => [r.text, r.points])).toEqual([
      ['Conflict check: at night locally, 3 times (warning; 1 h at night)', -30],
      ['Conflict check: on a blackout date, 3 times (warning; 12 h inside the blackout)', -30],
    ]);
    expect(engine[1]!.detail).toMatch(/falls on “National Day Golden Week \(China\)”/);
    expect(candidates[0]!.score).toBe(100 + candidates[0]!.reasons.reduce((s, r) => s + r.points, 0));
    const unchecked = findDates(
      plan,
      xiRequest({ from: '2026-10-01', to: '2026-10-03', dayStart: '06:00', avoidBlackouts: false, engineCheck: false }),
    );
    expect(unchecked.candidates[0]!.reasons.some((r) => r.kind === 'engine')).toBe(false);
  });

  it('names an event to avoid even when none of the participants attends it', () => {
    const plain = findDates(plan, xiRequest({ participantIds: ['lee'], limit: 100 }));
    expect(plain.candidates.some((c) => overlaps(c, unga))).toBe(true);
    const avoiding = findDates(plan, xiRequest({ participantIds: ['lee'], avoidItemIds: ['unga-2026'], limit: 100 }));
    expect(avoiding.candidates.some((c) => overlaps(c, unga))).toBe(false);
    expect(avoiding.candidates[0]!.reasons.some((r) => r.itemId === 'unga-2026')).toBe(true);
  });

  it('moves the existing Xi visit with its legs, keeping its three days at the host and its window', () => {
    const result = findDates(
      plan,
      xiRequest({
        moveVisitId: 'xi-us-2026',
        window: { itemId: 'xi-us-visit-window', relation: 'within', days: 0 },
        limit: 50,
      }),
    );
    expect(result.problems).toEqual([]);
    const top = result.candidates[0]!;
    expect(top.startDate.slice(0, 7)).toBe('2026-08');
    expect(top.footprint).toHaveLength(4);
    expect(top.footprint.filter((f) => f.type === 'leg')).toHaveLength(2);
    // The sample's visit is at the host 24–26 Sep; the candidate moves it by whole days.
    expect(top.offsetDays).toBe(
      -Math.round(
        (toMs(localToInstant('2026-09-24T12:00', NY)) - toMs(localToInstant(`${top.startDate}T12:00`, NY))) /
          86_400_000,
      ),
    );
    for (const c of result.candidates) {
      expect(c.endDate <= '2026-09-30').toBe(true);
      expect(overlaps(c, unga) || overlaps(c, midAutumn)).toBe(false);
    }
    // Its own dates (24 Sep) are not a conflict with itself, but UNGA rules them out.
    expect(result.candidates.some((c) => c.offsetDays === 0)).toBe(false);
  });

  it('plans "within 30 days before APEC": ends before it, as close as it can', () => {
    const result = findDates(
      plan,
      xiRequest({ to: '2026-11-30', window: { itemId: 'apec-shenzhen-2026', relation: 'before', days: 30 } }),
    );
    const apecStart = toMs(localDaysToInstants('2026-11-18', '2026-11-19', 'Asia/Shanghai').startsAt);
    expect(result.candidates.length).toBeGreaterThan(0);
    for (const c of result.candidates) {
      expect(toMs(c.endsAt) <= apecStart).toBe(true);
      expect(c.endDate >= '2026-10-19').toBe(true);
    }
    expect(result.candidates[0]!.reasons[0]!.text).toMatch(/^Ends \d+ days? before 33rd APEC/);
  });

  it('explains what is wrong with a request instead of searching', () => {
    const problems = checkRequest(
      plan,
      xiRequest({
        participantIds: [],
        from: '2026-10-01',
        to: '2026-09-01',
        dayStart: '18:00',
        dayEnd: '09:00',
        lengthDays: 0,
      }),
    );
    expect(problems).toEqual([
      'Choose at least one participant.',
      'The last day of the search range is before the first.',
      'The visit lasts 1 to 60 days.',
      'The daily hours must end after they start.',
    ]);
    expect(findDates(plan, xiRequest({ timeZone: 'Mars/Olympus' })).problems).toEqual([
      'Choose the host place or a time zone.',
    ]);
  });

  it('makes valid records for a new tentative visit: one visit-day event a day, at the host, in its zone', () => {
    const request = xiRequest({ window: { itemId: 'xi-us-visit-window', relation: 'within', days: 0 } });
    const candidate = findDates(plan, request).candidates[0]!;
    const { visit, events } = candidateToNewVisit(request, candidate, {
      visitId: 'visit-new',
      title: 'Xi state visit (proposed dates)',
      guestId: 'xi',
      hostCountry: 'United States',
      eventId: (i) => `visit-new-day-${i + 1}`,
    });
    expect(parseEntity('visits', visit)).toMatchObject({
      status: 'tentative',
      windowId: 'xi-us-visit-window',
      windowMarginDays: 0,
    });
    expect(events.map((e) => parseEntity('events', e).kind)).toEqual(['visit-day', 'visit-day', 'visit-day']);
    expect(events.every((e) => e.timeZone === NY && e.placeId === 'washington' && e.status === 'tentative')).toBe(true);
    const applied = applyCandidateToPlan(plan, request, candidate, {
      visitId: 'visit-new',
      title: 'x',
      guestId: 'xi',
      hostCountry: 'US',
      eventId: (i) => `d${i}`,
    });
    expect(applied.events.length).toBe(plan.events.length + 3);
    expect(plan.events.length).toBe(buildSamplePlan().events.length);
  });
});

describe('date finder rules', () => {
  const places: Place[] = [
    { id: 'washington', name: 'Washington', country: 'US', lat: 38.9072, lon: -77.0369, timeZone: NY, kind: 'city' },
    {
      id: 'iad',
      name: 'Dulles',
      country: 'US',
      lat: 38.95,
      lon: -77.46,
      timeZone: NY,
      kind: 'airport',
      cityId: 'washington',
    },
    {
      id: 'beijing',
      name: 'Beijing',
      country: 'China',
      lat: 39.9042,
      lon: 116.4074,
      timeZone: 'Asia/Shanghai',
      kind: 'city',
    },
  ] as Place[];
  const base = (extra: Partial<Plan>): Plan => ({
    places,
    participants: [],
    events: [],
    visits: [],
    legs: [],
    windows: [],
    scenarios: [],
    ...extra,
  });
  const request = (extra: Partial<FinderRequest> = {}): FinderRequest =>
    xiRequest({
      participantIds: ['a'],
      lengthDays: 1,
      from: '2026-08-03',
      to: '2026-08-07',
      minGapDays: 0,
      preferWeekdays: false,
      limit: 10,
      ...extra,
    });

  it('keeps the shortest plausible trip (plus slack) from a commitment elsewhere, none from one at the host', () => {
    const end = localToInstant('2026-08-04T18:00', NY);
    const at = (placeId: string) =>
      makeEvent({
        participantIds: ['a'] as never,
        placeId: placeId as never,
        timeZone: NY,
        startsAt: localToInstant('2026-08-04T16:00', NY),
        endsAt: end,
      });
    const starts = (p: Plan) =>
      findDates(p, request())
        .candidates.map((c) => c.startDate)
        .sort();
    // Beijing → Washington: about 11,150 km, 16 h or so: the next morning is too early.
    expect(starts(base({ events: [at('beijing')] }))).toEqual(['2026-08-03', '2026-08-06', '2026-08-07']);
    expect(starts(base({ events: [at('washington')] }))).toEqual([
      '2026-08-03',
      '2026-08-05',
      '2026-08-06',
      '2026-08-07',
    ]);
  });

  it('keeps at least N whole days from other commitments of the same participants only', () => {
    const mine = makeAllDayEvent('2026-08-05', '2026-08-05', NY, {
      participantIds: ['a'] as never,
      placeId: 'washington' as never,
    });
    const theirs = makeAllDayEvent('2026-08-05', '2026-08-05', NY, {
      participantIds: ['b'] as never,
      placeId: 'washington' as never,
    });
    const starts = (p: Plan, gap: number) =>
      findDates(p, request({ minGapDays: gap, from: '2026-08-01', to: '2026-08-10' }))
        .candidates.map((c) => c.startDate)
        .sort();
    expect(starts(base({ events: [mine] }), 2)).toEqual([
      '2026-08-01',
      '2026-08-02',
      '2026-08-08',
      '2026-08-09',
      '2026-08-10',
    ]);
    expect(starts(base({ events: [theirs] }), 2)).toHaveLength(10);
  });

  it('avoids blackouts that apply to a participant (or to everyone), and only when asked', () => {
    const forA = makeWindow('2026-08-04', '2026-08-05', NY, { kind: 'blackout', participantIds: ['a'] as never });
    const forB = makeWindow('2026-08-06', '2026-08-06', NY, { kind: 'blackout', participantIds: ['b'] as never });
    const forAll = makeWindow('2026-08-07', '2026-08-07', NY, { kind: 'blackout' });
    const plain = makeWindow('2026-08-03', '2026-08-07', NY, { kind: 'window', participantIds: ['a'] as never });
    const p = base({ windows: [forA, forB, forAll, plain] });
    expect(
      findDates(p, request())
        .candidates.map((c) => c.startDate)
        .sort(),
    ).toEqual(['2026-08-03', '2026-08-06']);
    expect(findDates(p, request({ avoidBlackouts: false })).candidates).toHaveLength(5);
  });

  it('ignores cancelled and postponed items, notes, and optional items left out', () => {
    const p = base({
      events: [
        makeEvent({
          participantIds: ['a'] as never,
          status: 'cancelled',
          startsAt: localToInstant('2026-08-03T10:00', NY),
          endsAt: localToInstant('2026-08-03T11:00', NY),
        }),
        makeEvent({
          participantIds: ['a'] as never,
          kind: 'note',
          startsAt: localToInstant('2026-08-04T10:00', NY),
          endsAt: localToInstant('2026-08-04T11:00', NY),
        }),
        makeEvent({
          id: 'opt' as never,
          participantIds: ['a'] as never,
          optional: true,
          startsAt: localToInstant('2026-08-05T10:00', NY),
          endsAt: localToInstant('2026-08-05T11:00', NY),
        }),
      ],
    });
    expect(findDates(p, request({ includeOptional: false })).candidates).toHaveLength(5);
    expect(findDates(p, request({ includeOptional: true })).candidates).toHaveLength(4);
    expect(
      findDates(
        p,
        request({
          includeOptional: false,
          scenario: { id: 's', name: 's', includeOptionalIds: ['opt'], overrides: [] } as never,
        }),
      ).candidates,
    ).toHaveLength(4);
  });

  it('gives a leg from another city two days after the visit: no leg away from the host is planned', () => {
    const leg = makeLeg({
      participantIds: ['a'] as never,
      fromPlaceId: 'beijing' as never,
      toPlaceId: 'iad' as never,
      mode: 'flight',
      departsAt: localToInstant('2026-08-08T12:00', 'Asia/Shanghai'),
      arrivesAt: localToInstant('2026-08-08T14:00', NY),
    });
    const starts = findDates(base({ legs: [leg] }), request({ from: '2026-08-01', to: '2026-08-07' }))
      .candidates.map((c) => c.startDate)
      .sort();
    // The leg leaves Beijing at 00:00 EDT on 8 Aug: the visit must end more than 48 h before.
    expect(starts).toEqual(['2026-08-01', '2026-08-02', '2026-08-03', '2026-08-04', '2026-08-05']);
  });

  it('weighs a weekend and a nearby blackout', () => {
    expect(nearPoints(7)).toBe(0);
    expect(nearPoints(1)).toBe(-14);
    expect(nearPoints(0)).toBe(-16);
    const { candidates } = findDates(
      base({}),
      request({ from: '2026-08-07', to: '2026-08-10', preferWeekdays: true, limit: 4 }),
    );
    expect(candidates.map((c) => [c.startDate, c.score])).toEqual([
      ['2026-08-07', 100],
      ['2026-08-10', 100],
      ['2026-08-08', 94],
      ['2026-08-09', 94],
    ]);
  });

  it('formats day ranges across months and years', () => {
    expect(formatDayRange('2026-08-12', '2026-08-14')).toBe('Wed 12 – Fri 14 Aug 2026');
    expect(formatDayRange('2026-08-31', '2026-09-02')).toBe('Mon 31 Aug – Wed 2 Sep 2026');
    expect(formatDayRange('2026-12-31', '2027-01-02')).toBe('Thu 31 Dec 2026 – Sat 2 Jan 2027');
    expect(formatDayRange('2026-08-12', '2026-08-12')).toBe('Wed 12 Aug 2026');
  });
});

describe('interval index against a naive scan', () => {
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }))
    .map(([s, l]) => ({ start: s, end: s + l }));
  it('finds an overlapping interval exactly when one exists, and nearest ones in order', () => {
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 40 }),
        fc.integer({ min: -10, max: 250 }),
        fc.integer({ min: 1, max: 30 }),
        (items, a, len) => {
          const b = a + len;
          const index = new IntervalIndex(items);
          const hit = index.overlapping(a, b);
          const naive = items.filter((x) => x.start < b && a < x.end);
          expect(hit !== undefined).toBe(naive.length > 0);
          if (hit) expect(hit.start < b && a < hit.end).toBe(true);
          const before = index.endingBefore(a, 3);
          expect(before.map((x) => x.end)).toEqual(
            items
              .map((x) => x.end)
              .filter((e) => e <= a)
              .sort((x, y) => y - x)
              .slice(0, 3),
          );
          const after = index.startingAfter(b, 3);
          expect(after.map((x) => x.start)).toEqual(
            items
              .map((x) => x.start)
              .filter((s) => s >= b)
              .sort((x, y) => x - y)
              .slice(0, 3),
          );
        },
      ),
    );
  });
});

describe('date finder against a naive scan of every item', () => {
  const PLACES: Place[] = [
    { id: 'washington', name: 'Washington', country: 'US', lat: 38.9072, lon: -77.0369, timeZone: NY, kind: 'city' },
    {
      id: 'iad',
      name: 'Dulles',
      country: 'US',
      lat: 38.95,
      lon: -77.46,
      timeZone: NY,
      kind: 'airport',
      cityId: 'washington',
    },
    { id: 'new-york', name: 'New York', country: 'US', lat: 40.7128, lon: -74.006, timeZone: NY, kind: 'city' },
    {
      id: 'beijing',
      name: 'Beijing',
      country: 'China',
      lat: 39.9042,
      lon: 116.4074,
      timeZone: 'Asia/Shanghai',
      kind: 'city',
    },
  ] as Place[];
  const HOUR = 3_600_000;
  const T0 = toMs('2026-08-01T00:00:00.000Z');
  const people = fc.subarray(['a', 'b', 'c'], { minLength: 1 });
  const event = fc.record({
    h: fc.integer({ min: 0, max: 24 * 20 }),
    len: fc.integer({ min: 1, max: 30 }),
    who: people,
    place: fc.constantFrom('washington', 'new-york', 'beijing', undefined),
    status: fc.constantFrom('confirmed', 'tentative', 'cancelled'),
    kind: fc.constantFrom('meeting', 'meeting', 'note', 'holiday'),
  });
  const leg = fc.record({
    h: fc.integer({ min: 0, max: 24 * 20 }),
    len: fc.integer({ min: 1, max: 16 }),
    who: people,
    from: fc.constantFrom('iad', 'beijing', 'new-york'),
    to: fc.constantFrom('iad', 'beijing', 'new-york'),
  });
  const blackout = fc.record({
    d: fc.integer({ min: 0, max: 19 }),
    len: fc.integer({ min: 0, max: 3 }),
    who: fc.subarray(['a', 'b', 'c']),
  });

  const HOURS = Array.from({ length: 20 }, (_, d) => {
    const date = new Date(T0 + d * 86_400_000).toISOString().slice(0, 10);
    return [toMs(localToInstant(`${date}T09:00`, NY)), toMs(localToInstant(`${date}T18:00`, NY))] as const;
  });

  it('rules out exactly the start days that a scan of every item rules out', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 12 }),
        fc.array(leg, { maxLength: 4 }),
        fc.array(blackout, { maxLength: 3 }),
        fc.record({ who: people, length: fc.integer({ min: 1, max: 4 }), gap: fc.integer({ min: 0, max: 2 }) }),
        (evs, lgs, bls, q) => {
          const day = (d: number) => new Date(T0 + d * 86_400_000).toISOString().slice(0, 10);
          const plan: Plan = {
            places: PLACES,
            participants: [],
            visits: [],
            scenarios: [],
            events: evs.map((e, i) =>
              makeEvent({
                id: `e${i}` as never,
                participantIds: e.who as never,
                status: e.status as never,
                kind: e.kind as never,
                placeId: e.place as never,
                timeZone: NY,
                startsAt: new Date(T0 + e.h * HOUR).toISOString(),
                endsAt: new Date(T0 + (e.h + e.len) * HOUR).toISOString(),
              }),
            ),
            legs: lgs
              .filter((l) => l.from !== l.to)
              .map((l, i) =>
                makeLeg({
                  id: `l${i}` as never,
                  participantIds: l.who as never,
                  fromPlaceId: l.from as never,
                  toPlaceId: l.to as never,
                  departsAt: new Date(T0 + l.h * HOUR).toISOString(),
                  arrivesAt: new Date(T0 + (l.h + l.len) * HOUR).toISOString(),
                }),
              ),
            windows: bls.map((b, i) =>
              makeWindow(day(b.d), day(b.d + b.len), NY, {
                id: `w${i}` as never,
                kind: 'blackout',
                participantIds: b.who as never,
              }),
            ),
          };
          const req = xiRequest({
            participantIds: q.who,
            lengthDays: q.length,
            minGapDays: q.gap,
            from: day(0),
            to: day(19),
            distinct: false,
            limit: 1000,
          });
          const found = new Set(findDates(plan, req).candidates.map((c) => c.startDate));

          // The oracle: every item against every day's hours, no index.
          const place = new Map(PLACES.map((p) => [p.id as string, p]));
          const cityOf = (id: string | undefined) => (id ? (place.get(id)!.cityId ?? id) : undefined);
          const trip = (id: string | undefined) => {
            if (!id) return 0;
            const km = greatCircle(place.get(id)!, place.get('washington')!);
            if (km < 1) return 0;
            const ms = km <= 150 ? (km / 70) * HOUR + 15 * 60_000 : (km / 800) * HOUR + 90 * 60_000;
            return ms + 2 * HOUR;
          };
          const gap = q.gap * 24 * HOUR;
          const shares = (ids: readonly string[]) => ids.some((x) => q.who.includes(x));
          const busy: [number, number][] = [];
          for (const e of plan.events) {
            if (e.status === 'cancelled' || e.kind === 'note') continue;
            if (e.kind === 'holiday') {
              if (e.participantIds.length === 0 || shares(e.participantIds))
                busy.push([toMs(e.startsAt), toMs(e.endsAt)]);
              continue;
            }
            if (!shares(e.participantIds)) continue;
            const pad = Math.max(gap, trip(e.placeId));
            busy.push([toMs(e.startsAt) - pad, toMs(e.endsAt) + pad]);
          }
          for (const l of plan.legs) {
            if (!shares(l.participantIds)) continue;
            const lead = Math.max(
              gap,
              trip(l.fromPlaceId),
              cityOf(l.fromPlaceId) !== 'washington' ? 48 * HOUR + 60_000 : 0,
            );
            busy.push([toMs(l.departsAt) - lead, toMs(l.arrivesAt) + Math.max(gap, trip(l.toPlaceId))]);
          }
          for (const w of plan.windows)
            if (w.participantIds.length === 0 || shares(w.participantIds))
              busy.push([toMs(w.startsAt), toMs(w.endsAt)]);
          for (let d = 0; d + q.length - 1 <= 19; d++) {
            let ok = true;
            for (let i = 0; i < q.length && ok; i++) {
              const [a, b] = HOURS[d + i]!;
              if (busy.some(([s, e]) => s < b && a < e)) ok = false;
            }
            expect(found.has(day(d)), `start ${day(d)}`).toBe(ok);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

function greatCircle(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (x: number) => (x * Math.PI) / 180;
  const h =
    Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
