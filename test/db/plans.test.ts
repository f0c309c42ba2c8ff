import { describe, expect, it } from 'vitest';
import { createAcceptances } from '../../src/db/acceptances';
import { describeFailure } from '../../src/db/errors';
import { readHistory } from '../../src/db/history';
import { listPlans, openPlan, openPlanId } from '../../src/db/open-plan';
import {
  createPlan,
  deletedPlans,
  deletePlan,
  duplicatePlan,
  giveOwnIds,
  openSampleAsPlan,
  PlanRefusedError,
  renamePlan,
  restorePlan,
  switchPlan,
} from '../../src/db/plans';
import { createRepositories, loadPlan } from '../../src/db/repositories';
import type { SummitryDb } from '../../src/db/schema';
import { undoEntry } from '../../src/db/undo';
import { analyzeConflicts, classifyConflicts, itemsFingerprint } from '../../src/domain/conflicts';
import { SAMPLE_PLAN_NAME } from '../../src/domain/sample';
import { TABLE_NAMES, type Plan } from '../../src/domain/model';
import { dbsPerTest, dumpDb } from '../helpers/fresh-db';
import { makeEvent } from '../helpers/factories';

const NOW = '2026-11-28T12:00:00.000Z';
const dbs = dbsPerTest();
const clock = () => NOW;
/** A plan made after the seeded one (plans list oldest first). */
const later = () => '2026-11-29T12:00:00.000Z';

/** The plan without the write stamps (an undo writes records back under new revisions). */
const unstamped = (plan: Plan) =>
  TABLE_NAMES.map((t) =>
    plan[t].map(({ rev: _r, updatedAt: _u, updatedBy: _b, ...rest }: Record<string, unknown>) => rest),
  );
const count = (plan: Plan) => TABLE_NAMES.reduce((n, t) => n + plan[t].length, 0);
const ids = (plan: Plan) => new Set(TABLE_NAMES.flatMap((t) => plan[t].map((r) => r.id)));

/** Every reference in the plan points at a record of the plan. */
function referencesResolve(plan: Plan): boolean {
  const places = new Set(plan.places.map((p) => p.id));
  const people = new Set(plan.participants.map((p) => p.id));
  const visits = new Set(plan.visits.map((v) => v.id));
  return (
    plan.events.every((e) => (!e.placeId || places.has(e.placeId)) && (!e.visitId || visits.has(e.visitId))) &&
    plan.events.every((e) => (e.participantIds ?? []).every((p) => people.has(p))) &&
    plan.legs.every(
      (l) => places.has(l.fromPlaceId) && places.has(l.toPlaceId) && (!l.visitId || visits.has(l.visitId)),
    )
  );
}

async function refused(run: () => Promise<unknown>, db: SummitryDb, words: RegExp) {
  const before = await dumpDb(db);
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlanRefusedError);
  expect(describeFailure(err)).toMatch(words);
  expect(describeFailure(err)).toMatch(/Nothing was changed/);
  expect(await dumpDb(db)).toEqual(before);
}

