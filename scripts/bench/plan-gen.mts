// Seeded plan generators for the engine benchmark (not a benchmark itself: no .bench suffix).
import { DateTime } from 'luxon';
import type { Leg, Participant, Place, Plan, PlanEvent, PlanWindow } from '../../src/domain/model';
import { localDaysToInstants, toInstant } from '../../src/domain/time';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, number, number, string][] = [
  ['beijing', 39.9042, 116.4074, 'Asia/Shanghai'],
  ['shanghai', 31.2304, 121.4737, 'Asia/Shanghai'],
  ['shenzhen', 22.5431, 114.0579, 'Asia/Shanghai'],
  ['seoul', 37.5665, 126.978, 'Asia/Seoul'],
  ['busan', 35.1796, 129.0756, 'Asia/Seoul'],
  ['tokyo', 35.6762, 139.6503, 'Asia/Tokyo'],
  ['kuala-lumpur', 3.139, 101.687, 'Asia/Kuala_Lumpur'],
  ['washington', 38.9072, -77.0369, 'America/New_York'],
  ['new-york', 40.7128, -74.006, 'America/New_York'],
  ['miami', 25.7617, -80.1918, 'America/New_York'],
  ['chicago', 41.8781, -87.6298, 'America/Chicago'],
  ['los-angeles', 34.0522, -118.2437, 'America/Los_Angeles'],
  ['madrid', 40.4168, -3.7038, 'Europe/Madrid'],
  ['paris', 48.8566, 2.3522, 'Europe/Paris'],
  ['berlin', 52.52, 13.405, 'Europe/Berlin'],
  ['london', 51.5074, -0.1278, 'Europe/London'],
  ['ankara', 39.93, 32.86, 'Europe/Istanbul'],
  ['moscow', 55.7558, 37.6173, 'Europe/Moscow'],
];
const KINDS = ['summit', 'talks', 'call', 'meeting', 'ceremony', 'visit-day'] as const;
const STATUSES = ['speculative', 'proposed', 'tentative', 'confirmed', 'held'] as const;

function places(): Place[] {
  const out: Place[] = [];
  for (const [id, lat, lon, timeZone] of CITIES) {
    out.push({ id, name: id, country: '', lat, lon, timeZone, kind: 'city' } as unknown as Place);
    out.push({
      id: `${id}-airport`,
      name: `${id} airport`,
      country: '',
      lat: lat + 0.1,
      lon: lon + 0.1,
      timeZone,
      kind: 'airport',
      cityId: id,
    } as unknown as Place);
    out.push({
      id: `${id}-venue`,
      name: `${id} venue`,
      country: '',
      lat: lat + 0.01,
      lon,
      timeZone,
      kind: 'venue',
      cityId: id,
    } as unknown as Place);
  }
  return out;
}

const HOUR = 3_600_000;
const BASE = Date.parse('2025-01-01T00:00:00.000Z');

/**
 * Realistic: visits (a leg to a city when the participant is elsewhere, then two to six events
 * there a few hours apart), one after another in time, each for one participant, a third of
 * the events with a second participant; some calls with no place; one window or blackout per
 * hundred items. `meanGapHours` between visit starts sets how many items overlap (about 10 %).
 */
export function realisticPlan(n: number, seed: number, meanGapHours = 200): Plan {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const ps = places();
  const P = Math.max(20, Math.min(200, Math.round(n / 50)));
  const participants: Participant[] = Array.from(
    { length: P },
    (_, i) =>
      ({
        id: `p${i}`,
        name: `Participant ${i}`,
        role: '',
        country: '',
        color: '#123456',
        timeZone: pick(CITIES)[3],
      }) as unknown as Participant,
  );
  const events: PlanEvent[] = [];
  const legs: Leg[] = [];
  const windows: PlanWindow[] = [];
  const where: (string | undefined)[] = new Array(P).fill(undefined);
  let made = 0;
  let t = BASE;
  const span = n * (meanGapHours / 4) * HOUR;
  const nWindows = Math.max(2, Math.round(n * 0.01));
  for (let i = 0; i < nWindows; i++) {
    const [, , , zone] = pick(CITIES);
    const day = new Date(BASE + rnd() * span).toISOString().slice(0, 10);
    windows.push({
      id: `w${i}`,
      title: `Window ${i}`,
      kind: rnd() < 0.5 ? 'blackout' : 'window',
      startDate: day,
      endDate: day,
      timeZone: zone,
      ...localDaysToInstants(day, day, zone),
      participantIds: [`p${Math.floor(rnd() * P)}`],
      status: 'confirmed',
      sources: [],
    } as unknown as PlanWindow);
    made++;
  }
  while (made < n) {
    t += -Math.log(1 - rnd()) * meanGapHours * HOUR;
    const p = Math.floor(rnd() * P);
    const [city, , , zone] = pick(CITIES);
    let at = t;
    if (where[p] !== undefined && where[p] !== city) {
      const dur = (1 + rnd() * 11) * HOUR;
      legs.push({
        id: `l${made}`,
        fromPlaceId: `${where[p]}-airport`,
        toPlaceId: `${city}-airport`,
        mode: 'flight',
        departsAt: toInstant(at),
        arrivesAt: toInstant(at + dur),
        participantIds: [`p${p}`],
        status: pick(STATUSES),
        optional: rnd() < 0.05,
        sources: [],
      } as unknown as Leg);
      made++;
      at += dur + (1 + rnd() * 2) * HOUR;
    }
    where[p] = city;
    const m = 2 + Math.floor(rnd() * 5);
    for (let j = 0; j < m && made < n; j++) {
      const dur = (0.5 + rnd() * 3.5) * HOUR;
      at = daytime(at, zone, dur);
      const kind = pick(KINDS);
      const other = rnd() < 0.3 ? Math.floor(rnd() * P) : p;
      events.push({
        id: `e${made}`,
        title: `Event ${made}`,
        kind,
        status: pick(STATUSES),
        allDay: false,
        startsAt: toInstant(at),
        endsAt: toInstant(at + dur),
        timeZone: zone,
        ...(kind === 'call' ? {} : { placeId: `${city}-venue` }),
        participantIds: other === p ? [`p${p}`] : [`p${p}`, `p${other}`],
        optional: rnd() < 0.05,
        sources: [],
        topics: [],
      } as unknown as PlanEvent);
      made++;
      at += dur + (1 + rnd() * 4) * HOUR;
    }
  }
  // Stored plans come back in id order, not time order: shuffle so no sort gets presorted input.
  shuffle(events, rnd);
  shuffle(legs, rnd);
  shuffle(windows, rnd);
  return { places: ps, participants, events, visits: [], legs, windows, scenarios: [] };
}

