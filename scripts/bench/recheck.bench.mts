// Incremental recheck benchmark (issue 18 point 5): one edit to a plan of n items, then the
// analysis of the new version from the previous one (recompilePlan + recheckAnalysis, what the
// shared analysis does per plan version) against a full compile and run. Seeded plans; every
// record carries a revision (updatedAt, rev) as the repository stamps them, and the edit stamps a
// new one. Times are the best of several edits (wall clock).
//   recheck_ms   recompile and recheck after moving one event by an hour (target <= 20 ms at 100,000)
//   full_ms      compile and analyse the edited plan afresh (what every edit cost before)
//   changed      compiled nodes replaced by the edit; the rest are kept
//   median_ms, worst_ms  of all the edits (the worst is often a collection of garbage)
//   capped       the rules that stopped at their cap (adversarial plans)
//   lists_kept   capped rules whose list a recheck kept as it was, because the edit came after
//                where they stopped listing, out of (capped rules × edits); the others were run
//                again over the whole plan. The other rules are rechecked from the edit alone
//   early_edit_ms  (capped plans) the recheck after moving the plan's earliest event, which comes
//                before where the capped rules stopped: they are run again whole
// Each recheck is compared with the full run (same conflicts, by id) and the bench stops if not.
import { analyzeCompiled, compilePlan, engineStats, recheck, type Checked } from '../../src/domain/conflicts';
import type { Plan, PlanEvent } from '../../src/domain/model';
import { adversarialPlan, realisticPlan } from './plan-gen.mjs';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
let clock = Date.parse('2026-12-01T00:00:00.000Z');

/** Every record with a revision, as stored records have. */
function stamped(plan: Plan): Plan {
  const at = iso(clock);
  return {
    ...plan,
    events: plan.events.map((e) => ({ ...e, updatedAt: at, rev: 1 }) as PlanEvent),
    legs: plan.legs.map((l) => ({ ...l, updatedAt: at, rev: 1 })),
  };
}

/** The plan with event `i` moved by an hour and stamped, as one save makes it: other records the same. */
function moved(plan: Plan, i: number): Plan {
  const events = plan.events.slice();
  const e = events[i]! as PlanEvent & { rev?: number };
  events[i] = {
    ...e,
    startsAt: iso(Date.parse(e.startsAt) + HOUR),
    endsAt: iso(Date.parse(e.endsAt) + HOUR),
    updatedAt: iso(++clock),
    rev: (e.rev ?? 0) + 1,
  } as PlanEvent;
  return { ...plan, events };
}

const f = (x: number, d = 1) => x.toFixed(d);
const ids = (c: Checked) => c.analysis.conflicts.map((x) => x.id).join('\n');

for (const dist of ['realistic', 'adversarial'] as const) {
  for (const n of [10_000, 100_000]) {
    let plan = stamped(dist === 'realistic' ? realisticPlan(n, 20250917 + n) : adversarialPlan(n, 20251030 + n));
    const options = { includeOptional: true } as const;
    let checked = recheck(undefined, plan, options);
    const edits = n >= 100_000 ? 9 : 25;
    const times: number[] = [];
    const keptBefore = engineStats().capsKept;
    let best = Number.POSITIVE_INFINITY;
    let bestFull = Number.POSITIVE_INFINITY;
    let changed = 0;
    let incremental = 0;
    for (let r = 0; r < edits; r++) {
      plan = moved(plan, (r * 7919) % plan.events.length);
      const t0 = performance.now();
      const next = recheck(checked, plan, options);
      const ms = performance.now() - t0;
      const t1 = performance.now();
      const full = analyzeCompiled(compilePlan(plan), options);
      const fullMs = performance.now() - t1;
      const kept = new Set(checked.compiled.nodes);
      const fresh = next.compiled.nodes.filter((x) => !kept.has(x)).length;
      if (fresh < next.compiled.nodes.length / 2) incremental++;
      if (ids(next) !== full.conflicts.map((x) => x.id).join('\n'))
        throw new Error(`recheck differs from a full run (n=${n} ${dist}, edit ${r})`);
      if (r > 0) {
        times.push(ms);
        best = Math.min(best, ms);
        bestFull = Math.min(bestFull, fullMs);
        changed = fresh;
      }
      checked = next;
    }
    times.sort((a, b) => a - b);
    const capped = checked.analysis.truncated;
    let early = '';
    if (capped.length > 0) {
      let first = 0;
      for (let i = 1; i < plan.events.length; i++)
        if (plan.events[i]!.startsAt < plan.events[first]!.startsAt) first = i;
      const keptBefore = engineStats().capsKept;
      plan = moved(plan, first);
      const t0 = performance.now();
      const next = recheck(checked, plan, options);
      const ms = performance.now() - t0;
      if (
        ids(next) !==
        analyzeCompiled(compilePlan(plan), options)
          .conflicts.map((x) => x.id)
          .join('\n')
      )
        throw new Error(`recheck differs from a full run (n=${n} ${dist}, earliest event moved)`);
      early = ` early_edit_ms=${f(ms, 2)} early_lists_kept=${engineStats().capsKept - keptBefore}`;
      checked = next;
    }
    console.log(
      `n=${n} dist=${dist} recheck_ms=${f(best, 2)} median_ms=${f(times[times.length >> 1]!, 2)}` +
        ` worst_ms=${f(times.at(-1)!, 2)} full_ms=${f(bestFull)} speedup=${f(bestFull / best)}` +
        (n === 100_000 ? ' target_recheck_ms=20' : '') +
        ` changed=${changed} incremental=${incremental}/${edits} conflicts=${checked.analysis.conflicts.length}` +
        ` capped=${capped.join(',') || '-'}` +
        (capped.length > 0 ? ` lists_kept=${engineStats().capsKept - keptBefore}/${capped.length * edits}` : '') +
        early,
    );
  }
}
