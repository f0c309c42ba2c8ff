/**
 * Offline reload on the production build in headless Chromium: after one visit (service worker
 * in control) the network is cut and the page reloaded; the time runs from reload() to the
 * sample plan visible, timed in the page (lib.mts, `watchScript`: from the reload's start to the
 * first frame with the summit drawn; `wall_ms` is the driver's clock). Needs a build. Target: 800 ms.
 */
import { markOf, median, newProfile, pageOf, serveDist, watchScript } from './lib.mjs';

const RUNS = 7;
const server = await serveDist();
const times: number[] = [];
const wall: number[] = [];
const SAMPLE = watchScript([{ name: 'sample', selectors: ['main .cal-ev-title'], text: 'Trump–Xi summit, Busan' }]);
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await newProfile({
      timezoneId: 'Europe/London',
      locale: 'en-GB',
      viewport: { width: 1360, height: 900 },
    });
    await context.addInitScript(SAMPLE);
    const page = await pageOf(context);
    await page.goto(`${server.url}/calendar?view=list&date=2025-10-30`);
    const sample = page.getByText('Trump–Xi summit, Busan').first();
    await sample.waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await context.setOffline(true);
    const t0 = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await sample.waitFor();
    wall.push(performance.now() - t0);
    times.push(await markOf(page, 'sample'));
    await context.close();
  }
} finally {
  await server.close();
}
console.log(
  `offline_reload_ms=${median(times).toFixed(0)} runs=${RUNS} min=${Math.min(...times).toFixed(0)} max=${Math.max(...times).toFixed(0)} target=800 wall_ms=${median(wall).toFixed(0)}`,
);
