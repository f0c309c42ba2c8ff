// Conflict engine benchmark: the engine against a naive all-pairs overlap oracle and against
// sorting the same intervals. One line per case; seeded plans, so runs are comparable. Times are
// the best of several runs (wall clock), the steadiest figure on a shared machine.
//   engine_ms   one run of every rule (analyzeCompiled, optional items taken in) over the plan as
//               compiled: instants already parsed, like the intervals the oracle and the sort get
//   naive_ms    the all-pairs overlap oracle on the same intervals (n <= 10,000 only)
//   sort_ms     sorting the same intervals ({start, end} objects, by start then end)
//   compile_ms  compiling the plan (parse instants, resolve places, sort, per-participant lists):
//               done once per plan and shared by every run over it (base plan, with optional
//               items, each scenario, each candidate date in the finder)
//   full_ms     analyzeConflicts(plan): compile and one run, from the plan's ISO strings
//   heap_mb     heap held by one full result (compiled plan and conflicts), between two full GCs
//   overlap_ms  one run with only the overlap rule (what the oracle computes), and its ratios
//   cold_ms     the first full run in the process (zone offsets not yet memoised)
//   floor_ms    the least any run from the stored strings must do: parse every item's two
//               instants from its ISO strings and sort the items by them; full_over_floor is
//               full_ms over it (target <= 2), and full_ms at 100,000 adversarial items has a
//               target of 400 ms
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeCompiled, analyzeConflicts, compilePlan } from '../../src/domain/conflicts';
import type { Plan } from '../../src/domain/model';
import { adversarialPlan, overlappingShare, realisticPlan } from './plan-gen.mjs';

const CAP = 10_000;

interface Iv {
  start: number;
  end: number;
}

function intervals(plan: Plan): Iv[] {
  return [
    ...plan.events.map((e) => ({ start: Date.parse(e.startsAt), end: Date.parse(e.endsAt) })),
    ...plan.legs.map((l) => ({ start: Date.parse(l.departsAt), end: Date.parse(l.arrivesAt) })),
    ...plan.windows.map((w) => ({ start: Date.parse(w.startsAt), end: Date.parse(w.endsAt) })),
  ];
}

/** The floor: each item's instants parsed from the stored strings, then the items sorted by them. */
function floor(plan: Plan): Uint32Array {
  const n = plan.events.length + plan.legs.length + plan.windows.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  let k = 0;
  for (const e of plan.events) {
    start[k] = Date.parse(e.startsAt);
    end[k++] = Date.parse(e.endsAt);
  }
  for (const l of plan.legs) {
    start[k] = Date.parse(l.departsAt);
    end[k++] = Date.parse(l.arrivesAt);
  }
  for (const w of plan.windows) {
    start[k] = Date.parse(w.startsAt);
    end[k++] = Date.parse(w.endsAt);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => start[a]! - start[b]! || end[a]! - end[b]!);
}

/** The oracle: every pair checked; pairs listed up to the cap, all counted. */
function naive(iv: Iv[]): number {
  const n = iv.length;
  const s = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s[i] = iv[i]!.start;
    e[i] = iv[i]!.end;
  }
  const listed: [number, number][] = [];
  let count = 0;
  for (let i = 0; i < n; i++) {
    const si = s[i]!;
    const ei = e[i]!;
    for (let j = i + 1; j < n; j++) {
      if (si < e[j]! && s[j]! < ei) {
        count++;
        if (listed.length < CAP) listed.push([i, j]);
      }
    }
  }
  return count;
}

type Timed<T extends Record<string, () => unknown>> = {
  [K in keyof T]: { ms: number; first: number; value: ReturnType<T[K]> };
};

/**
 * Best-of-runs timings of several functions, interleaved run by run so that a busy spell on a
 * shared machine falls on all of them alike. The first run of each is reported apart (cold).
 * `rare` functions (the slow oracle) run only every `every`-th round.
 */
function race<T extends Record<string, () => unknown>, R extends Record<string, () => unknown>>(
  fns: T,
  runs: number,
  rare: R,
  every: number,
): Timed<T> & Timed<R> {
  const out = {} as Record<string, { ms: number; first: number; value: unknown }>;
  const once = (key: string, fn: () => unknown, r: number) => {
    const t0 = performance.now();
    const value = fn();
    const ms = performance.now() - t0;
    const seen = out[key];
    if (!seen) out[key] = { ms: Number.POSITIVE_INFINITY, first: ms, value };
    else out[key] = { ms: r === 0 ? seen.ms : Math.min(seen.ms, ms), first: seen.first, value };
  };
  for (let r = 0; r <= runs; r++) {
    for (const [key, fn] of Object.entries(fns)) once(key, fn, r);
    if (r % every === 0) for (const [key, fn] of Object.entries(rare)) once(key, fn, r);
  }
  // A function measured only once (first round) keeps that time as its best.
  for (const v of Object.values(out)) if (v.ms === Number.POSITIVE_INFINITY) v.ms = v.first;
  return out as Timed<T> & Timed<R>;
}

