import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeConflicts, findConflicts } from '../../../src/domain/conflicts';
import type { Leg, Plan, PlanEvent, PlanWindow } from '../../../src/domain/model/model';
import { parseStoredInstant, toInstant } from '../../../src/domain/time';
import { PEOPLE, PLACES } from './fixtures';

const BASE = Date.parse('2025-10-01T00:00:00.000Z');
const UNIT = 15 * 60_000;
const PEOPLE_IDS = ['trump', 'xi', 'lee', 'sanchez'];
const PLACE_IDS = PLACES.map((p) => p.id);
const CITY = new Map(PLACES.map((p) => [p.id, p.cityId ?? p.id]));

interface Raw {
  kind: 'event' | 'note' | 'leg' | 'window';
  start: number;
  len: number;
  people: boolean[];
  allDay: boolean;
  place: number;
  toPlace: number;
}

const raw = (grid: number, maxLen: number) =>
  fc.record({
    kind: fc.constantFrom<Raw['kind']>('event', 'event', 'event', 'note', 'leg', 'window'),
    start: fc.integer({ min: 0, max: grid }),
    len: fc.integer({ min: 1, max: maxLen }),
    people: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    allDay: fc.boolean(),
    place: fc.integer({ min: -1, max: PLACE_IDS.length - 1 }),
    toPlace: fc.integer({ min: 0, max: PLACE_IDS.length - 1 }),
  });

/** Random plans: sparse and large, denser and mid-sized, or tiny grids full of identical and touching intervals. */
const plans = fc
  .oneof(
    fc.array(raw(20_000, 40), { maxLength: 2000, size: 'max' }),
    fc.array(raw(600, 30), { maxLength: 500, size: 'max' }),
    fc.array(raw(12, 4), { maxLength: 120, size: 'max' }),
  )
  .map(toPlan);

function toPlan(items: Raw[]): Plan {
  const events: PlanEvent[] = [];
  const legs: Leg[] = [];
  const windows: PlanWindow[] = [];
  items.forEach((r, i) => {
    const startsAt = toInstant(BASE + r.start * UNIT);
    const endsAt = toInstant(BASE + (r.start + r.len) * UNIT);
    const participantIds = PEOPLE_IDS.filter((_, k) => r.people[k]);
    const placeId = r.place >= 0 ? PLACE_IDS[r.place] : undefined;
    if (r.kind === 'leg') {
      const from = PLACE_IDS[Math.max(0, r.place)]!;
      const to =
        PLACE_IDS[r.toPlace]! === from ? PLACE_IDS[(r.toPlace + 1) % PLACE_IDS.length]! : PLACE_IDS[r.toPlace]!;
      legs.push({
        id: `x${i}`,
        fromPlaceId: from,
        toPlaceId: to,
        mode: 'flight',
        departsAt: startsAt,
        arrivesAt: endsAt,
        participantIds,
        status: 'confirmed',
        optional: false,
        sources: [],
      } as unknown as Leg);
    } else if (r.kind === 'window') {
      windows.push({
        id: `x${i}`,
        title: `W${i}`,
        kind: r.allDay ? 'blackout' : 'window',
        startDate: '2025-10-01',
        endDate: '2025-10-01',
        timeZone: 'UTC',
        startsAt,
        endsAt,
        participantIds,
        status: 'confirmed',
        sources: [],
      } as unknown as PlanWindow);
    } else {
      events.push({
        id: `x${i}`,
        title: `E${i}`,
        kind: r.kind === 'note' ? 'note' : 'meeting',
        status: 'confirmed',
        allDay: r.allDay,
        startsAt,
        endsAt,
        timeZone: 'UTC',
        ...(placeId ? { placeId } : {}),
        participantIds,
        optional: false,
        sources: [],
        topics: [],
      } as unknown as PlanEvent);
    }
  });
  return { places: PLACES, participants: PEOPLE, events, legs, windows, visits: [], scenarios: [] };
}

interface Item {
  key: string;
  start: number;
  end: number;
  type: string;
  allDay: boolean;
  commitment: boolean;
  people: string[];
  city?: string;
  toCity?: string;
}

function itemsOf(p: Plan): Item[] {
  return [
    ...p.events.map((e) => ({
      key: `event:${e.id}`,
      start: Date.parse(e.startsAt),
      end: Date.parse(e.endsAt),
      type: 'event',
      allDay: e.allDay,
      commitment: e.kind !== 'note' && e.kind !== 'holiday',
      people: e.participantIds as string[],
      city: e.placeId ? CITY.get(e.placeId) : undefined,
    })),
    ...p.legs.map((l) => ({
      key: `leg:${l.id}`,
      start: Date.parse(l.departsAt),
      end: Date.parse(l.arrivesAt),
      type: 'leg',
      allDay: false,
      commitment: true,
      people: l.participantIds as string[],
      city: CITY.get(l.fromPlaceId),
      toCity: CITY.get(l.toPlaceId),
    })),
    ...p.windows.map((w) => ({
      key: `window:${w.id}`,
      start: Date.parse(w.startsAt),
      end: Date.parse(w.endsAt),
      type: 'window',
      allDay: true,
      commitment: false,
      people: [],
    })),
  ];
}

