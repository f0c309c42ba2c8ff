import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../src/domain/conflicts/types';
import { greatCircleKm } from '../../../src/domain/geo/geo';
import {
  ALL_VISITS,
  buildItinerary,
  buildRoute,
  centralLongitude,
  conflictsByItem,
  formatKm,
  formatTravelTime,
  isSettled,
  legDurationMs,
  NO_VISIT,
  orderVisits,
  swapLegSlots,
  zoneCity,
  type Itinerary,
} from '../../../src/domain/planning';
import type { Plan } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { localToInstant } from '../../../src/domain/time/time';
import { makeEvent, makeLeg } from '../../helpers/factories';

const DRAFT = 'draft-state-visit-2025';
const LONDON = { displayZone: 'Europe/London', includeOptional: true };

const stopCities = (it: Itinerary) => it.stops.map((s) => s.city.name);

describe('great-circle distances (haversine) against known city pairs', () => {
  const sample = buildSamplePlan();
  const at = (id: string) => sample.places.find((p) => p.id === id)!;
  it.each([
    ['Beijing–Shanghai (city centres)', at('beijing'), at('shanghai'), 1_060, 1_099],
    ['IAD–PEK', at('iad'), at('pek'), 11_050, 11_150],
    ['Madrid–Beijing', at('madrid'), at('beijing'), 9_150, 9_300],
    ['PVG–PUS (quoted 801 km)', { lat: 31.1434, lon: 121.805 }, at('pus'), 800, 826],
    ['Busan–Gyeongju', at('busan'), at('gyeongju'), 60, 90],
  ])('%s', (_name, a, b, min, max) => {
    const km = greatCircleKm(a, b);
    expect(km).toBeGreaterThanOrEqual(min);
    expect(km).toBeLessThanOrEqual(max);
    expect(greatCircleKm(b, a)).toBeCloseTo(km, 6);
  });
});

