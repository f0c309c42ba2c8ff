/**
 * Cold load of the production build to the sample plan visible, in headless Chromium: a fresh
 * browser profile each run (empty IndexedDB, so it includes seeding the sample plan), until the
 * Busan summit shows in the calendar's list of its week. (It waited for that title on
 * /conflicts, where since the quieter conflict list no open card names it, so it never came.)
 * Timed in the page (lib.mts, `watchScript`): from the navigation's start to the first frame with
 * the summit drawn; `wall_ms` is the driver's clock, for comparison.
 */
import { markOf, median, newProfile, pageOf, serveDist, watchScript } from './lib.mjs';

const RUNS = 5;
const server = await serveDist();
const times: number[] = [];
const wall: number[] = [];
const SAMPLE = watchScript([{ name: 'sample', selectors: ['main .cal-ev-title'], text: 'Trump–Xi summit, Busan' }]);
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await newProfile({ timezoneId: 'Europe/London' });
    await context.addInitScript(SAMPLE);
    const page = await pageOf(context);
    const t0 = performance.now();
    await page.goto(`${server.url}/calendar?view=list&date=2025-10-30`);
    await page.locator('main .cal-ev-title', { hasText: 'Trump–Xi summit, Busan' }).first().waitFor();
    wall.push(performance.now() - t0);
    times.push(await markOf(page, 'sample'));
    await context.close();
  }
} finally {
  await server.close();
}
console.log(
  `cold_load_to_sample_plan_ms=${median(times).toFixed(0)} runs=${RUNS} min=${Math.min(...times).toFixed(0)} max=${Math.max(...times).toFixed(0)} target=1200 wall_ms=${median(wall).toFixed(0)}`,
);
