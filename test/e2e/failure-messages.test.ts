/**
 * Issue 19 item 4 in the browser: a refused write (the storage quota, through the test build's
 * fault hook) is told in plain words, never by its error name, and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultsUrl, launchBrowser } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CAL = '/calendar?view=list&date=2025-10-30';

async function importFile(page: Page, name: string, text: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  return dialog;
}

async function replacePlanWith(page: Page, name: string, text: string) {
  const dialog = await importFile(page, name, text);
  await dialog.getByRole('radio', { name: /Replace my plan with this backup/ }).check();
  await dialog.getByRole('button', { name: 'Replace my plan…' }).click();
  await dialog.getByRole('button', { name: 'Yes, replace my plan' }).click();
  return dialog;
}

async function exportFile(page: Page, format: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

describe('plain failure messages (issue 19 item 4)', () => {
  it('an import and a reset refused by the storage quota say so in plain words, name no error, and change nothing', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
    context.setDefaultTimeout(90_000);
    const page = await context.newPage();
    await page.goto(new URL(`${CAL}&faults=1`, faultsUrl()).toString());
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    const backup = JSON.parse(await exportFile(page, /Backup \(\.json\)/));
    backup.tables.events.find((e: { id: string }) => e.id === 'busan-summit-2025').title = 'Busan, from the file';
    await page.evaluate(() => {
      window.__summitryFaults!.failWrites = 'quota';
    });

    const dialog = await replacePlanWith(page, 'full-disk.json', JSON.stringify(backup));
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('full-disk.json cannot be imported. Nothing was changed.').waitFor();
    await refusal
      .getByText(
        'The import failed: The browser has no more room for Summitry’s data (storage quota exceeded). Nothing was changed. Free some disk space or download a backup, then try again.',
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Reset sample plan' }).click();
    await page.getByRole('button', { name: 'Replace with the sample plan' }).click();
    await page
      .getByText(
        'Could not reset: The browser has no more room for Summitry’s data (storage quota exceeded). Nothing was changed. Free some disk space or download a backup, then try again.',
      )
      .waitFor();

    expect(await page.locator('body').innerText()).not.toMatch(/[A-Za-z]+Error\b|Cannot read|DOMException/);
    await page.evaluate(() => {
      window.__summitryFaults!.failWrites = null;
    });
    await page.reload();
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    expect(await page.getByText('Busan, from the file').count()).toBe(0);
    await context.close();
  });
});