describe('the sample state-visit draft as an itinerary', () => {
  const plan = buildSamplePlan();

  it('orders stops and legs by time, grouping venues, stations and airports by city', () => {
    const it = buildItinerary(plan, DRAFT, LONDON);
    expect(stopCities(it)).toEqual(['Washington, DC', 'Beijing', 'Shanghai', 'Beijing', 'Busan']);
    expect(it.legs.map((l) => [l.seq, l.mode, l.from.cityName, l.to.cityName])).toEqual([
      [1, 'flight', 'Washington, DC', 'Beijing'],
      [2, 'rail', 'Beijing', 'Shanghai'],
      [3, 'flight', 'Beijing', 'Busan'],
    ]);
    const beijing = it.stops[1]!;
    expect(beijing.arrivalPlace?.name).toBe('Beijing Capital International Airport');
    expect(beijing.departurePlace?.name).toBe('Beijing South');
    expect(beijing.events.map((e) => e.event.title)).toEqual([
      'Welcome ceremony and talks, Great Hall of the People',
      'State banquet',
    ]);
    expect(it.stops[2]).toMatchObject({ optional: true, unplannedArrival: false });
    expect(it.stops[2]!.events.map((e) => e.id)).toEqual(['draft-shanghai-programme']);
    // The flight to Busan leaves Beijing, but nothing brings the principal back from Shanghai.
    expect(it.stops[3]).toMatchObject({ unplannedArrival: true });
    expect(it.stops[3]!.previousCity?.name).toBe('Shanghai');
  });

  it('does not depend on the order legs are stored in', () => {
    const shuffled: Plan = { ...plan, legs: [...plan.legs].reverse(), events: [...plan.events].reverse() };
    expect(stopCities(buildItinerary(shuffled, DRAFT, LONDON))).toEqual(
      stopCities(buildItinerary(plan, DRAFT, LONDON)),
    );
  });

  it('leaves the optional rail leg and the Shanghai programme out when optional items are off', () => {
    const it = buildItinerary(plan, DRAFT, { ...LONDON, includeOptional: false });
    expect(stopCities(it)).toEqual(['Washington, DC', 'Beijing', 'Busan']);
    expect(it.legs.map((l) => [l.seq, l.id])).toEqual([
      [1, 'draft-leg-1'],
      [2, 'draft-leg-2'],
    ]);
    expect(it.stops.every((s) => !s.unplannedArrival)).toBe(true);
  });

  it('gives departure and arrival in local time at each place and in the display zone', () => {
    const [out, rail, toKorea] = buildItinerary(plan, DRAFT, LONDON).legs;
    expect([out!.departs.local, out!.departs.localDay, out!.departs.display]).toEqual([
      '08:00 EDT',
      'Sat 25 Oct',
      '13:00 BST',
    ]);
    // London leaves summer time on 26 Oct: the same offset from Beijing is now an hour more.
    expect([out!.arrives.local, out!.arrives.localDay, out!.arrives.display, out!.arrives.displayDay]).toEqual([
      '10:40 CST (China)',
      'Sun 26 Oct',
      '02:40 GMT',
      'Sun 26 Oct',
    ]);
    expect([rail!.departs.local, rail!.departs.display, rail!.arrives.local]).toEqual([
      '09:00 CST (China)',
      '01:00 GMT',
      '13:18 CST (China)',
    ]);
    expect([toKorea!.departs.local, toKorea!.arrives.local]).toEqual(['18:00 CST (China)', '21:10 KST']);
    const inBeijing = buildItinerary(plan, DRAFT, { ...LONDON, displayZone: 'Asia/Shanghai' }).legs[1]!;
    expect(inBeijing.departs.sameAsDisplay).toBe(true);
    expect(rail!.departs.sameAsDisplay).toBe(false);
  });

  it('measures durations as instants apart, across zones, and says when the local date changes', () => {
    const [out, rail, toKorea] = buildItinerary(plan, DRAFT, LONDON).legs;
    expect(formatTravelTime(out!.durationMs)).toBe('14 h 40 min');
    expect(out!.dayShift).toBe(1);
    expect(formatTravelTime(rail!.durationMs)).toBe('4 h 18 min');
    // 18:00 in Beijing to 21:10 in Busan is 2 h 10 min, not 3 h 10 min.
    expect(formatTravelTime(toKorea!.durationMs)).toBe('2 h 10 min');
    const home = buildItinerary(plan, 'trump-china-2026', LONDON).legs.find((l) => l.id === 'may-leg-home')!;
    expect([home.departs.local, home.arrives.local, formatTravelTime(home.durationMs), home.dayShift]).toEqual([
      '15:00 CST (China)',
      '17:40 EDT',
      '14 h 40 min',
      0,
    ]);
  });

  it('counts a leg across the end of US summer time by the clock, not the wall', () => {
    // 01:30 happens twice that night; the arrival is the second one, 01:30 EST.
    const later = makeLeg({
      fromPlaceId: 'new-york' as never,
      toPlaceId: 'white-house' as never,
      mode: 'road',
      departsAt: localToInstant('2025-11-02T00:30', 'America/New_York'),
      arrivesAt: '2025-11-02T06:30:00.000Z',
    });
    const it = buildItinerary({ ...plan, legs: [later] }, null, LONDON);
    expect([it.legs[0]!.departs.local, it.legs[0]!.arrives.local]).toEqual(['00:30 EDT', '01:30 EST']);
    expect(legDurationMs(later)).toBe(2 * 3_600_000);
  });

  it('heads each day with the local date at the place of its first entry', () => {
    const it = buildItinerary(plan, DRAFT, LONDON);
    expect(it.days.map((d) => [d.label, d.zone])).toEqual([
      ['Sat 25 Oct 2025', 'America/New_York'],
      ['Sun 26 Oct 2025', 'Asia/Shanghai'],
      ['Mon 27 Oct 2025', 'Asia/Shanghai'],
      ['Tue 28 Oct 2025', 'Asia/Shanghai'],
    ]);
    expect(it.days[3]!.entries.map((e) => e.type)).toEqual(['leg', 'stop', 'event', 'stop', 'leg', 'stop']);
  });

  it('totals travel time and distance with and without the optional legs', () => {
    const on = buildItinerary(plan, DRAFT, LONDON).totals;
    const off = buildItinerary(plan, DRAFT, { ...LONDON, includeOptional: false }).totals;
    expect(on.withOptional).toEqual(off.withOptional);
    expect(on.withoutOptional).toEqual(off.withoutOptional);
    expect(on.shown).toEqual(on.withOptional);
    expect(off.shown).toEqual(off.withoutOptional);
    expect(on.optionalLegs).toBe(1);
    expect([on.withOptional.legs, formatTravelTime(on.withOptional.travelMs)]).toEqual([3, '21 h 8 min']);
    expect([on.withoutOptional.legs, formatTravelTime(on.withoutOptional.travelMs)]).toEqual([2, '16 h 50 min']);
    const railKm = greatCircleKm(
      plan.places.find((p) => p.id === 'beijing-south')!,
      plan.places.find((p) => p.id === 'shanghai-hongqiao')!,
    );
    expect(on.withOptional.km - on.withoutOptional.km).toBeCloseTo(railKm, 6);
    expect(formatKm(on.withoutOptional.km)).toBe('12,351 km');
  });

  it('anchors all-day items at the start of their local day', () => {
    const it = buildItinerary(plan, 'trump-korea-2025', LONDON);
    expect(stopCities(it)).toEqual(['Gyeongju', 'Busan']);
    expect(it.days.map((d) => d.label)).toEqual(['Wed 29 Oct 2025', 'Thu 30 Oct 2025']);
    const allDay = it.stops[0]!.events[0]!;
    expect([allDay.allDay, allDay.startDate, allDay.starts.local]).toEqual([true, '2025-10-29', '00:00 KST']);
  });
});

