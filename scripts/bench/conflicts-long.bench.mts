/**
 * The Conflicts view with many open conflicts from one busy participant, in headless Chromium on
 * the production build: a chain of Trump's events, each overlapping the next (a double booking
 * and an overlap per pair), written into the page's IndexedDB. Measures the reload to the first
 * card (target 500 ms at 5,000 conflicts) and the longest main-thread task on the way
 * (PerformanceObserver `longtask`, target 100 ms), and how many cards are in the page. Timed in
 * the page (lib.mts, `watchScript`): from the reload's start to the first frame with a card and
 * the tab counting the plan's errors; `wall_ms` is the driver's clock.
 */
import { countBySeverity, findConflicts, toResolve } from '../../src/domain/conflicts';
import type { PlanEvent } from '../../src/domain/model';
import { buildSamplePlan } from '../../src/domain/sample';
import { LONGTASKS, markOf, median, newProfile, pageOf, serveDist, watchScript, writeEvents } from './lib.mjs';

const RUNS = 3;
const HOUR = 3_600_000;
const BASE = Date.parse('2027-01-04T01:00:00.000Z');

/** `n` confirmed events for Trump, 1 h apart, 90 min each, in daytime Washington. */
function chain(n: number): PlanEvent[] {
  const out: PlanEvent[] = [];
  for (let i = 0; i < n; i += 1) {
    const day = Math.floor(i / 8);
    const start = BASE + day * 24 * HOUR + 13 * HOUR + (i % 8) * HOUR;
    out.push({
      id: `busy-${i}`,
      title: `Busy meeting ${i}`,
      kind: 'meeting',
      status: 'confirmed',
      allDay: false,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 1.5 * HOUR).toISOString(),
      timeZone: 'America/New_York',
      participantIds: ['trump'],
      optional: false,
      sources: [],
      topics: [],
      updatedAt: '2026-11-28T00:00:00.000Z',
    } as unknown as PlanEvent);
  }
  return out;
}

/** The chain length that gives about `target` open conflicts with the sample plan. */
function chainFor(target: number): { events: PlanEvent[]; conflicts: number; errors: number } {
  const sample = buildSamplePlan();
  let n = Math.round(target / 2);
  for (;;) {
    const events = chain(n);
    const found = findConflicts({ ...sample, events: [...sample.events, ...events] }, { includeOptional: false });
    const conflicts = found.length;
    // What the Conflict list tab counts: errors and warnings (the chain's overlaps are info, folded).
    const errors = countBySeverity(found.filter(toResolve)).error;
    if (conflicts >= target) return { events, conflicts, errors };
    n += Math.max(1, Math.round((target - conflicts) / 2));
  }
}

const server = await serveDist();
try {
  for (const target of [5_000, 10_000]) {
    const { events, conflicts, errors } = chainFor(target);
    const load: number[] = [];
    const wall: number[] = [];
    const READY = watchScript([
      {
        name: 'card',
        selectors: [
          `[role="tab"][aria-label^="Conflict list, ${errors.toLocaleString('en')} errors"]`,
          'main article.conflict-card',
        ],
      },
    ]);
    const longest: number[] = [];
    let cards = 0;
    for (let r = 0; r < RUNS; r += 1) {
      const context = await newProfile({
        timezoneId: 'America/New_York',
        viewport: { width: 1360, height: 900 },
      });
      await context.addInitScript(LONGTASKS);
      await context.addInitScript(READY);
      const page = await pageOf(context);
      await page.goto(`${server.url}/conflicts`);
      await page.locator('main article.conflict-card').first().waitFor({ timeout: 120_000 });
      await writeEvents(page, events);
      const t0 = performance.now();
      await page.reload();
      // The tab's accessible name counts the open errors and warnings: "Conflict list, 2,485 errors, 6 warnings to resolve".
      await page
        .getByRole('tab', { name: new RegExp(`^Conflict list, ${errors.toLocaleString('en')} errors`) })
        .waitFor({ timeout: 120_000 });
      await page.locator('main article.conflict-card').first().waitFor({ timeout: 120_000 });
      wall.push(performance.now() - t0);
      load.push(await markOf(page, 'card'));
      cards = await page.locator('main article.conflict-card').count();
      longest.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
      await context.close();
    }
    console.log(
      `conflicts_list_${target}_to_first_card_ms=${median(load).toFixed(0)} runs=${RUNS} min=${Math.min(...load).toFixed(0)} max=${Math.max(...load).toFixed(0)} longest_task_ms=${median(longest).toFixed(0)} open_conflicts=${conflicts} cards_in_page=${cards} wall_ms=${median(wall).toFixed(0)}` +
        (target === 5_000 ? ' target_ms=500 target_longest_task_ms=100' : ''),
    );
  }
} finally {
  await server.close();
}
