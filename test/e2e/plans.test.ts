/**
 * The plan switcher in Chromium: make an empty plan (the calendar shows none of the sample's
 * items), switch back, duplicate, rename, delete with a confirmation and Undo, restore — at a
 * desktop width and at 390 px, where the Plans button stays beside the plan's name.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { launchBrowser, openPage } from '../helpers/browser';

const SAMPLE = 'US–China summitry 2025–26';
const BUSAN = 'Trump–Xi summit, Busan';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page) => page.locator('h1.plan-name');
const plansDialog = (page: Page) => page.getByRole('dialog', { name: 'Plans' });
const planItem = (page: Page, name: string) =>
  plansDialog(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.plan-item-name', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });
const busanItems = (page: Page) => page.getByRole('main').locator('.cal-ev-title', { hasText: BUSAN });

async function openPlans(page: Page) {
  await page.getByRole('button', { name: 'Plans', exact: true }).click();
  await plansDialog(page).waitFor();
}

describe('plan switcher', () => {
  it('creates, switches, duplicates, renames, deletes with Undo and restores plans', async () => {
    const { page, context, errors, cspViolations } = await openPage(browser, '/calendar?view=list&date=2025-10-30');
    await busanItems(page).first().waitFor();
    await expect.poll(() => heading(page).textContent()).toBe(SAMPLE);

    // A new empty plan opens at once: nothing of the sample shows.
    await openPlans(page);
    // The list fills in once the plans are read: the dialog can show a moment before it.
    await expect.poll(() => plansDialog(page).getByText('Open now').count()).toBe(1);
    await plansDialog(page).getByLabel('Name of a new plan').fill('Madrid follow-up');
    await plansDialog(page).getByRole('button', { name: 'New empty plan' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Madrid follow-up');
    await planItem(page, 'Madrid follow-up').getByText('Open now').waitFor();
    expect(await planItem(page, 'Madrid follow-up').locator('.plan-item-meta').textContent()).toMatch(
      /^0 visits · 0 items · made /,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await plansDialog(page).getByRole('button', { name: 'Close' }).click();
    await page.goto(new URL('/calendar?view=list&date=2025-10-30', page.url()).toString());
    await page.locator('h1.plan-name', { hasText: 'Madrid follow-up' }).waitFor();
    await page.getByRole('main').getByRole('heading').first().waitFor();
    expect(await busanItems(page).count()).toBe(0);

    // Back to the sample, remembered across a reload.
    await openPlans(page);
    await plansDialog(page)
      .getByRole('button', { name: `Open ‘${SAMPLE}’` })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe(SAMPLE);
    await page.reload();
    await busanItems(page).first().waitFor();
    await expect.poll(() => heading(page).textContent()).toBe(SAMPLE);

    // Duplicate, then rename the copy.
    await openPlans(page);
    await plansDialog(page)
      .getByRole('button', { name: `Duplicate ‘${SAMPLE}’` })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe(`${SAMPLE} (copy)`);
    await plansDialog(page)
      .getByRole('button', { name: `Rename ‘${SAMPLE} (copy)’` })
      .click();
    await plansDialog(page).getByLabel(`New name for ‘${SAMPLE} (copy)’`).fill('Beijing draft B');
    await plansDialog(page).getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Beijing draft B');
    await plansDialog(page).getByRole('button', { name: 'Close' }).click();
    await busanItems(page).first().waitFor();

    // Delete the open plan after confirming: another opens; Undo brings it back.
    await openPlans(page);
    await planItem(page, 'Beijing draft B').getByRole('button', { name: 'Delete ‘Beijing draft B’' }).click();
    const confirm = planItem(page, 'Beijing draft B').getByRole('group', { name: 'Delete ‘Beijing draft B’?' });
    expect(await confirm.textContent()).toMatch(/its \d+ items\?/);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await planItem(page, 'Beijing draft B').count()).toBe(1);
    await planItem(page, 'Beijing draft B').getByRole('button', { name: 'Delete ‘Beijing draft B’' }).click();
    await confirm.getByRole('button', { name: 'Delete ‘Beijing draft B’' }).click();
    await expect.poll(() => planItem(page, 'Beijing draft B').count()).toBe(0);
    await expect.poll(() => heading(page).textContent()).toBe(SAMPLE);
    await plansDialog(page).getByRole('button', { name: 'Close' }).click();
    const toast = page.locator('.toast');
    await toast.getByText('Deleted the plan ‘Beijing draft B’.').waitFor();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await openPlans(page);
    await planItem(page, 'Beijing draft B').waitFor();

    // Delete it again and restore it from "Deleted plans": it opens with its items.
    await planItem(page, 'Beijing draft B').getByRole('button', { name: 'Delete ‘Beijing draft B’' }).click();
    await planItem(page, 'Beijing draft B').getByRole('button', { name: 'Delete ‘Beijing draft B’' }).last().click();
    await plansDialog(page).getByText('Deleted plans (1)').click();
    await plansDialog(page).getByRole('button', { name: 'Restore ‘Beijing draft B’' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Beijing draft B');
    await plansDialog(page).getByRole('button', { name: 'Close' }).click();
    await busanItems(page).first().waitFor();

    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  it('at 390 px the Plans button sits beside the plan’s name and the dialog fits the width', async () => {
    const { page, context, errors } = await openPage(browser, '/overview', { viewport: { width: 390, height: 844 } });
    await expect.poll(() => heading(page).textContent()).toBe(SAMPLE);
    const button = page.getByRole('button', { name: 'Plans', exact: true });
    expect(await button.isVisible()).toBe(true);
    await openPlans(page);
    const box = await plansDialog(page).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await plansDialog(page).getByRole('button', { name: 'Open the sample plan as a new plan' }).click();
    await expect.poll(() => plansDialog(page).locator('.plan-item').count()).toBe(2);
    await expect.poll(() => plansDialog(page).getByText('Open now').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
