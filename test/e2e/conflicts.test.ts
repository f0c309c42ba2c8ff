/**
 * The Conflicts view on the production build with the sample plan: the optional rail leg's
 * conflict, acceptances that survive a reload and reopen when an item moves, the date-range
 * check, and the overlap timeline by keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openConflicts(path = '/conflicts', timezoneId = 'Asia/Shanghai') {
  const opened = await openPage(browser, path, { timezoneId });
  await opened.page.getByRole('heading', { level: 2, name: 'Conflicts' }).waitFor();
  await opened.page.getByRole('heading', { name: /^Open \(\d+\)$/ }).waitFor();
  return opened;
}

const tab = (page: Page, name: RegExp | string) => page.getByRole('tab', { name });

describe('conflicts view', () => {
  it('checks 28 Oct – 2 Nov 2025 and finds the APEC leaders\' meeting', async () => {
    const { page, context, errors } = await openConflicts('/conflicts', 'Europe/London');
    await tab(page, 'Check dates').click();
    await page.getByLabel('Take the dates of').selectOption('');
    await page.getByLabel('First day').fill('2025-10-28');
    await page.getByLabel('Last day').fill('2025-11-02');
    const overlaps = page.getByRole('region', { name: /^Overlaps/ });
    await overlaps.getByRole('button', { name: '32nd APEC Economic Leaders\' Meeting, Gyeongju' }).waitFor();
    expect(await overlaps.getByText('Takes in all of “32nd APEC Economic Leaders\' Meeting, Gyeongju” (2 days).').count()).toBe(1);
    await page.getByLabel('Last day').fill('2025-10-28');
    await page.getByLabel('First day').fill('2025-10-25');
    await page.getByRole('region', { name: /^Within 7 days/ }).getByText('Ends 2 days before “32nd APEC Economic Leaders\' Meeting, Gyeongju” starts.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
