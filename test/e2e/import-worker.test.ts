/**
 * Imports run off the main thread: a large backup is read and checked in the import worker,
 * with its progress shown; Cancel stops it and leaves the plan as it was; a file read to the
 * end reaches the review through the worker with no CSP violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../helpers/browser';
import { benchBackup, benchCalendar } from '../helpers/import-files';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CAL = '/calendar?view=list&date=2025-10-30';

/** Records in each plan table, read straight from IndexedDB. */
function countRecords(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('summitry');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const names = ['events', 'places', 'participants', 'visits', 'legs', 'windows', 'scenarios'];
          const tx = idb.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
        };
      }),
  );
}

describe('import in a worker', () => {
  it('shows the progress of a large backup, and Cancel leaves the plan unchanged', async () => {
    const { text } = benchBackup(49_000, { compact: true });
    const { page, context, cspViolations } = await openPage(browser, CAL);
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    const before = await countRecords(page);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const progress = dialog.locator('.io-progress[data-import-runner="worker"]');
    await progress.waitFor();
    await expect
      .poll(() => progress.getByRole('status').textContent())
      .toMatch(/^(Reading… \d+ %|Reading the records…|Checking [\d,]+ of 49,\d{3} records…)$/);
    await expect.poll(() => progress.getByRole('progressbar').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByText('The import of large.json was cancelled. Nothing was changed.').waitFor();
    expect(await countRecords(page)).toEqual(before);
    // The dialog is usable again, and the worker is gone: nothing arrives after Cancel.
    await dialog.getByText('Choose a file…').waitFor();
    expect(await dialog.getByText('What will change:').count()).toBe(0);
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  it('reads a large calendar file in the worker to the review, writes on confirmation', async () => {
    const { page, context, errors, cspViolations } = await openPage(browser, CAL);
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    const before = await countRecords(page);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'bench.ics', mimeType: 'text/calendar', buffer: Buffer.from(benchCalendar(2_000)) });
    // Read in the worker: said by the review itself (the progress it replaces can come and go
    // between two looks, and on a busy machine it did).
    await dialog.locator('[data-import-runner="worker"]').getByText('What will change:').waitFor({ timeout: 120_000 });
    expect(await countRecords(page)).toEqual(before);
    await dialog.getByRole('button', { name: 'Import 2,000 changes' }).click();
    await page
      .getByRole('status')
      .getByText(/Imported bench\.ics/)
      .waitFor({ timeout: 120_000 });
    expect((await countRecords(page)).events).toBe(before.events! + 2_000);
    expect(await cspViolations()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
