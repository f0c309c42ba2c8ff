import 'fake-indexeddb/auto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../helpers/browser';
import { fillDateTime } from '../helpers/browser-forms';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const railRow = (page: Page) =>
  page.locator('li.it-leg', { has: page.locator('.leg-route', { hasText: 'Beijing → Shanghai' }) });
const banquet = (page: Page) =>
  page.locator('.cal-item', { has: page.locator('.cal-ev-title', { hasText: 'State banquet' }) }).first();
const nav = (page: Page, name: RegExp) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();

describe('one 12/24-hour clock setting for every view', () => {
  it('writes times as 2:30 PM in the route, calendar and conflicts once chosen, and keeps it across a reload', async () => {
    const { page, context, errors } = await openPage(browser, '/route');
    const rail = railRow(page);
    await expect.poll(() => rail.textContent(), { timeout: 90_000 }).toContain('departs 09:00 CST (China) [01:00 GMT]');

    await page.getByLabel('Clock').selectOption('12h');
    await expect
      .poll(() => rail.textContent(), { timeout: 90_000 })
      .toContain('departs 9:00 AM CST (China) [1:00 AM GMT] · arrives 1:18 PM CST (China) [5:18 AM GMT]');

    // The calendar's week: hour labels and item times on the 12-hour clock.
    await page.goto(new URL('/calendar?view=week&date=2025-10-27', page.url()).toString());
    const week = page.locator('.cal-fc');
    await expect
      .poll(() => week.textContent(), { timeout: 90_000 })
      .toMatch(/\b(1[0-2]|[1-9])(:\d\d)? ?(AM|PM|am|pm)\b/);
    await expect(week.textContent()).resolves.not.toMatch(/\b1[3-9]:\d\d\b/);

    // A conflict's explanation names its local times on the same clock.
    await nav(page, /^Conflicts/);
    const card = page
      .locator('main article.conflict-card')
      .filter({ hasText: /\d:\d\d (AM|PM) / })
      .first();
    await card.waitFor();
    await expect(
      page
        .locator('main article.conflict-card')
        .filter({ hasText: /\b(1[3-9]|2[0-3]):\d\d\b/ })
        .count(),
    ).resolves.toBe(0);

    await page.reload();
    await expect(page.getByLabel('Clock').inputValue()).resolves.toBe('12h');
    await nav(page, /^Route/);
    await expect.poll(() => railRow(page).textContent(), { timeout: 90_000 }).toContain('departs 9:00 AM CST (China)');

    await page.getByLabel('Clock').selectOption('24h');
    await expect.poll(() => railRow(page).textContent(), { timeout: 90_000 }).toContain('departs 09:00 CST (China)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the editor takes and shows times on the chosen clock: 7:00 PM shown, "3:15 pm" typed, saved at 15:15', async () => {
    const { page, context, errors } = await openPage(browser, '/calendar?view=list&date=2025-10-27', {
      timezoneId: 'Asia/Shanghai',
    });
    await page.getByLabel('Clock').selectOption('12h');
    const editor = page.getByRole('dialog', { name: 'Edit State banquet' });
    await banquet(page).click();
    await editor.waitFor();
    const start = editor.getByLabel('Start time', { exact: true });
    await expect(start.inputValue()).resolves.toBe('7:00 PM');
    await expect(editor.getByLabel('End time', { exact: true }).inputValue()).resolves.toBe('9:00 PM');

    // A time that cannot be read on the 12-hour clock: said in words, nothing saved.
    await start.fill('3:15');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('Add AM or PM, like 2:30 PM.').waitFor();
    await expect(start.getAttribute('aria-invalid')).resolves.toBe('true');
    await editor
      .locator('.editor-when')
      .getByText(/7:00 PM–9:00 PM CST \(China\)/)
      .first()
      .waitFor();

    await fillDateTime(editor, 'Start', '2025-10-27T15:15', '3:15 pm');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });

    // Read back from the database: at 15:15 in Beijing, written 3:15 PM, and 15:15 on the 24-hour clock.
    await banquet(page).click();
    await editor.waitFor();
    await expect(start.inputValue()).resolves.toBe('3:15 PM');
    await expect(editor.getByLabel('Start date', { exact: true }).inputValue()).resolves.toBe('2025-10-27');
    await editor
      .locator('.editor-when')
      .getByText(/3:15 PM–9:00 PM CST \(China\)/)
      .first()
      .waitFor();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByLabel('Clock').selectOption('24h');
    await banquet(page).click();
    await editor.waitFor();
    await expect(start.inputValue()).resolves.toBe('15:15');
    expect(errors).toEqual([]);
    await context.close();
  });
});