function shuffle<T>(xs: T[], rnd: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

/** The first instant at or after `at` when an item of `dur` fits in 08:00–21:00 local at `zone`. */
function daytime(at: number, zone: string, dur: number): number {
  const local = DateTime.fromMillis(at, { zone });
  const hour = local.hour + local.minute / 60;
  if (hour >= 8 && hour + dur / HOUR <= 21) return at;
  const next =
    hour < 8
      ? local.set({ hour: 8, minute: 0, second: 0, millisecond: 0 })
      : local.plus({ days: 1 }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
  return next.toMillis();
}

/** Share of items (events, legs, windows) that overlap at least one other item. */
export function overlappingShare(plan: Plan): number {
  const iv = [
    ...plan.events.map((e) => [Date.parse(e.startsAt), Date.parse(e.endsAt)] as const),
    ...plan.legs.map((l) => [Date.parse(l.departsAt), Date.parse(l.arrivesAt)] as const),
    ...plan.windows.map((w) => [Date.parse(w.startsAt), Date.parse(w.endsAt)] as const),
  ].sort((a, b) => a[0] - b[0]);
  const hit = new Uint8Array(iv.length);
  let maxEnd = -Infinity;
  let maxAt = -1;
  for (let i = 0; i < iv.length; i++) {
    const [s, e] = iv[i]!;
    if (maxEnd > s) {
      hit[i] = 1;
      hit[maxAt] = 1;
    }
    if (e > maxEnd) {
      maxEnd = e;
      maxAt = i;
    }
  }
  // Also mark items that overlap an earlier one which is not the latest-ending (covered above
  // only for the latest): a second pass from the right catches the rest.
  let minStart = Infinity;
  for (let i = iv.length - 1; i >= 0; i--) {
    const [s, e] = iv[i]!;
    if (minStart < e) hit[i] = 1;
    minStart = Math.min(minStart, s);
  }
  let count = 0;
  for (const h of hit) count += h;
  return iv.length ? count / iv.length : 0;
}

/** Adversarial: every item overlaps every other (all span a common hour). */
export function adversarialPlan(n: number, seed: number): Plan {
  const rnd = prng(seed);
  const ps = places();
  const P = 20;
  const participants: Participant[] = Array.from(
    { length: P },
    (_, i) =>
      ({
        id: `p${i}`,
        name: `Participant ${i}`,
        role: '',
        country: '',
        color: '#123456',
        timeZone: 'Asia/Seoul',
      }) as unknown as Participant,
  );
  const events: PlanEvent[] = [];
  for (let i = 0; i < n; i++) {
    const s = BASE + rnd() * HOUR;
    const e = BASE + 2 * HOUR + rnd() * 10 * HOUR;
    events.push({
      id: `e${i}`,
      title: `Event ${i}`,
      kind: 'meeting',
      status: 'confirmed',
      allDay: false,
      startsAt: toInstant(s),
      endsAt: toInstant(e),
      timeZone: 'Asia/Seoul',
      placeId: `${CITIES[i % CITIES.length]![0]}-venue`,
      participantIds: [`p${i % P}`],
      optional: false,
      sources: [],
      topics: [],
    } as unknown as PlanEvent);
  }
  return { places: ps, participants, events, visits: [], legs: [], windows: [], scenarios: [] };
}