// A GC before and after measuring the heap: with --expose-gc, or switched on here.
v8.setFlagsFromString('--expose-gc');
const gc = ((globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc')) as () => void;

function heapOf(fn: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (!kept) console.log('');
  return (after - before) / 1024 / 1024;
}

const f = (x: number, d = 1) => x.toFixed(d);

for (const dist of ['realistic', 'adversarial'] as const) {
  for (const n of [1_000, 10_000, 100_000]) {
    const plan = dist === 'realistic' ? realisticPlan(n, 20250917 + n) : adversarialPlan(n, 20251030 + n);
    const options = { includeOptional: true, settings: { overlapPairCap: CAP } } as const;
    const runs = n >= 100_000 ? 7 : n >= 10_000 ? 41 : 101;
    const iv = intervals(plan);
    const first = (() => {
      const t0 = performance.now();
      analyzeConflicts(plan, options);
      return performance.now() - t0;
    })();
    const compiled = compilePlan(plan);
    const fns = {
      engine: () => analyzeCompiled(compiled, options),
      overlapOnly: () => analyzeCompiled(compiled, { ...options, rules: ['overlap'] }),
      sort: () => [...iv].sort((a, b) => a.start - b.start || a.end - b.end),
      compile: () => compilePlan(plan),
      full: () => analyzeConflicts(plan, options),
      floor: () => floor(plan),
    };
    const withNaive = n <= 10_000;
    const timed = race(fns, runs, withNaive ? { naive: () => naive(iv) } : {}, n >= 10_000 ? 8 : 5);
    const { engine, overlapOnly, sort, compile, full, floor: floorRun } = timed;
    const heap = heapOf(() => analyzeConflicts(plan, options));
    let naiveMs = 'naive_ms=-';
    let speedup = 'speedup_vs_naive=-';
    let overlapSpeedup = 'overlap_speedup_vs_naive=-';
    let fullSpeedup = 'full_speedup_vs_naive=-';
    if (withNaive) {
      const nv = (timed as unknown as { naive: { ms: number; value: number } }).naive;
      if (nv.value !== engine.value.overlapPairsTotal)
        throw new Error(`pair counts differ: naive ${nv.value}, engine ${engine.value.overlapPairsTotal}`);
      naiveMs = `naive_ms=${f(nv.ms)}`;
      speedup = `speedup_vs_naive=${f(nv.ms / engine.ms)}`;
      overlapSpeedup = `overlap_speedup_vs_naive=${f(nv.ms / overlapOnly.ms)}`;
      fullSpeedup = `full_speedup_vs_naive=${f(nv.ms / full.ms)}`;
    }
    const r = engine.value;
    if (full.value.conflicts.length !== r.conflicts.length) throw new Error('the compiled and the full run differ');
    console.log(
      `n=${n} dist=${dist} engine_ms=${f(engine.ms, 2)} ${naiveMs} sort_ms=${f(sort.ms, 2)} heap_mb=${f(heap)} ${speedup} engine_over_sort=${f(engine.ms / sort.ms, 2)}` +
        ` compile_ms=${f(compile.ms)} full_ms=${f(full.ms)} ${fullSpeedup} full_over_sort=${f(full.ms / sort.ms, 2)}` +
        ` overlap_ms=${f(overlapOnly.ms, 2)} ${overlapSpeedup} overlap_over_sort=${f(overlapOnly.ms / sort.ms, 2)} cold_ms=${f(first)}` +
        ` floor_ms=${f(floorRun.ms)} full_over_floor=${f(full.ms / floorRun.ms, 2)} target_full_over_floor=2` +
        (n === 100_000 && dist === 'adversarial' ? ` target_full_ms=400` : '') +
        ` overlapping_items=${f(overlappingShare(plan) * 100)}% participants=${plan.participants.length} overlap_pairs=${r.overlapPairsTotal} reported_pairs=${r.overlapPairsReported} cap=${CAP} conflicts=${r.conflicts.length} truncated=${r.truncated.join(',') || '-'}`,
    );
  }
}
