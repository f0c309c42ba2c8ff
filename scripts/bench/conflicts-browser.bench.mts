/**
 * The Conflicts view in headless Chromium on the production build with the sample plan: cold load
 * to the first conflict card, switching to the timeline, and zooming it out to a year.
 */
import { launchBrowser, median, serveDist } from './lib.mjs';

const RUNS = 5;
const server = await serveDist();
const browser = await launchBrowser();
const load: number[] = [];
const timeline: number[] = [];
const year: number[] = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    let t0 = performance.now();
    await page.goto(`${server.url}/conflicts`);
    await page.locator('main article.conflict-card').first().waitFor();
    load.push(performance.now() - t0);
    t0 = performance.now();
    await page.getByRole('tab', { name: 'Overlap timeline' }).click();
    await page.locator('svg.timeline .marker').first().waitFor();
    timeline.push(performance.now() - t0);
    t0 = performance.now();
    await page.getByLabel('Span').selectOption({ label: '1 year' });
    await page
      .getByRole('group', { name: /^Overlap timeline, .* – .*/ })
      .getByRole('button', { name: /^Two Sessions: CPPCC/ })
      .first()
      .waitFor();
    year.push(performance.now() - t0);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const line = (name: string, xs: number[], target?: number) =>
  console.log(
    `${name}_ms=${median(xs).toFixed(0)} runs=${RUNS} min=${Math.min(...xs).toFixed(0)} max=${Math.max(...xs).toFixed(0)}` +
      (target === undefined ? '' : ` target=${target}`),
  );
line('conflicts_cold_load_to_first_card', load, 800);
line('conflicts_switch_to_timeline', timeline);
line('conflicts_timeline_zoom_to_year', year);
