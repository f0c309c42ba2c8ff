/**
 * One edit saved, on the production build in headless Chromium: the editor's save (validation,
 * revision check and the IndexedDB write), read from the `summitry:edit-saved` measure. Also how
 * many times the conflict engine runs after one edit with the header badge and the calendar's
 * markers mounted (`globalThis.__summitryEngine.runs`): one shared analysis, so 1.
 * Then the same with 10,000 more events in the plan (a year of them, 27 a day, so with conflicts),
 * and the longest main-thread task from the click on Save until the edit has been analysed and
 * drawn (PerformanceObserver 'longtask'; target: none over 100 ms).
 */
import type { Page } from 'playwright-core';
import { LONGTASKS, median, newProfile, pageOf, serveDist, writeEvents } from './lib.mjs';

const RUNS = 9;
const BIG = 10_000;
const ZONES = ['Asia/Shanghai', 'Asia/Seoul', 'America/New_York', 'Europe/Madrid', 'UTC'];
const runsNow = () => (globalThis as { __summitryEngine?: { runs: number } }).__summitryEngine?.runs ?? 0;

/** `n` events over 2027, as stored rows: 27 a day, 08:00–20:00 UTC, for Trump or Xi. */
function yearOfEvents(n: number) {
  const rows = [];
  for (let i = 0; i < n; i += 1) {
    const start = Date.UTC(2027, 0, 1 + (i % 365), 8, (Math.floor(i / 365) * 29) % 720);
    rows.push({
      id: `bench-${i}`,
      title: `Bench item ${i}`,
      kind: 'meeting',
      status: 'confirmed',
      allDay: false,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 45 * 60_000).toISOString(),
      timeZone: ZONES[i % ZONES.length],
      participantIds: i % 2 === 0 ? ['trump'] : ['xi'],
      optional: false,
      sources: [],
      topics: [],
      updatedAt: '2026-11-28T00:00:00.000Z',
    });
  }
  return rows;
}

interface Edits {
  saved: number[];
  engineRuns: number[];
  longest: number[];
}

/** Edit the notes of the item titled `title` `runs` times through the editor. */
async function edit(page: Page, title: string, runs: number): Promise<Edits> {
  const out: Edits = { saved: [], engineRuns: [], longest: [] };
  for (let i = 0; i < runs; i += 1) {
    await page.getByText(title, { exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Notes').fill(`edit ${i}`);
    const before = await page.evaluate(runsNow);
    await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => ((globalThis as { __summitryEngine?: { runs: number } }).__summitryEngine?.runs ?? 0) > n,
      before,
    );
    // Give any other view that would run the engine on its own time to do so, then count.
    await page.waitForTimeout(400);
    out.engineRuns.push((await page.evaluate(runsNow)) - before);
    out.longest.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
  }
  out.saved = await page.evaluate(() => performance.getEntriesByName('summitry:edit-saved').map((m) => m.duration));
  return out;
}

function report(prefix: string, e: Edits, extra: string): void {
  console.log(
    `${prefix}edit_saved_ms=${median(e.saved).toFixed(1)} runs=${e.saved.length} min=${Math.min(...e.saved).toFixed(1)} max=${Math.max(...e.saved).toFixed(1)} target_ms=50` +
      ` longest_task_ms=${median(e.longest).toFixed(0)} max_longest_task_ms=${Math.max(...e.longest).toFixed(0)} target_longest_task_ms=100${extra}`,
  );
  console.log(
    `${prefix}engine_runs_per_edit=${median(e.engineRuns)} max=${Math.max(...e.engineRuns)} target=1 (header badge and calendar mounted)`,
  );
}

const server = await serveDist();
try {
  const context = await newProfile({ timezoneId: 'Europe/London' });
  await context.addInitScript(LONGTASKS);
  const page = await pageOf(context);
  await page.goto(`${server.url}/calendar?view=list&date=2025-10-30`);
  report('', await edit(page, 'Trump–Xi summit, Busan', RUNS), '');

  await writeEvents(page, yearOfEvents(BIG));
  await page.goto(`${server.url}/calendar?view=list&date=2027-01-01`);
  const big = await edit(page, 'Bench item 0', RUNS);
  report(`items_${BIG}_`, big, ` items=${BIG}`);
  await context.close();
} finally {
  await server.close();
}