describe('routes over a selection', () => {
  const plan = buildSamplePlan();

  it('numbers legs across all visits in time order and orders visits by their first item', () => {
    const route = buildRoute(plan, ALL_VISITS, LONDON);
    expect(route.itineraries.map((i) => i.key)).toEqual([
      DRAFT,
      'trump-korea-2025',
      'trump-china-2026-first',
      'trump-china-2026',
      'xi-us-2026',
    ]);
    expect(route.legs.map((l) => l.seq)).toEqual(route.legs.map((_, i) => i + 1));
    expect(route.legs.map((l) => l.id)).toEqual([
      'draft-leg-1',
      'draft-leg-rail',
      'draft-leg-2',
      'korea-leg-marine-one',
      'may-leg-out',
      'may-leg-home',
      'xi-leg-out',
      'xi-leg-home',
    ]);
    expect(route.totals.withOptional.legs).toBe(8);
    expect(route.totals.withoutOptional.legs).toBe(7);
    expect(route.totals.withOptional.travelMs - route.totals.withoutOptional.travelMs).toBe(
      4 * 3_600_000 + 18 * 60_000,
    );
  });

  it('keeps legs outside any visit in their own itinerary, last', () => {
    const loose = makeLeg({
      id: 'loose' as never,
      departsAt: '2020-01-01T00:00:00.000Z',
      arrivesAt: '2020-01-01T05:00:00.000Z',
    });
    const route = buildRoute({ ...plan, legs: [...plan.legs, loose] }, ALL_VISITS, LONDON);
    const last = route.itineraries[route.itineraries.length - 1]!;
    expect([last.key, last.visit, last.legs.map((l) => [l.id, l.seq])]).toEqual([NO_VISIT, null, [['loose', 1]]]);
  });

  it('gives an empty route for an unknown visit, and a one-visit route numbered from 1', () => {
    expect(buildRoute(plan, 'nope', LONDON).itineraries).toEqual([]);
    const may = buildRoute(plan, 'trump-china-2026', LONDON);
    expect(may.legs.map((l) => l.seq)).toEqual([1, 2]);
    expect(stopCities(may.itineraries[0]!)).toEqual(['Washington, DC', 'Beijing', 'Washington, DC']);
  });

  it('marks a place missing from the plan and gives no distance for its legs', () => {
    const leg = makeLeg({
      id: 'ghost' as never,
      fromPlaceId: 'atlantis' as never,
      toPlaceId: 'beijing' as never,
      visitId: DRAFT as never,
    });
    const it = buildItinerary({ ...plan, legs: [leg] }, DRAFT, LONDON);
    const ghost = it.legs.find((l) => l.id === 'ghost')!;
    expect([ghost.from.name, ghost.from.coords, ghost.km, formatKm(ghost.km)]).toEqual([
      'Unknown place (atlantis)',
      null,
      null,
      '—',
    ]);
  });

  it('lists visits for a selector by their first item, empty visits last', () => {
    const empty = { ...plan.visits[0]!, id: 'empty' as never, title: 'A visit with nothing yet' };
    expect(orderVisits({ ...plan, visits: [empty, ...plan.visits] }).map((v) => v.id)).toEqual([
      DRAFT,
      'trump-korea-2025',
      'trump-china-2026-first',
      'trump-china-2026',
      'xi-us-2026',
      'empty',
    ]);
  });
});

describe('swapping two legs in time', () => {
  const a = makeLeg({ departsAt: '2025-10-28T01:00:00.000Z', arrivesAt: '2025-10-28T05:18:00.000Z' });
  const b = makeLeg({ departsAt: '2025-10-28T10:00:00.000Z', arrivesAt: '2025-10-28T12:10:00.000Z' });

  it('puts the later leg in the earlier slot, keeping durations and the gap between them', () => {
    const [first, second] = swapLegSlots(a, b);
    expect(first.id).toBe(b.id);
    expect([first.departsAt, first.arrivesAt]).toEqual(['2025-10-28T01:00:00.000Z', '2025-10-28T03:10:00.000Z']);
    // The gap was 4 h 42 min (05:18 → 10:00).
    expect([second.departsAt, second.arrivesAt]).toEqual(['2025-10-28T07:52:00.000Z', '2025-10-28T12:10:00.000Z']);
    expect(swapLegSlots(b, a)).toEqual([first, second]);
  });

  it('always keeps each duration, starts where the pair started and never overlaps them', () => {
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) });
    const duration = fc.integer({ min: 60_000, max: 30 * 3_600_000 });
    fc.assert(
      fc.property(instant, duration, instant, duration, (d1, l1, d2, l2) => {
        const x = { id: 'x', departsAt: new Date(d1).toISOString(), arrivesAt: new Date(d1 + l1).toISOString() };
        const y = { id: 'y', departsAt: new Date(d2).toISOString(), arrivesAt: new Date(d2 + l2).toISOString() };
        const [first, second] = swapLegSlots(x, y);
        const before = [x, y].sort((p, q) => Date.parse(p.departsAt) - Date.parse(q.departsAt));
        expect(first.id).toBe(before[1]!.id);
        expect(legDurationMs(first)).toBe(legDurationMs(before[1]!));
        expect(legDurationMs(second)).toBe(legDurationMs(before[0]!));
        expect(first.departsAt).toBe(before[0]!.departsAt);
        expect(Date.parse(second.departsAt)).toBeGreaterThanOrEqual(Date.parse(first.arrivesAt));
      }),
    );
  });
});

