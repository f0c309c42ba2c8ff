/**
 * The date finder against the conflict engine: a proposed date, confirmed as it stands, must not
 * give its visit any error-severity conflict. (The engine rates a conflict an error only when
 * every item in it is confirmed or held, so the applied visit is made confirmed here.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflicts, type Conflict } from '../../../src/domain/conflicts';
import { applyCandidateToPlan, findDates, type FinderRequest } from '../../../src/domain/planning/date-finder';
import type { Place, Plan, PlanEvent, Visit } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { localDaysToInstants, toInstant } from '../../../src/domain/time/time';
import { makeEvent, makeLeg, makeWindow } from '../../helpers/factories';

const NY = 'America/New_York';

/** The plan with the candidate applied as a confirmed visit; the ids of the visit's items. */
function confirmCandidate(plan: Plan, request: FinderRequest, c: Parameters<typeof applyCandidateToPlan>[2]) {
  const visitId = request.moveVisitId ?? 'proposed-visit';
  const applied = applyCandidateToPlan(plan, request, c, {
    visitId,
    title: 'Proposed visit',
    guestId: request.participantIds[0]!,
    hostCountry: 'US',
    eventId: (i) => `proposed-day-${i}`,
  });
  const confirm = <T extends { visitId?: string; status: string }>(x: T): T =>
    x.visitId === visitId ? { ...x, status: 'confirmed' } : x;
  const withStatus: Plan = {
    ...applied,
    visits: applied.visits.map((v) => (v.id === visitId ? ({ ...v, status: 'confirmed' } as Visit) : v)),
    events: applied.events.map(confirm),
    legs: applied.legs.map(confirm),
  };
  const ids = new Set<string>([
    visitId,
    ...withStatus.events.filter((e) => e.visitId === visitId).map((e) => e.id),
    ...withStatus.legs.filter((l) => l.visitId === visitId).map((l) => l.id),
  ]);
  return { plan: withStatus, ids };
}

const errorsOf = (conflicts: Conflict[], ids: Set<string>) =>
  conflicts.filter((c) => c.severity === 'error' && c.items.some((i) => ids.has(i.id)));

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
  minGapDays: 0,
  avoidItemIds: [],
  preferWeekdays: true,
  includeOptional: true,
  distinct: false,
  limit: 200,
  ...overrides,
});

