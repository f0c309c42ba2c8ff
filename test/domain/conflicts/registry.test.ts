import { describe, expect, it } from 'vitest';
import {
  analyzeConflicts,
  engineStats,
  RULES,
  sharedAnalysis,
  sharedFinder,
  toPlainConflict,
} from '../../../src/domain/conflicts';
import { RULE_REGISTRY } from '../../../src/domain/conflicts/rules/registry';
import { buildIndex } from '../../../src/domain/conflicts';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';

describe('the rule registry', () => {
  it('holds one { id, run } object for each rule, in RULES order', () => {
    expect(RULE_REGISTRY.map((r) => r.id)).toEqual([...RULES]);
    for (const rule of RULE_REGISTRY) expect(typeof rule.run).toBe('function');
  });

  it('gives each rule only its own conflicts, and the engine their union', () => {
    const plan = buildSamplePlan();
    const index = buildIndex(plan, { includeOptional: true });
    const all = analyzeConflicts(plan, { includeOptional: true }).conflicts;
    let sum = 0;
    for (const rule of RULE_REGISTRY) {
      const found = rule.run(index).built;
      for (const c of found) expect(c.rule).toBe(rule.id);
      expect(found.map((c) => c.id).sort()).toEqual(
        all
          .filter((c) => c.rule === rule.id)
          .map((c) => c.id)
          .sort(),
      );
      sum += found.length;
    }
    expect(sum).toBe(all.length);
    expect(new Set(all.map((c) => c.rule)).size).toBeGreaterThan(3);
  });
});

describe('the shared analysis', () => {
  it('runs the engine once per plan object and setting, and agrees with a fresh run', () => {
    const plan = buildSamplePlan();
    const before = engineStats().runs;
    const a = sharedAnalysis(plan, true);
    expect(sharedAnalysis(plan, true)).toBe(a);
    expect(sharedFinder(plan, { includeOptional: true })).toBe(a.conflicts);
    expect(engineStats().runs - before).toBe(1);
    sharedAnalysis(plan, false);
    expect(engineStats().runs - before).toBe(2);
    expect(a.conflicts.map(toPlainConflict)).toEqual(
      analyzeConflicts(plan, { includeOptional: true }).conflicts.map(toPlainConflict),
    );
    // A new version (a new plan object) is analysed afresh.
    sharedAnalysis({ ...plan, events: [...plan.events] }, true);
    expect(engineStats().runs - before).toBe(4);
  });
});
