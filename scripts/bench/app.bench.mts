/**
 * Cold load of the production build to the sample plan visible, in headless Chromium: a fresh
 * browser context each run (empty IndexedDB, so it includes seeding the sample plan), until the
 * Busan summit shows in the calendar's list of its week. (It waited for that title on
 * /conflicts, where since the quieter conflict list no open card names it, so it never came.)
 */
import { launchBrowser, median, serveDist } from './lib.mjs';

const RUNS = 5;
const server = await serveDist();
const browser = await launchBrowser();
const times: number[] = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${server.url}/calendar?view=list&date=2025-10-30`);
    await page.locator('main .cal-ev-title', { hasText: 'Trump–Xi summit, Busan' }).first().waitFor();
    times.push(performance.now() - t0);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `cold_load_to_sample_plan_ms=${median(times).toFixed(0)} runs=${RUNS} min=${Math.min(...times).toFixed(0)} max=${Math.max(...times).toFixed(0)} target=1200`,
);