describe('no proposed date has an error-severity conflict (conflict engine)', () => {
  it('on the sample plan: a new 3-day Xi visit to Washington on any proposed date', () => {
    const plan = buildSamplePlan();
    const request = xiRequest();
    const { candidates } = findDates(plan, request);
    expect(candidates.length).toBeGreaterThan(30);
    for (const c of candidates) {
      const { plan: applied, ids } = confirmCandidate(plan, request, c);
      expect(errorsOf(findConflicts(applied, { includeOptional: true }), ids), c.startDate).toEqual([]);
    }
  });

  it('on the sample plan made firm: the Xi visit moved whole to any proposed date', () => {
    const sample = buildSamplePlan();
    // Everything the visit could clash with counts as confirmed, so any clash would be an error.
    const plan: Plan = {
      ...sample,
      events: sample.events.map((e) =>
        e.status === 'tentative' || e.status === 'proposed' ? { ...e, status: 'confirmed' } : e,
      ),
    };
    const request = xiRequest({
      moveVisitId: 'xi-us-2026',
      window: { itemId: 'xi-us-visit-window', relation: 'within', days: 0 },
    });
    const { candidates } = findDates(plan, request);
    expect(candidates.length).toBeGreaterThan(20);
    for (const c of candidates) {
      const { plan: applied, ids } = confirmCandidate(plan, request, c);
      expect(errorsOf(findConflicts(applied, { includeOptional: true }), ids), c.startDate).toEqual([]);
    }
    // And the finder is not vacuous: the visit's own dates are an error once it is confirmed.
    const asIs = confirmCandidate(plan, request, { ...candidates[0]!, offsetDays: 0 });
    expect(errorsOf(findConflicts(asIs.plan, { includeOptional: true }), asIs.ids).length).toBeGreaterThan(0);
  });

  const PLACES: Place[] = [
    { id: 'washington', name: 'Washington', country: 'US', lat: 38.9072, lon: -77.0369, timeZone: NY, kind: 'city' },
    {
      id: 'white-house',
      name: 'White House',
      country: 'US',
      lat: 38.8977,
      lon: -77.0365,
      timeZone: NY,
      kind: 'venue',
      cityId: 'washington',
    },
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
    {
      id: 'pek',
      name: 'Beijing Capital',
      country: 'China',
      lat: 40.08,
      lon: 116.6,
      timeZone: 'Asia/Shanghai',
      kind: 'airport',
      cityId: 'beijing',
    },
  ] as Place[];
  const HOUR = 3_600_000;
  const T0 = Date.parse('2026-08-01T00:00:00.000Z');
  const people = fc.subarray(['a', 'b', 'c'], { minLength: 1 });
  const event = fc.record({
    h: fc.integer({ min: 0, max: 24 * 16 }),
    len: fc.integer({ min: 1, max: 30 }),
    who: people,
    place: fc.constantFrom('washington', 'white-house', 'new-york', 'beijing', undefined),
    status: fc.constantFrom('confirmed', 'held', 'tentative'),
    allDay: fc.boolean(),
  });
  const leg = fc.record({
    h: fc.integer({ min: 0, max: 24 * 16 }),
    len: fc.integer({ min: 1, max: 16 }),
    who: people,
    from: fc.constantFrom('iad', 'pek', 'new-york'),
    to: fc.constantFrom('iad', 'pek', 'new-york'),
  });
  const blackout = fc.record({
    d: fc.integer({ min: 0, max: 15 }),
    len: fc.integer({ min: 0, max: 2 }),
    who: fc.subarray(['a', 'b', 'c']),
  });

  it('on random small plans: any proposed date, confirmed, meets no error', { timeout: 120_000 }, () => {
    const day = (d: number) => new Date(T0 + d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 10 }),
        fc.array(leg, { maxLength: 4 }),
        fc.array(blackout, { maxLength: 3 }),
        fc.record({
          who: people,
          length: fc.integer({ min: 1, max: 3 }),
          gap: fc.integer({ min: 0, max: 1 }),
          start: fc.constantFrom('08:00', '09:00', '10:00'),
          end: fc.constantFrom('17:00', '18:00', '21:00'),
        }),
        (evs, lgs, bls, q) => {
          const plan: Plan = {
            places: PLACES,
            visits: [],
            scenarios: [],
            participants: ['a', 'b', 'c'].map(
              (id) => ({ id, name: id.toUpperCase(), role: '', country: '', color: '#123456', timeZone: NY }) as never,
            ),
            events: evs.map((e, i): PlanEvent => {
              if (e.allDay) {
                const d = day(Math.floor(e.h / 24));
                return makeEvent({
                  id: `e${i}` as never,
                  participantIds: e.who as never,
                  status: e.status as never,
                  placeId: e.place as never,
                  timeZone: NY,
                  allDay: true,
                  startDate: d,
                  endDate: d,
                  ...localDaysToInstants(d, d, NY),
                });
              }
              return makeEvent({
                id: `e${i}` as never,
                participantIds: e.who as never,
                status: e.status as never,
                placeId: e.place as never,
                timeZone: NY,
                startsAt: toInstant(T0 + e.h * HOUR),
                endsAt: toInstant(T0 + (e.h + e.len) * HOUR),
              });
            }),
            legs: lgs
              .filter((l) => l.from !== l.to)
              .map((l, i) =>
                makeLeg({
                  id: `l${i}` as never,
                  participantIds: l.who as never,
                  fromPlaceId: l.from as never,
                  toPlaceId: l.to as never,
                  mode: 'flight',
                  status: 'confirmed',
                  departsAt: toInstant(T0 + l.h * HOUR),
                  arrivesAt: toInstant(T0 + (l.h + l.len) * HOUR),
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
          const request = xiRequest({
            participantIds: q.who,
            lengthDays: q.length,
            minGapDays: q.gap,
            from: day(0),
            to: day(15),
            dayStart: q.start,
            dayEnd: q.end,
            hostPlaceId: 'white-house',
          });
          for (const c of findDates(plan, request).candidates) {
            const { plan: applied, ids } = confirmCandidate(plan, request, c);
            const errors = errorsOf(findConflicts(applied, { includeOptional: true }), ids);
            expect(
              errors.map((e) => `${e.rule}: ${e.explanation}`),
              c.startDate,
            ).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
