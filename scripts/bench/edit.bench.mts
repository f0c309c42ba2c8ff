/**
 * One edit saved, on the production build in headless Chromium: the editor's save (validation,
 * revision check and the IndexedDB write), read from the `summitry:edit-saved` measure.
 */
import { launchBrowser, median, serveDist } from './lib.mjs';

const RUNS = 9;
const server = await serveDist();
const browser = await launchBrowser();
const times: number[] = [];
try {
  const context = await browser.newContext({ timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(`${server.url}/calendar?view=list&date=2025-10-30`);
  for (let i = 0; i < RUNS; i += 1) {
    await page.getByText('Trump–Xi summit, Busan').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title', { exact: true }).fill(`Trump–Xi summit, Busan`);
    await dialog.getByLabel('Notes').fill(`edit ${i}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  const measures = await page.evaluate(() =>
    performance.getEntriesByName('summitry:edit-saved').map((m) => m.duration),
  );
  times.push(...measures);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `edit_saved_ms=${median(times).toFixed(1)} runs=${times.length} min=${Math.min(...times).toFixed(1)} max=${Math.max(...times).toFixed(1)} target_ms=50`,
);
