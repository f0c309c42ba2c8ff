import { afterEach, describe, expect, it } from 'vitest';
import { undoEntry } from '../../src/db/undo';
import { promoteScenario, deleteScenario } from '../../src/db/scenarios';
import { installFaults } from '../../src/db/faults';
import { seedIfFirstRun } from '../../src/db/seed';
import type { SummitryDb } from '../../src/db/schema';
import { createVisit, shiftVisit } from '../../src/db/visits';
import { findDates, candidateToNewVisit, type FinderRequest } from '../../src/domain/planning/date-finder';
import { loadPlan } from '../../src/db/repositories';
import { localToInstant } from '../../src/domain/time/time';
import { dumpDb, freshDb, planDump } from '../helpers/fresh-db';

const NY = 'America/New_York';
const opened: SummitryDb[] = [];
/** A seeded database with the fault middleware installed (off until a test turns it on). */
async function seeded() {
  const f = freshDb();
  opened.push(f.db);
  const faults = installFaults(f.db);
  await seedIfFirstRun(f.db, '2026-11-28T12:00:00.000Z');
  return { ...f, faults };
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const clock = () => '2026-11-29T08:00:00.000Z';

describe('moving a visit', () => {
  it("moves the Xi visit's events and legs by 43 days back, and the undo puts them back", async () => {
    const { db } = await seeded();
    const before = await dumpDb(db);
    const undo = await shiftVisit(db, 'xi-us-2026', -43, clock);
    expect((await db.events.get('xi-visit-talks'))!.startsAt).toBe(localToInstant('2026-08-13T10:00', NY));
    expect((await db.legs.get('xi-leg-out'))!.departsAt).toBe(localToInstant('2026-08-12T12:30', 'Asia/Shanghai'));
    expect((await db.legs.get('xi-leg-home'))!).toMatchObject({ updatedAt: '2026-11-29T08:00:00.000Z', rev: 2 });
    expect((await db.events.get('unga-2026'))!.startsAt).toBe(
      (before.events as { id: string; startsAt: string }[]).find((e) => e.id === 'unga-2026')!.startsAt,
    );
    await undoEntry(db, undo.entry!.id, { clock });
    const after = await dumpDb(db);
    // The undo is a new write of the old content: a later revision, so stale edits stay refused.
    expect((await db.legs.get('xi-leg-home'))!.rev).toBe(3);
    const strip = (rows: unknown[]) =>
      (rows as Record<string, unknown>[]).map(({ updatedAt: _u, rev: _r, updatedBy: _b, ...r }) => r);
    expect(strip(after.events!)).toEqual(strip(before.events!));
    expect(strip(after.legs!)).toEqual(strip(before.legs!));
  });

  it('moves nothing when a write fails half-way (events written, legs refused)', async () => {
    const { db, faults } = await seeded();
    const before = await dumpDb(db);
    Object.assign(faults, { failWrites: 'quota', passWrites: 1 });
    await expect(shiftVisit(db, 'xi-us-2026', -43, clock)).rejects.toThrow(/quota/);
    expect(faults.failed).toBe(1);
    faults.failWrites = null;
    expect(await dumpDb(db)).toEqual(before);
  });

  it('refuses to move a held visit, or one that is gone', async () => {
    const { db } = await seeded();
    await expect(shiftVisit(db, 'trump-china-2026', 7, clock)).rejects.toThrow(
      /is held: only a draft visit can be moved/,
    );
    await expect(shiftVisit(db, 'nope', 7, clock)).rejects.toThrow(/no longer in the plan/);
  });

  it('applies a finder candidate as a new tentative visit, and the undo removes it', async () => {
    const { db } = await seeded();
    const request: FinderRequest = {
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
    };
    const candidate = findDates(await loadPlan(db), request).candidates[0]!;
    const { visit, events } = candidateToNewVisit(request, candidate, {
      visitId: 'v1',
      title: 'Xi visit',
      guestId: 'xi',
      hostCountry: 'United States',
      eventId: (i) => `v1-d${i}`,
    });
    const before = await planDump(db);
    const undo = await createVisit(db, visit, events, clock);
    expect(await db.events.where('visitId').equals('v1').count()).toBe(3);
    expect((await db.visits.get('v1'))!.status).toBe('tentative');
    await undoEntry(db, undo.entry!.id, { clock });
    expect(await planDump(db)).toEqual(before);
  });

  it('writes no part of a new visit when one of its events is invalid', async () => {
    const { db } = await seeded();
    const before = await dumpDb(db);
    const visit = {
      id: 'v2',
      title: 'x',
      guestId: 'xi',
      hostCountry: 'US',
      participantIds: [],
      status: 'tentative',
      sources: [],
      topics: [],
    };
    const bad = {
      id: 'v2-d1',
      title: 'Day',
      kind: 'visit-day',
      status: 'tentative',
      allDay: false,
      startsAt: '2026-08-03T13:00:00.000Z',
      endsAt: '2026-08-03T12:00:00.000Z',
      timeZone: NY,
      participantIds: [],
      visitId: 'v2',
      optional: false,
      sources: [],
      topics: [],
    };
    await expect(createVisit(db, visit as never, [bad as never], clock)).rejects.toThrow(
      /endsAt must be after the start/,
    );
    expect(await dumpDb(db)).toEqual(before);
  });
});

describe('promoting and deleting scenarios', () => {
  it('makes mid-August the plan in one go, and the undo restores late September', async () => {
    const { db } = await seeded();
    const before = await dumpDb(db);
    const { promotion, result: undo } = await promoteScenario(db, 'xi-visit-mid-august', clock);
    expect(promotion.moved.sort()).toEqual(['xi-leg-home', 'xi-leg-out', 'xi-visit-dinner', 'xi-visit-talks']);
    expect(promotion.cancelled.sort()).toEqual(['draft-leg-rail', 'draft-shanghai-programme']);
    expect((await db.events.get('xi-visit-dinner'))!.startsAt).toBe(localToInstant('2026-08-13T19:00', NY));
    expect((await db.legs.get('draft-leg-rail'))!.status).toBe('cancelled');
    await undoEntry(db, undo.entry!.id, { clock });
    const strip = (rows: unknown[]) =>
      (rows as Record<string, unknown>[]).map(({ updatedAt: _u, rev: _r, updatedBy: _b, ...r }) => r);
    const after = await dumpDb(db);
    for (const table of ['events', 'legs', 'scenarios', 'visits'])
      expect(strip(after[table]!), table).toEqual(strip(before[table]!));
  });

  it('changes nothing when the write fails half-way', async () => {
    const { db, faults } = await seeded();
    const before = await dumpDb(db);
    Object.assign(faults, { failWrites: 'error', passWrites: 1 });
    await expect(promoteScenario(db, 'xi-visit-mid-august', clock)).rejects.toThrow(/Injected write failure/);
    faults.failWrites = null;
    expect(await dumpDb(db)).toEqual(before);
  });

  it('deletes a scenario, and the undo brings it back whole', async () => {
    const { db } = await seeded();
    const kept = await db.scenarios.get('xi-visit-late-september');
    const undo = await deleteScenario(db, 'xi-visit-late-september', clock);
    expect(await db.scenarios.get('xi-visit-late-september')).toBeUndefined();
    await undoEntry(db, undo.entry!.id, { clock });
    expect({
      ...(await db.scenarios.get('xi-visit-late-september')),
      updatedAt: kept!.updatedAt,
      rev: kept!.rev,
      updatedBy: undefined,
    }).toEqual(kept);
  });
});
