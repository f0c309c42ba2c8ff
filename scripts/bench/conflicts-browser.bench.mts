/**
 * The Conflicts view in headless Chromium on the production build with the sample plan: cold load
 * to the first conflict card, switching to the timeline, and zooming it out to a year. Timed in
 * the page (lib.mts, `watchScript`): from the navigation's start, or the click or choice, to the
 * first frame that shows the card, the timeline's first marker or the year's Two Sessions bar.
 */
import { lastInputOf, markOf, median, newProfile, pageOf, serveDist, want, watchScript } from './lib.mjs';

const RUNS = 5;
const server = await serveDist();
const load: number[] = [];
const timeline: number[] = [];
const year: number[] = [];
const wall: number[] = [];
const CARD = watchScript([{ name: 'card', selectors: ['main article.conflict-card'] }]);
const YEAR_BAR = '[role="group"][aria-label^="Overlap timeline, "] [aria-label^="Two Sessions: CPPCC"]';
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await newProfile({ timezoneId: 'Asia/Shanghai' });
    await context.addInitScript(CARD);
    const page = await pageOf(context);
    const t0 = performance.now();
    await page.goto(`${server.url}/conflicts`);
    await page.locator('main article.conflict-card').first().waitFor();
    wall.push(performance.now() - t0);
    load.push(await markOf(page, 'card'));
    await want(page, { name: 'timeline', selectors: ['svg.timeline .marker'] });
    await page.getByRole('tab', { name: 'Overlap timeline' }).click();
    await page.locator('svg.timeline .marker').first().waitFor();
    timeline.push((await markOf(page, 'timeline')) - (await lastInputOf(page)));
    if (await page.locator(YEAR_BAR).count()) throw new Error('The year’s bar is on screen before the zoom.');
    await want(page, { name: 'year', selectors: [YEAR_BAR] });
    await page.getByLabel('Span').selectOption({ label: '1 year' });
    await page
      .getByRole('group', { name: /^Overlap timeline, .* – .*/ })
      .getByRole('button', { name: /^Two Sessions: CPPCC/ })
      .first()
      .waitFor();
    year.push((await markOf(page, 'year')) - (await lastInputOf(page)));
    await context.close();
  }
} finally {
  await server.close();
}
const line = (name: string, xs: number[], target?: number, extra = '') =>
  console.log(
    `${name}_ms=${median(xs).toFixed(0)} runs=${RUNS} min=${Math.min(...xs).toFixed(0)} max=${Math.max(...xs).toFixed(0)}` +
      (target === undefined ? '' : ` target=${target}`) +
      extra,
  );
line('conflicts_cold_load_to_first_card', load, 800, ` wall_ms=${median(wall).toFixed(0)}`);
line('conflicts_switch_to_timeline', timeline);
line('conflicts_timeline_zoom_to_year', year);
