/**
 * Screenshot of a view of the served build: `npx tsx scripts/screenshot.mts /path out.png [zone]`
 * (SUMMITRY_URL points at the server). Waits for the sample plan to be visible first.
 */
import { launchBrowser, openPage } from '../test/helpers/browser';

const [path = '/calendar', out = '/tmp/shot.png', zone = 'America/New_York'] = process.argv.slice(2);
const browser = await launchBrowser();
try {
  const { page, errors } = await openPage(browser, path, { timezoneId: zone, viewport: { width: 1400, height: 1000 } });
  await page.locator('main').getByRole('heading').first().waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  if (errors.length) console.log(errors);
} finally {
  await browser.close();
}
