/** The app opens on the plan: the Overview with its visits and what comes next; shortcuts and their overlay. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { launchBrowser, openPage } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('overview', () => {
  it('opens on the plan: its visits with dates, status and open conflicts, and what comes next', async () => {
    const { page, context, errors, cspViolations } = await openPage(browser, '/');
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('link', { name: 'Overview' })
        .getAttribute('aria-current'),
    ).toBe('page');
    const visits = page.getByRole('table');
    await visits.getByRole('rowheader', { name: /Trump in Korea for APEC 2025/ }).waitFor();
    const korea = visits.getByRole('row', { name: /Trump in Korea for APEC 2025/ });
    expect(await korea.getByRole('cell').first().textContent()).toMatch(/Oct 2025/);
    expect(await visits.getByRole('row').count()).toBeGreaterThanOrEqual(6);
    await page.getByRole('heading', { level: 3, name: 'What comes next' }).waitFor();
    expect(await page.locator('.overview-items li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    // A visit opens in the Route.
    await visits.getByRole('link', { name: /Trump in Korea for APEC 2025/ }).click();
    await page.waitForURL(/\/route\?visit=/);
    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  it('shows the most recent items when nothing comes next', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await page.clock.setFixedTime(new Date('2030-01-01T00:00:00Z'));
    await page.reload();
    await page.getByRole('heading', { level: 3, name: 'Most recent' }).waitFor();
    await page.getByText('Nothing is planned from today on.').waitFor();
    expect(await page.locator('.overview-items li').count()).toBe(6);
    await context.close();
  });

  it('keyboard shortcuts switch views, and "?" and the Keyboard shortcuts button list them', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await page.keyboard.press('2');
    await page.waitForURL(/\/calendar/);
    await page.getByLabel('Go to date').waitFor();
    await page.keyboard.press('4');
    await page.waitForURL(/\/conflicts/);
    await page.keyboard.press('1');
    await page.waitForURL(/\/overview/);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.getByRole('row').count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    // While the overlay is open, shortcuts do nothing.
    await page.keyboard.press('3');
    expect(page.url()).toMatch(/\/overview/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
    // Typing in a field does not trigger them.
    await page.getByRole('combobox', { name: 'Find' }).fill('');
    await page.getByRole('combobox', { name: 'Find' }).press('3');
    expect(page.url()).toMatch(/\/overview/);
    expect(await page.getByRole('combobox', { name: 'Find' }).inputValue()).toBe('3');
    await context.close();
  });
});