describe('map centring', () => {
  it.each([
    [[0, 10], 5],
    [[-77, 116, 121, 129], -160.5],
    [[170, -170], -180],
    [[116.4], 116.4],
    [[], 0],
  ])('the narrowest band around %j is centred on %d', (lons, centre) => {
    expect(centralLongitude(lons)).toBeCloseTo(centre, 6);
  });

  it('keeps every longitude within half the band of the centre', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -180, max: 179.999, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (lons) => {
          const c = centralLongitude(lons);
          const offsets = lons.map((l) => ((((l - c + 180) % 360) + 360) % 360) - 180);
          const span = Math.max(...offsets) - Math.min(...offsets);
          expect(span).toBeLessThanOrEqual(360);
          expect(Math.abs(Math.max(...offsets) + Math.min(...offsets))).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

describe('small helpers', () => {
  it('indexes conflicts by each item they concern', () => {
    const c = (id: string, items: string[]): Conflict =>
      ({ id, items: items.map((i) => ({ type: 'leg', id: i, title: i })) }) as unknown as Conflict;
    const one = c('one', ['rail', 'flight']);
    const two = c('two', ['rail', 'rail']);
    const byItem = conflictsByItem([one, two]);
    expect(byItem.get('rail')).toEqual([one, two]);
    expect(byItem.get('flight')).toEqual([one]);
    expect(byItem.get('other')).toBeUndefined();
  });

  it('formats travel time in hours and minutes, distances in whole km', () => {
    expect([
      formatTravelTime(45 * 60_000),
      formatTravelTime(26 * 3_600_000 + 600_000),
      formatTravelTime(3 * 3_600_000),
    ]).toEqual(['45 min', '26 h 10 min', '3 h']);
    expect([formatKm(1066.6), formatKm(11137.2), formatKm(null)]).toEqual(['1,067 km', '11,137 km', '—']);
  });

  it('calls settled only confirmed and held items, and names zones by their city', () => {
    expect(
      ['speculative', 'proposed', 'tentative', 'confirmed', 'held', 'postponed', 'cancelled'].filter((s) =>
        isSettled(s as never),
      ),
    ).toEqual(['confirmed', 'held']);
    expect([zoneCity('America/New_York'), zoneCity('UTC')]).toEqual(['New York', 'UTC']);
  });

  it('uses an event with no place at the stop the principal is at', () => {
    const plan = buildSamplePlan();
    const call = makeEvent({
      id: 'call' as never,
      visitId: DRAFT as never,
      startsAt: '2025-10-27T06:00:00.000Z',
      endsAt: '2025-10-27T06:30:00.000Z',
      timeZone: 'Asia/Shanghai',
    });
    const it = buildItinerary({ ...plan, events: [...plan.events, call] }, DRAFT, LONDON);
    expect(it.stops[1]!.events.map((e) => e.id)).toContain('call');
  });
});

describe('an itinerary’s start', () => {
  const plan = buildSamplePlan();
  const HOUR = 3_600_000;
  const base = Date.parse('2025-10-01T00:00:00.000Z');

  it('is the earliest of its events’ starts and its legs’ departures (what sorting them all gives)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 6 }),
        (eventHours, legHours) => {
          const iso = (h: number) => new Date(base + h * HOUR).toISOString();
          const events = eventHours.map((h) =>
            makeEvent({
              visitId: DRAFT as never,
              placeId: 'great-hall' as never,
              startsAt: iso(h),
              endsAt: iso(h + 1),
            }),
          );
          const legs = legHours.map((h) =>
            makeLeg({ visitId: DRAFT as never, departsAt: iso(h), arrivesAt: iso(h + 2) }),
          );
          const it = buildItinerary({ ...plan, events, legs }, DRAFT, LONDON);
          const all = [...events.map((e) => e.startsAt), ...legs.map((l) => l.departsAt)].sort();
          expect(it.startsAt).toBe(all[0] ?? null);
        },
      ),
      { numRuns: 200 },
    );
  });
});