/** The oracle: every pair, checked the slow and obvious way. */
function naiveOverlaps(p: Plan): Set<string> {
  const items = itemsOf(p);
  const out = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (!(a.start < b.end && b.start < a.end)) continue;
      // All-day items at known places in different cities with no one in common are unrelated.
      const shared = a.people.some((x) => b.people.includes(x));
      if (a.allDay && b.allDay && a.city && b.city && a.city !== b.city && !shared) continue;
      out.add([a.key, b.key].sort().join('|'));
    }
  }
  return out;
}

/** Double bookings by the written rule, pair by pair. */
function naiveDoubleBookings(p: Plan): Map<string, string[]> {
  const items = itemsOf(p).filter((x) => x.commitment);
  const out = new Map<string, string[]>();
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (!(a.start < b.end && b.start < a.end)) continue;
      const shared = a.people.filter((x) => b.people.includes(x));
      if (shared.length === 0) continue;
      if (a.allDay || b.allDay) {
        const day = a.allDay ? a : b;
        const other = a.allDay ? b : a;
        const known = day.city !== undefined && other.city !== undefined;
        const elsewhere =
          other.type === 'leg' ? other.city !== day.city && other.toCity !== day.city : other.city !== day.city;
        if (!known || !elsewhere) continue;
      }
      out.set([a.key, b.key].sort().join('|'), [...shared].sort());
    }
  }
  return out;
}

const pairKey = (c: { items: { type: string; id: string }[] }) =>
  c.items
    .map((r) => `${r.type}:${r.id}`)
    .sort()
    .join('|');

// Each property checks dozens of plans against an all-pairs oracle: 2–4 s on a quiet machine, and
// 32 s for the heaviest at a load average of 20 on two cores, so a wide margin (not a speed test).
describe('properties on random plans (up to 2,000 items)', { timeout: 180_000 }, () => {
  it('the overlap rule reports exactly the pairs of the all-pairs oracle, and counts them', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const report = analyzeConflicts(p, {
          includeOptional: true,
          rules: ['overlap'],
          settings: { overlapPairCap: 10_000_000 },
        });
        const expected = naiveOverlaps(p);
        const got = report.conflicts.map(pairKey);
        expect(got.length).toBe(new Set(got).size);
        expect(new Set(got)).toEqual(expected);
        expect(report.overlapPairsTotal).toBe(expected.size);
        expect(report.truncated).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("with a cap, the list is a subset of the oracle's pairs and the total is still exact", () => {
    fc.assert(
      fc.property(plans, fc.integer({ min: 0, max: 50 }), (p, cap) => {
        const report = analyzeConflicts(p, {
          includeOptional: true,
          rules: ['overlap'],
          settings: { overlapPairCap: cap },
        });
        const expected = naiveOverlaps(p);
        expect(report.overlapPairsTotal).toBe(expected.size);
        expect(report.overlapPairsReported).toBe(Math.min(cap, expected.size));
        for (const c of report.conflicts) expect(expected.has(pairKey(c))).toBe(true);
        expect(report.truncated).toEqual(expected.size > cap ? ['overlap'] : []);
      }),
      { numRuns: 40 },
    );
  });

  it('double booking reports exactly the pairs of the pair-by-pair rule, with their shared participants', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const found = findConflicts(p, {
          includeOptional: true,
          rules: ['double-booking'],
          settings: { overlapPairCap: 10_000_000 },
        });
        const expected = naiveDoubleBookings(p);
        expect(new Map(found.map((c) => [pairKey(c), c.participantIds]))).toEqual(expected);
        expect(found).toHaveLength(expected.size);
      }),
      { numRuns: 40 },
    );
  });

  it('every rule gives the same conflicts in the same order whatever the order of the input', () => {
    fc.assert(
      fc.property(
        plans.filter((p) => p.events.length + p.legs.length < 400),
        (p) => {
          const reversed = {
            ...p,
            events: [...p.events].reverse(),
            legs: [...p.legs].reverse(),
            windows: [...p.windows].reverse(),
          };
          const a = findConflicts(p, { includeOptional: true });
          const b = findConflicts(reversed, { includeOptional: true });
          expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
          for (let i = 1; i < a.length; i++) expect(a[i - 1]!.atMs <= a[i]!.atMs).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('stored-instant parsing', () => {
  it('agrees with Date.parse on every stored instant from year 100 to 9999, and rejects impossible dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseStoredInstant(iso)).toBe(Date.parse(iso));
      }),
      { numRuns: 2000 },
    );
    for (const bad of [
      '2025-02-29T00:00:00.000Z',
      '2025-13-01T00:00:00.000Z',
      '2025-10-30T24:00:00.000Z',
      '2025-10-30T02:00:00Z',
      '2025-1a-30T02:00:00.000Z',
    ]) {
      expect(parseStoredInstant(bad)).toBeNaN();
    }
    expect(parseStoredInstant('2024-02-29T23:59:59.999Z')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
  });
});
