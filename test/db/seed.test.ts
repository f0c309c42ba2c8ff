import { afterEach, describe, expect, it } from 'vitest';
import { loadPlan, validatePlan } from '../../src/db/repositories';
import { openPlan } from '../../src/db/open-plan';
import { resetSamplePlan, seedIfFirstRun } from '../../src/db/seed';
import { TABLE_NAMES } from '../../src/domain/model';
import { buildSamplePlan } from '../../src/domain/sample/sample-plan';
import { freshDb } from '../helpers/fresh-db';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('sample plan seeding', () => {
  it('writes the sample as built, which validation leaves unchanged', async () => {
    const sample = buildSamplePlan();
    expect(validatePlan(sample)).toEqual(sample);
    const { db } = freshDb();
    opened.push(db);
    await seedIfFirstRun(db);
    const stored = await loadPlan(db);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(stored.events.slice().sort(byId)).toEqual(
      sample.events.map((e) => ({ ...e, planId: 'plan-1', rev: 1 })).sort(byId),
    );
    expect(validatePlan(stored)).toEqual(stored);
  });

  it('seeds the sample plan on first run only', async () => {
    const { db } = freshDb();
    opened.push(db);
    expect(await seedIfFirstRun(db)).toBe(true);
    const plan = await loadPlan(db);
    const sample = buildSamplePlan();
    // Every table of the sample, whole (its writes now go out together in one transaction).
    for (const name of TABLE_NAMES)
      expect(plan[name].map((r) => r.id).sort()).toEqual(sample[name].map((r) => r.id).sort());
    expect(plan.events.length).toBeGreaterThan(20);
    expect((await openPlan(db)).name).toBe('US–China summitry 2025–26');
    expect(await seedIfFirstRun(db)).toBe(false);
  });

  it('never brings back a deleted sample item by itself', async () => {
    const { db, repos } = freshDb();
    opened.push(db);
    await seedIfFirstRun(db);
    await repos.events.delete('busan-summit-2025');
    await seedIfFirstRun(db);
    expect(await repos.events.get('busan-summit-2025')).toBeUndefined();
  });

  it('reset replaces the plan with a fresh sample', async () => {
    const { db, repos } = freshDb();
    opened.push(db);
    await seedIfFirstRun(db);
    await repos.events.delete('busan-summit-2025');
    await repos.events.put({ ...(await repos.events.get('g7-2026'))!, id: 'mine', title: 'My own item' });
    await resetSamplePlan(db);
    expect(await repos.events.get('busan-summit-2025')).toBeDefined();
    expect(await repos.events.get('mine')).toBeUndefined();
  });
});
