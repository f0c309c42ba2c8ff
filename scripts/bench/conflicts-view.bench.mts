/**
 * The Conflicts view's pure pieces on the sample plan and on a large synthetic plan: what-if,
 * timeline layout (a year), date-range check, acceptance classification and CSV export.
 * One line per case: median ms over the runs.
 */
import { classifyConflicts, itemsFingerprint } from '../../src/domain/conflicts';
import { conflictsToCsv } from '../../src/domain/conflicts';
import { findConflicts } from '../../src/domain/conflicts';
import type { Conflict } from '../../src/domain/conflicts';
import { computeWhatIf } from '../../src/domain/conflicts';
import type { Plan, PlanEvent } from '../../src/domain/model';
import { checkRange } from '../../src/domain/planning';
import { buildSamplePlan } from '../../src/domain/sample';
import { layoutTimeline } from '../../src/domain/layout';
import { median } from './lib.mjs';

function time(name: string, runs: number, fn: () => unknown, extra = ''): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  console.log(
    `${name}_ms=${median(times).toFixed(2)} runs=${runs} max=${Math.max(...times).toFixed(2)}${extra ? ` ${extra}` : ''}`,
  );
}

const sample = buildSamplePlan();
const year = {
  startsAt: '2025-09-01T00:00:00.000Z',
  endsAt: '2026-09-01T00:00:00.000Z',
  displayZone: 'Asia/Shanghai',
  includeOptional: true,
};
const sampleConflicts = findConflicts(sample, { includeOptional: true });

time('sample_what_if', 20, () => computeWhatIf(sample), `conflicts=${sampleConflicts.length}`);
time('sample_timeline_year', 20, () =>
  layoutTimeline(sample, { ...year, lanesBy: 'participant', conflicts: sampleConflicts }),
);
time('sample_range_check', 50, () =>
  checkRange(sample, {
    startDate: '2025-10-28',
    endDate: '2025-11-02',
    zone: 'Asia/Seoul',
    nearDays: 7,
    includeOptional: true,
  }),
);

// A large plan: 2,000 events over a year for 5 participants, many of them overlapping.
const big: Plan = structuredClone(sample);
const base = Date.parse('2025-09-01T00:00:00.000Z');
for (let i = 0; i < 2000; i += 1) {
  const start = base + ((i * 4.37) % 365) * 86_400_000 + (i % 24) * 3_600_000;
  big.events.push({
    ...sample.events.find((e) => e.id === 'busan-summit-2025')!,
    id: `bench-${i}`,
    title: `Bench meeting ${i}`,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3_600_000).toISOString(),
    participantIds: [sample.participants[i % 5]!.id],
  } as PlanEvent);
}
time(
  'big_timeline_year',
  10,
  () => layoutTimeline(big, { ...year, lanesBy: 'participant', conflicts: [] }),
  `events=${big.events.length}`,
);
time('big_timeline_2_weeks', 10, () =>
  layoutTimeline(big, { ...year, endsAt: '2025-09-15T00:00:00.000Z', lanesBy: 'kind', conflicts: [] }),
);
time('big_range_check', 20, () =>
  checkRange(big, {
    startDate: '2025-10-28',
    endDate: '2025-11-02',
    zone: 'Asia/Seoul',
    nearDays: 7,
    includeOptional: true,
  }),
);

const many: Conflict[] = Array.from({ length: 5000 }, (_, i) => ({
  id: `overlap:bench-${i}+bench-${i + 1}`,
  rule: 'overlap',
  severity: i % 3 === 0 ? 'error' : 'warning',
  items: [
    { type: 'event', id: `bench-${i}`, title: `Bench meeting ${i}` },
    { type: 'event', id: `bench-${(i + 1) % 2000}`, title: `Bench meeting ${i + 1}` },
  ],
  participantIds: ['trump'],
  at: new Date(base + i * 3_600_000).toISOString(),
  marginMs: 3_600_000,
  margin: 'overlaps by 1 h',
  explanation: `Bench meeting ${i} overlaps Bench meeting ${i + 1} by 1 h, "quoted", =formula`,
  onlyWith: [],
}));
const acceptances = many
  .filter((_, i) => i % 2 === 0)
  .map((c) => ({
    id: c.id,
    note: 'ok',
    acceptedAt: '2026-11-28T00:00:00.000Z',
    itemsFingerprint: itemsFingerprint(c.items, big),
  }));
let entries = classifyConflicts(many, acceptances, big);
time(
  'classify_5000_conflicts',
  5,
  () => (entries = classifyConflicts(many, acceptances, big)),
  `accepted=${acceptances.length}`,
);
time(
  'csv_5000_conflicts',
  5,
  () => conflictsToCsv(entries, big, 'Asia/Shanghai'),
  `bytes=${conflictsToCsv(entries, big, 'Asia/Shanghai').length}`,
);
