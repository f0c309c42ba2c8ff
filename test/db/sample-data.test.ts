import { describe, expect, it } from 'vitest';
import { loadSamplePlan } from '../../src/db/sample-data';
import { buildSamplePlan, SAMPLE_PLAN_NAME } from '../../src/domain/sample';

describe('the sample plan the build ships', () => {
  it('is exactly the plan buildSamplePlan builds, with its name', async () => {
    const { plan, name } = await loadSamplePlan();
    expect(name).toBe(SAMPLE_PLAN_NAME);
    expect(plan).toStrictEqual(buildSamplePlan());
    expect(plan.events.find((e) => e.id === 'busan-summit-2025')?.title).toBe('Trump–Xi summit, Busan');
  });

  it('is a fresh copy each time, so a caller changing it changes no other copy', async () => {
    const first = await loadSamplePlan();
    first.plan.events[0]!.title = 'Changed';
    first.plan.events.pop();
    const second = await loadSamplePlan();
    expect(second.plan.events).toHaveLength(buildSamplePlan().events.length);
    expect(second.plan.events[0]!.title).toBe(buildSamplePlan().events[0]!.title);
  });
});
