// Offline reload on the production build in headless Chromium: after one visit (service worker
// in control), the network is cut and the page reloaded; the time is from reload() to the sample
// plan visible. Needs a build (`npx vite build`); serves dist/ itself unless SUMMITRY_URL is set.
// Prints: offline_reload_ms=<median> min=… max=… runs=… (target < 1500).
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { launchBrowser } from '../../test/helpers/browser';

const RUNS = Number(process.env.RUNS ?? 7);
let server: PreviewServer | undefined;
let base = process.env.SUMMITRY_URL;
if (!base) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` first.');
  server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  base = `http://127.0.0.1:${address.port}`;
}

const browser = await launchBrowser();
const times: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/calendar`);
    const sample = page.getByText('Trump–Xi summit, Busan').first();
    await sample.waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await context.setOffline(true);
    const start = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await sample.waitFor();
    times.push(performance.now() - start);
    await context.close();
  }
} finally {
  await browser.close();
  await server?.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(
  `offline_reload_ms=${median.toFixed(0)} min=${times[0]!.toFixed(0)} max=${times[times.length - 1]!.toFixed(0)} runs=${times.length} target=1500`,
);
