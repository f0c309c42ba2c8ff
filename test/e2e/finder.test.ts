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

describe('dates and scenarios', () => {
  it('finds August dates for a 3-day Xi visit to Washington, applies one as a tentative visit, and undoes it', async () => {
    // The calendar as a list of October 2025 (it would otherwise open on the next upcoming item).
    const { page, context, errors, cspViolations } = await openPage(browser, '/calendar?view=list&date=2025-10-30', {
      timezoneId: 'America/New_York',
    });
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    await page.getByRole('button', { name: 'Dates & scenarios' }).click();
    const panel = page.getByRole('dialog', { name: 'Dates and scenarios' });
    await panel.waitFor();
    expect(page.url()).toMatch(/\/calendar\?view=list&date=2025-10-30&panel=dates$/);

    await panel.getByRole('checkbox', { name: 'Xi Jinping' }).check();
    await panel.getByRole('checkbox', { name: 'Donald J. Trump' }).check();
    await panel.getByLabel('Host place').selectOption({ label: 'Washington, DC' });
    expect(await panel.getByLabel('Host time zone').inputValue()).toBe('America/New_York');
    await panel.getByLabel('Search from').fill('2026-08-01');
    await panel.getByLabel('to', { exact: true }).fill('2026-10-31');
    await panel.getByLabel('Days at the host').fill('3');
    await panel.getByRole('button', { name: 'Find dates' }).click();

    const first = panel.locator('.candidate').first();
    await first.waitFor();
    expect(await first.locator('h4').textContent()).toMatch(/Aug 2026$/);
    expect(await first.textContent()).toContain('Clear of UNGA 81 general debate, New York');
    expect(await first.textContent()).toContain(
      'Clear of Mid-Autumn Festival holiday (China), a blackout for Xi Jinping',
    );
    // UNGA 22–28 Sep, Mid-Autumn 25–27 Sep, Golden Week 1–7 Oct: no candidate meets them.
    const spans = await panel
      .locator('.candidate')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-start'), el.getAttribute('data-end')]));
    expect(spans.length).toBeGreaterThan(4);
    for (const [start, end] of spans)
      expect(end! < '2026-09-22' || start! > '2026-10-07', `${start}–${end}`).toBe(true);
    expect(await panel.getByText(/during UNGA 81 general debate, New York/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const label = (await first.locator('h4').textContent())!.replace(/^1\.\s*/, '');
    const start = (await first.getAttribute('data-start'))!;
    await first.getByRole('button', { name: /^Create a tentative visit/ }).click();
    const toast = page.getByRole('status');
    await toast.getByText(`Created the tentative visit "Xi Jinping visit to Washington, DC", ${label}.`).waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    expect(page.url()).toMatch(/\/calendar\?view=list&date=2025-10-30$/);
    await page.getByLabel('Go to date').fill(start);
    await page.getByLabel('Go to date').press('Enter');
    await page.getByText('Xi Jinping visit to Washington, DC: day 1').first().waitFor();
    expect(await page.getByText(/Xi Jinping visit to Washington, DC: day [123]/).count()).toBe(3);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('Xi Jinping visit to Washington, DC: day 1'));
    await page.reload();
    await page.getByRole('heading', { name: 'August 2026' }).waitFor();
    await page.locator('.cal-item').first().waitFor();
    expect(await page.getByText('Xi Jinping visit to Washington, DC: day 1').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  it('opens from its address on the scenarios tab, compares the two Xi scenarios, and passes axe', async () => {
    const { page, context, errors } = await openPage(browser, '/route?panel=scenarios', {
      timezoneId: 'Europe/London',
    });
    const panel = page.getByRole('dialog', { name: 'Dates and scenarios' });
    await panel.waitFor();
    expect(await panel.getByRole('tab', { name: 'Scenarios' }).getAttribute('aria-selected')).toBe('true');
    const row = panel.getByRole('row', { name: /Xi state visit to the United States/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Wed 12 Aug 2026 – Sat 15 Aug 2026');
    expect(await row.textContent()).toContain('Thu 24 Sep 2026 – Sun 27 Sep 2026');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/route$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
