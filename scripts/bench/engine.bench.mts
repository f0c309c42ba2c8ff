// Conflict engine benchmark: the whole engine (every rule, from the plan's ISO strings to sorted
// conflicts) against a naive all-pairs overlap oracle and against sorting the same intervals.
// One line per case; seeded plans, so runs are comparable. Times are the best of several runs
// (wall clock), the steadiest figure on a shared machine.
//   engine_ms   analyzeConflicts(plan, { includeOptional: true }): all seven rules
//   naive_ms    the all-pairs overlap oracle on the same intervals (n <= 10,000 only)
//   sort_ms     sorting the same intervals ({start, end} objects, by start then end)
//   heap_mb     heap held by one engine result (index and conflicts), between two full GCs
//   overlap_ms  the engine with only the overlap rule (what the oracle computes), and its ratios
//   cold_ms     the engine's first run in the process (zone offsets not yet memoised)
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeConflicts } from '../../src/domain/conflicts';
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

/**
 * Best-of-runs timings of several functions, interleaved run by run so that a busy spell on a
 * shared machine falls on all of them alike. The first run of each is reported apart (cold).
 */
function race<T extends Record<string, () => unknown>>(fns: T, runs: number): { [K in keyof T]: { ms: number; first: number; value: ReturnType<T[K]> } } {
  const out = {} as { [K in keyof T]: { ms: number; first: number; value: ReturnType<T[K]> } };
  for (let r = 0; r <= runs; r++) {
    for (const key of Object.keys(fns) as (keyof T)[]) {
      const t0 = performance.now();
      const value = fns[key]!() as ReturnType<T[typeof key]>;
      const ms = performance.now() - t0;
      if (r === 0) out[key] = { ms: Number.POSITIVE_INFINITY, first: ms, value };
      else out[key] = { ms: Math.min(out[key].ms, ms), first: out[key].first, value };
    }
  }
  return out;
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
    const runs = n >= 100_000 ? 5 : n >= 10_000 ? 15 : 41;
    const iv = intervals(plan);
    const fns = {
      engine: () => analyzeConflicts(plan, options),
      overlapOnly: () => analyzeConflicts(plan, { ...options, rules: ['overlap'] }),
      sort: () => [...iv].sort((a, b) => a.start - b.start || a.end - b.end),
    };
    const withNaive = n <= 10_000;
    const timed = withNaive ? race({ ...fns, naive: () => naive(iv) }, n >= 10_000 ? 5 : 15) : race(fns, runs);
    const { engine, overlapOnly, sort } = timed;
    const heap = heapOf(() => analyzeConflicts(plan, options));
    let naiveMs = 'naive_ms=-';
    let speedup = 'speedup_vs_naive=-';
    let overlapSpeedup = 'overlap_speedup_vs_naive=-';
    if (withNaive) {
      const nv = (timed as unknown as { naive: { ms: number; value: number } }).naive;
      if (nv.value !== engine.value.overlapPairsTotal) throw new Error(`pair counts differ: naive ${nv.value}, engine ${engine.value.overlapPairsTotal}`);
      naiveMs = `naive_ms=${f(nv.ms)}`;
      speedup = `speedup_vs_naive=${f(nv.ms / engine.ms)}`;
      overlapSpeedup = `overlap_speedup_vs_naive=${f(nv.ms / overlapOnly.ms)}`;
    }
    const r = engine.value;
    console.log(
      `n=${n} dist=${dist} engine_ms=${f(engine.ms)} ${naiveMs} sort_ms=${f(sort.ms)} heap_mb=${f(heap)} ${speedup} engine_over_sort=${f(engine.ms / sort.ms, 2)}` +
        ` overlap_ms=${f(overlapOnly.ms)} ${overlapSpeedup} overlap_over_sort=${f(overlapOnly.ms / sort.ms, 2)} cold_ms=${f(engine.first)}` +
        ` overlapping_items=${f(overlappingShare(plan) * 100)}% participants=${plan.participants.length} overlap_pairs=${r.overlapPairsTotal} reported_pairs=${r.overlapPairsReported} cap=${CAP} conflicts=${r.conflicts.length} truncated=${r.truncated.join(',') || '-'}`,
    );
  }
}
