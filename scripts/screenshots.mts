/**
 * Screenshots of every view at 390, 1366 and 1920 px wide, in the light and the dark theme:
 * `npx tsx scripts/screenshots.mts [outDir]` (SUMMITRY_URL points at the served build; default
 * out dir /tmp/shots). Each shot is the first screen (the viewport), as a person would see it.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, openPage } from '../test/helpers/browser';

const outDir = process.argv[2] ?? '/tmp/shots';
const only = process.env.SHOTS_ONLY; // e.g. "calendar" to take one view
mkdirSync(outDir, { recursive: true });
const VIEWS = ['overview', 'calendar', 'route', 'conflicts'];
const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of SIZES) {
      for (const view of VIEWS) {
        if (only && !only.split(',').includes(view)) continue;
        const { page, context, errors } = await openPage(browser, `/${view}`, {
          timezoneId: 'America/New_York',
          viewport: size,
          colorScheme: scheme,
        });
        try {
          await page.locator('main').getByRole('heading').first().waitFor({ timeout: 20_000 });
          await page.waitForTimeout(1200); // let the map and calendar settle; a script, not a test
          const out = `${outDir}/${view}-${size.width}-${scheme}.png`;
          await page.screenshot({ path: out });
          const scroll = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          console.log(out, scroll > 0 ? `HORIZONTAL SCROLL ${scroll}px` : '', errors.join(' | '));
        } catch (err) {
          console.log(
            `${view} ${size.width} ${scheme}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
          );
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
}
