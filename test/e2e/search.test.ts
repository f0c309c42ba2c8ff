/** Find anything: Ctrl-K and "/" open the search, results are an ARIA listbox, choosing one jumps to it. */
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

describe('find anything', () => {
  it('Ctrl-K opens it; an item found without its accents is opened in the calendar at its date', async () => {
    const { page, context, errors, cspViolations } = await openPage(browser, '/calendar?view=month&date=2025-10-30', {
      timezoneId: 'Europe/Paris',
    });
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Find' });
    await page.waitForFunction(() => document.activeElement?.id === 'find-anything');
    await page.keyboard.type('evian g7');
    const list = page.getByRole('listbox', { name: 'Search results' });
    const option = list.getByRole('option', { name: /G7 Summit, Évian-les-Bains/ });
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await list.getByRole('group', { name: 'Items' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    // The jump asks for 14 June; the calendar may then name its week by its first day (Mon 8 June),
    // and on a slow machine that can happen before the URL is first read.
    await page.waitForURL(/\/calendar\?view=week&date=2026-06-(14|08)$/);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe('G7 Summit, Évian-les-Bains');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('main .cal-ev-title', { hasText: 'G7 Summit, Évian-les-Bains' }).first().waitFor();
    expect(await box.inputValue()).toBe('');
    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  it('"/" opens it; arrows move through groups; a visit opens in the Route; Esc closes the list', async () => {
    const { page, context } = await openPage(browser, '/overview');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Find' });
    await page.waitForFunction(() => document.activeElement?.id === 'find-anything');
    expect(await box.inputValue()).toBe('');
    await page.keyboard.type('beijing');
    const list = page.getByRole('listbox', { name: 'Search results' });
    await list.getByRole('group', { name: 'Visits' }).waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown');
    await list.waitFor();
    const visit = list.getByRole('group', { name: 'Visits' }).getByRole('option').first();
    const visitName = (await visit.locator('.find-option-label').textContent()) ?? '';
    // Arrow down until the first visit is the active option.
    for (let i = 0; i < 30 && (await visit.getAttribute('aria-selected')) !== 'true'; i += 1)
      await page.keyboard.press('ArrowDown');
    expect(await visit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/route\?visit=/);
    const id = new URL(page.url()).searchParams.get('visit') ?? '';
    await page.waitForFunction(
      (want) => (document.getElementById('route-visit') as HTMLSelectElement | null)?.value === want,
      id,
    );
    expect(await page.locator('#route-visit option:checked').textContent()).toBe(visitName);
    await context.close();
  });

  it('says so in plain words when nothing matches', async () => {
    const { page, context } = await openPage(browser, '/overview');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('combobox', { name: 'Find' }).fill('zzzz nothing');
    await page.getByText('Nothing matches “zzzz nothing”.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Find' }).getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });
});
