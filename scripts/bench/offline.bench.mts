/**
 * Offline reload on the production build in headless Chromium: after one visit (service worker
 * in control) the network is cut and the page reloaded; the time runs from reload() to the
 * sample plan visible. Needs a build. Target: under 1,500 ms.
 */
import { launchBrowser, median, serveDist } from './lib.mjs';

const RUNS = 7;
const server = await serveDist();
const browser = await launchBrowser();
const times: number[] = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({
      timezoneId: 'Europe/London',
      locale: 'en-GB',
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/calendar?view=list&date=2025-10-30`);
    const sample = page.getByText('Trump–Xi summit, Busan').first();
    await sample.waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await context.setOffline(true);
    const t0 = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await sample.waitFor();
    times.push(performance.now() - t0);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `offline_reload_ms=${median(times).toFixed(0)} runs=${RUNS} min=${Math.min(...times).toFixed(0)} max=${Math.max(...times).toFixed(0)} target=800`,
);
