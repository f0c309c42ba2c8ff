// Conflict engine benchmark: the whole engine (every rule, from the plan's ISO strings to sorted
// conflicts) against a naive all-pairs overlap oracle and against sorting the same intervals.
// One line per case; seeded plans, so runs are comparable. Times are the best of several runs
// (wall clock), the steadiest figure on a shared machine.
//   engine_ms   analyzeConflicts(plan, { includeOptional: true }): all seven rules
//   naive_ms    the all-pairs overlap oracle on the same intervals (n <= 10,000 only)
//   sort_ms     sorting the same intervals ({start, end} objects, by start then end)
//   heap_mb     heap held by one engine result (after a GC when run with --expose-gc)
//   overlap_ms  the engine with only the overlap rule (what the oracle computes), and its ratios
//   cold_ms     the engine's first run in the process (zone offsets not yet memoised)
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

function time<T>(fn: () => T, runs: number): { ms: number; value: T; first: number } {
  const t = performance.now();
  let value = fn();
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: Math.min(...times), value, first };
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapOf(fn: () => unknown): number {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  gc?.();
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
    const engine = time(() => analyzeConflicts(plan, options), runs);
    const overlapOnly = time(() => analyzeConflicts(plan, { ...options, rules: ['overlap'] }), runs);
    const iv = intervals(plan);
    const sort = time(() => [...iv].sort((a, b) => a.start - b.start || a.end - b.end), runs);
    const heap = heapOf(() => analyzeConflicts(plan, options));
    let naiveMs = 'naive_ms=-';
    let speedup = 'speedup_vs_naive=-';
    let overlapSpeedup = 'overlap_speedup_vs_naive=-';
    if (n <= 10_000) {
      const nv = time(() => naive(iv), n >= 10_000 ? 3 : 9);
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
