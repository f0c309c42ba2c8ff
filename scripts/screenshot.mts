import { launchBrowser, openPage } from '../test/helpers/browser';
const b = await launchBrowser();
const { page, errors } = await openPage(b, process.argv[2] ?? '/calendar', { timezoneId: 'America/New_York' });
await page.waitForTimeout(1500);
await page.screenshot({ path: process.argv[3] ?? '/tmp/shot.png', fullPage: false });
console.log(errors);
await b.close();