describe('plans', () => {
  it('creates an empty plan, opens it, and keeps each plan’s records and History apart', async () => {
    const db = await dbs.seeded(NOW);
    const sampleId = await openPlanId(db);
    const sample = await loadPlan(db);
    const { planId } = await createPlan(db, '  Xi return visit \u202E2026 ', { clock: later });
    expect(await openPlan(db)).toEqual({ id: planId, name: 'Xi return visit 2026' });
    expect(count(await loadPlan(db))).toBe(0);
    expect((await readHistory(db, { limit: 10 })).entries.map((e) => e.label)).toEqual([
      "Created plan 'Xi return visit 2026'",
    ]);
    // An item added here belongs to the new plan only.
    await createRepositories(db, clock).events.put(makeEvent({ id: 'new-one' as never, title: 'Planning call' }));
    expect((await loadPlan(db)).events.map((e) => e.title)).toEqual(['Planning call']);
    await switchPlan(db, sampleId);
    expect(await loadPlan(db)).toEqual(sample);
    expect((await readHistory(db, { limit: 50 })).entries.some((e) => /Planning call|Created plan/.test(e.label))).toBe(
      false,
    );
    expect((await listPlans(db)).map((p) => p.name)).toEqual([SAMPLE_PLAN_NAME, 'Xi return visit 2026']);
  });

  it('duplicates a plan under new ids with every reference and accepted conflict following', async () => {
    const db = await dbs.seeded(NOW);
    const originalId = await openPlanId(db);
    const original = await loadPlan(db);
    const conflict = analyzeConflicts(original, { includeOptional: true }).conflicts[0]!;
    await createAcceptances(db, clock).accept({
      id: conflict.id,
      note: 'Known and fine',
      itemsFingerprint: itemsFingerprint(conflict.items, original),
    });
    const { planId } = await duplicatePlan(db, originalId, undefined, { clock: later });
    expect((await openPlan(db)).name).toBe(`${SAMPLE_PLAN_NAME} (copy)`);
    const copy = await loadPlan(db);
    expect(count(copy)).toBe(count(original));
    expect([...ids(copy)].filter((id) => ids(original).has(id))).toEqual([]);
    expect(referencesResolve(copy)).toBe(true);
    expect(copy.events.map((e) => e.title).sort()).toEqual(original.events.map((e) => e.title).sort());
    // The accepted conflict is accepted in the copy too.
    const acceptances = await createAcceptances(db, clock).all();
    expect(acceptances).toHaveLength(1);
    const entries = classifyConflicts(analyzeConflicts(copy, { includeOptional: true }).conflicts, acceptances, copy);
    expect(entries.filter((e) => e.state === 'accepted')).toHaveLength(1);
    // Editing the copy leaves the original as it was.
    const e = copy.events[0]!;
    await createRepositories(db, clock).events.put({ ...e, title: 'Changed in the copy' });
    await switchPlan(db, originalId);
    expect(await loadPlan(db)).toEqual(original);
    expect((await db.plans.get(planId))!.name).toBe(`${SAMPLE_PLAN_NAME} (copy)`);
  });

  it('renames a plan (undoable) and refuses an empty name', async () => {
    const db = await dbs.seeded(NOW);
    const id = await openPlanId(db);
    const { entry } = await renamePlan(db, id, 'Beijing state visit', { clock });
    expect(entry!.label).toBe(`Renamed plan '${SAMPLE_PLAN_NAME}' to 'Beijing state visit'`);
    expect((await openPlan(db)).name).toBe('Beijing state visit');
    await refused(() => renamePlan(db, id, ' \u200B '), db, /needs a name/);
    await undoEntry(db, entry!.id);
    expect((await openPlan(db)).name).toBe(SAMPLE_PLAN_NAME);
  });

  it('deletes a plan (its records hidden, not lost), opens another, and brings it back by Undo or Restore', async () => {
    const db = await dbs.seeded(NOW);
    const sampleId = await openPlanId(db);
    const sample = await loadPlan(db);
    await refused(() => deletePlan(db, sampleId), db, /only plan/);
    const { planId: other } = await createPlan(db, 'Other', { clock: later, open: false });
    expect(await openPlanId(db)).toBe(sampleId);
    const { entry } = await deletePlan(db, sampleId, { clock });
    expect(entry!.label).toBe(`Deleted plan '${SAMPLE_PLAN_NAME}'`);
    expect(await openPlanId(db)).toBe(other);
    expect((await listPlans(db)).map((p) => p.id)).toEqual([other]);
    expect((await deletedPlans(db)).map((p) => p.id)).toEqual([sampleId]);
    await refused(() => switchPlan(db, sampleId), db, /deleted/);
    expect(await db.events.count()).toBe(sample.events.length);

    await undoEntry(db, entry!.id);
    expect((await listPlans(db)).map((p) => p.id)).toEqual([sampleId, other]);
    await switchPlan(db, sampleId);
    expect(await loadPlan(db)).toEqual(sample);

    await deletePlan(db, sampleId, { clock });
    await restorePlan(db, sampleId, { clock });
    expect(await openPlanId(db)).toBe(sampleId);
    expect(await loadPlan(db)).toEqual(sample);
    await refused(() => restorePlan(db, sampleId), db, /not deleted/);
  });

  it('opens the sample plan as a further plan, under its own ids, and Undo of the creation takes it away', async () => {
    const db = await dbs.seeded(NOW);
    const first = await loadPlan(db);
    const { planId, entry } = await openSampleAsPlan(db, { clock: () => '2026-11-29T00:00:00.000Z' });
    expect(await openPlan(db)).toEqual({ id: planId, name: `${SAMPLE_PLAN_NAME} (2)` });
    const second = await loadPlan(db);
    expect(count(second)).toBe(count(first));
    expect([...ids(second)].filter((id) => ids(first).has(id))).toEqual([]);
    expect(referencesResolve(second)).toBe(true);
    expect((await openSampleAsPlan(db, { clock: () => '2026-11-30T00:00:00.000Z' })).entry!.label).toBe(
      `Opened the sample plan as '${SAMPLE_PLAN_NAME} (3)'`,
    );
    await switchPlan(db, planId);
    await undoEntry(db, entry!.id);
    expect((await listPlans(db)).length).toBe(2);
    expect(await loadPlan(db)).toEqual(first);
  });

  it('gives a plan ids of its own before sharing: the same plan, accepted conflicts kept, undoable', async () => {
    const db = await dbs.seeded(NOW);
    const id = await openPlanId(db);
    const before = await loadPlan(db);
    const conflict = analyzeConflicts(before, { includeOptional: true }).conflicts[0]!;
    await createAcceptances(db, clock).accept({
      id: conflict.id,
      note: 'Known',
      itemsFingerprint: itemsFingerprint(conflict.items, before),
    });
    const { entry } = await giveOwnIds(db, id, { clock });
    const after = await loadPlan(db);
    expect(count(after)).toBe(count(before));
    expect([...ids(after)].filter((x) => ids(before).has(x))).toEqual([]);
    expect(referencesResolve(after)).toBe(true);
    const acceptances = await createAcceptances(db, clock).all();
    const entries = classifyConflicts(analyzeConflicts(after, { includeOptional: true }).conflicts, acceptances, after);
    expect(entries.filter((e) => e.state === 'accepted')).toHaveLength(1);
    await undoEntry(db, entry!.id);
    expect(unstamped(await loadPlan(db))).toEqual(unstamped(before));
  });
});
