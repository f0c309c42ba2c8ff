import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, pickZone } from '../helpers/browser';
import { fillDateTime } from '../helpers/browser-forms';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('app shell on the production build', () => {
  it('opens with the sample plan on first run', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    await page.getByRole('heading', { level: 1, name: 'US–China summitry 2025–26' }).waitFor();
    // The app opens on the Overview; the calendar opens on the next upcoming item; go to the APEC week of 2025.
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: /^Calendar/ })
      .click();
    await page.getByLabel('Go to date').fill('2025-10-30');
    await page.getByLabel('Go to date').press('Enter');
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    for (const name of ['Overview', 'Calendar', 'Route', 'Conflicts']) {
      expect(
        await page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('link', { name: new RegExp(`^${name}`) })
          .count(),
      ).toBe(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds an item through the editor, and it is still there after a reload', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-10-30', {
      timezoneId: 'Asia/Seoul',
    });
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    await page.getByRole('button', { name: 'New item' }).click();
    const dialog = page.getByRole('dialog', { name: 'New item' });
    await dialog.getByLabel('Title', { exact: true }).fill('Sherpa meeting in Seoul');
    await fillDateTime(dialog, 'Start', '2025-10-29T09:00');
    await fillDateTime(dialog, 'End', '2025-10-29T10:30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Sherpa meeting in Seoul').first().waitFor();
    await page.reload();
    await page.getByText('Sherpa meeting in Seoul').first().waitFor();
    await context.close();
  });

  it('refuses an item whose end is before its start, in plain words, and writes nothing', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-10-30');
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    await page.getByRole('button', { name: 'New item' }).click();
    const dialog = page.getByRole('dialog', { name: 'New item' });
    await dialog.getByLabel('Title', { exact: true }).fill('Backwards item');
    await fillDateTime(dialog, 'Start', '2025-10-29T09:00');
    await fillDateTime(dialog, 'End', '2025-10-29T08:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The end must be after the start.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByText('Backwards item').count()).toBe(0);
    await context.close();
  });

  it('switching the display time zone changes the hours shown, and is remembered', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-09-19', {
      timezoneId: 'America/New_York',
    });
    const call = page.locator('.cal-item', { hasText: 'Trump–Xi phone call' }).first();
    await call.waitFor();
    expect(await call.locator('.cal-ev-time').textContent()).toBe('08:00–09:00 EDT');
    await pickZone(page, 'Display time zone', 'Beijing', 'Asia/Shanghai');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cal-item')].some(
        (r) =>
          r.textContent?.includes('Trump–Xi phone call') &&
          r.querySelector('.cal-ev-time')?.textContent === '20:00–21:00 CST (China)',
      ),
    );
    await page.reload();
    await page.locator('.cal-item', { hasText: 'Trump–Xi phone call' }).first().waitFor();
    expect(await page.getByLabel('Display time zone').inputValue()).toBe('Asia/Shanghai');
    await context.close();
  });
});
