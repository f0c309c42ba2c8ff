// Date finder benchmark: a seeded plan of n items (events, legs, windows) around 2026; a 3-day
// visit for two participants searched over three months, as a new visit and as a moved visit.
// Prints the median of several runs after a warm-up (figures, never assertions).
import { findDates, type FinderRequest } from '../../src/domain/planning';
import type { Leg, Participant, Place, Plan, PlanEvent, PlanWindow, Visit } from '../../src/domain/model';
import { localDaysToInstants, toInstant } from '../../src/domain/time';
import { prng } from './plan-gen.mjs';

const CITIES: [string, number, number, string][] = [
  ['beijing', 39.9042, 116.4074, 'Asia/Shanghai'],
  ['seoul', 37.5665, 126.978, 'Asia/Seoul'],
  ['washington', 38.9072, -77.0369, 'America/New_York'],
  ['new-york', 40.7128, -74.006, 'America/New_York'],
  ['madrid', 40.4168, -3.7038, 'Europe/Madrid'],
  ['london', 51.5074, -0.1278, 'Europe/London'],
];
const HOUR = 3_600_000;
const BASE = Date.parse('2025-01-01T00:00:00.000Z');
const SPAN_DAYS = 3 * 365;

function plan(n: number, seed: number): Plan {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const places = CITIES.map(
    ([id, lat, lon, timeZone]) => ({ id, name: id, country: '', lat, lon, timeZone, kind: 'city' }) as Place,
  );
  const participants = Array.from(
    { length: 40 },
    (_, i) => ({ id: `p${i}`, name: `Leader ${i}`, role: '', country: '', color: '#123456' }) as Participant,
  );
  const who = () => {
    const k = 1 + Math.floor(rnd() * 3);
    return [...new Set(Array.from({ length: k }, () => pick(participants).id as string))];
  };
  const events: PlanEvent[] = [];
  const legs: Leg[] = [];
  const windows: PlanWindow[] = [];
  for (let i = 0; i < n; i++) {
    const start = BASE + Math.floor(rnd() * SPAN_DAYS * 24) * HOUR;
    const r = rnd();
    if (r < 0.8) {
      const place = pick(places);
      events.push({
        id: `e${i}`,
        title: `Event ${i}`,
        kind: 'meeting',
        status: 'confirmed',
        allDay: false,
        startsAt: toInstant(start),
        endsAt: toInstant(start + (1 + Math.floor(rnd() * 4)) * HOUR),
        timeZone: place.timeZone,
        placeId: place.id,
        participantIds: who(),
        optional: rnd() < 0.05,
        sources: [],
        topics: [],
      } as unknown as PlanEvent);
    } else if (r < 0.97) {
      const from = pick(places);
      let to = pick(places);
      if (to.id === from.id) to = places[(places.indexOf(from) + 1) % places.length]!;
      legs.push({
        id: `l${i}`,
        fromPlaceId: from.id,
        toPlaceId: to.id,
        mode: 'flight',
        departsAt: toInstant(start),
        arrivesAt: toInstant(start + (2 + Math.floor(rnd() * 12)) * HOUR),
        participantIds: who(),
        status: 'confirmed',
        optional: false,
        sources: [],
      } as unknown as Leg);
    } else {
      const d = new Date(start).toISOString().slice(0, 10);
      const e = new Date(start + Math.floor(rnd() * 6) * 24 * HOUR).toISOString().slice(0, 10);
      const zone = pick(places).timeZone;
      windows.push({
        id: `w${i}`,
        title: `Window ${i}`,
        kind: rnd() < 0.5 ? 'blackout' : 'window',
        startDate: d,
        endDate: e,
        timeZone: zone,
        ...localDaysToInstants(d, e, zone),
        participantIds: rnd() < 0.3 ? [] : who(),
        status: 'confirmed',
        sources: [],
      } as unknown as PlanWindow);
    }
  }
  // The visit to move: three days in Washington for p0 and p1.
  const visit = {
    id: 'v-move',
    title: 'Visit to move',
    guestId: 'p0',
    hostCountry: 'US',
    participantIds: ['p0', 'p1'],
    status: 'tentative',
    sources: [],
    topics: [],
  } as unknown as Visit;
  const dayMs = 24 * HOUR;
  const t0 = Date.parse('2026-09-24T14:00:00.000Z');
  events.push({
    id: 'v-talks',
    title: 'Talks',
    kind: 'talks',
    status: 'tentative',
    allDay: false,
    startsAt: toInstant(t0 + dayMs),
    endsAt: toInstant(t0 + dayMs + 3 * HOUR),
    timeZone: 'America/New_York',
    placeId: 'washington',
    participantIds: ['p0', 'p1'],
    visitId: 'v-move',
    optional: false,
    sources: [],
    topics: [],
  } as unknown as PlanEvent);
  legs.push(
    {
      id: 'v-out',
      visitId: 'v-move',
      fromPlaceId: 'beijing',
      toPlaceId: 'washington',
      mode: 'flight',
      departsAt: toInstant(t0 - 14 * HOUR),
      arrivesAt: toInstant(t0),
      participantIds: ['p0'],
      status: 'tentative',
      optional: false,
      sources: [],
    } as unknown as Leg,
    {
      id: 'v-home',
      visitId: 'v-move',
      fromPlaceId: 'washington',
      toPlaceId: 'beijing',
      mode: 'flight',
      departsAt: toInstant(t0 + 2 * dayMs),
      arrivesAt: toInstant(t0 + 2 * dayMs + 14 * HOUR),
      participantIds: ['p0'],
      status: 'tentative',
      optional: false,
      sources: [],
    } as unknown as Leg,
  );
  return { places, participants, events, legs, windows, visits: [visit], scenarios: [] };
}

const request: FinderRequest = {
  participantIds: ['p0', 'p1'],
  lengthDays: 3,
  from: '2026-08-01',
  to: '2026-10-31',
  timeZone: 'America/New_York',
  hostPlaceId: 'washington',
  dayStart: '09:00',
  dayEnd: '18:00',
  avoidBlackouts: true,
  minGapDays: 0,
  avoidItemIds: [],
  preferWeekdays: true,
  includeOptional: true,
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(f: () => unknown, runs = 7): number {
  f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return median(out);
}

for (const n of [1000, 10_000]) {
  const p = plan(n, 42);
  let found = 0;
  let feasible = 0;
  const newMs = time(() => {
    const r = findDates(p, request);
    found = r.candidates.length;
    feasible = r.feasible;
  });
  const moveMs = time(() => findDates(p, { ...request, moveVisitId: 'v-move' }));
  const yearMs = time(() => findDates(p, { ...request, from: '2026-01-01', to: '2026-12-31' }));
  console.log(
    `n=${n} finder_ms=${newMs.toFixed(1)} move_ms=${moveMs.toFixed(1)} year_range_ms=${yearMs.toFixed(1)} start_days_feasible=${feasible} candidates=${found}`,
  );
}
