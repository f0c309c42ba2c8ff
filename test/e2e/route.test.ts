import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('artifacts', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const DRAFT = 'Trump state visit to China — draft as reported 17 Sep 2025';

async function openRoute(path = '/route') {
  const opened = await openPage(browser, path);
  await opened.page.getByRole('heading', { name: DRAFT }).waitFor();
  await opened.page.locator('svg.route-map-svg[data-land="drawn"]').waitFor();
  return opened;
}

const railRow = (page: Page) =>
  page.locator('li.it-leg', { has: page.locator('.leg-route', { hasText: 'Beijing → Shanghai' }) });
const mapLeg = (page: Page, id: string) =>
  page.locator(`svg.route-map-svg g.map-leg[role="button"][data-leg-id="${id}"]`);
const shownTotals = (page: Page) => page.locator('.it-totals .totals-shown').first().textContent();

describe('route view on the production build', () => {
  it('shows the sample state visit with Beijing → Shanghai by rail as an optional leg, on the map and in the itinerary', async () => {
    const { page, context, errors } = await openRoute();
    await expect(page.getByLabel('Visit', { exact: true }).inputValue()).resolves.toBe('draft-state-visit-2025');
    const rail = railRow(page);
    await expect(rail.count()).resolves.toBe(1);
    await expect(rail.locator('.leg-mode').textContent()).resolves.toBe('Rail');
    await expect(rail.locator('.optional-tag').textContent()).resolves.toBe('optional');
    await expect(rail.textContent()).resolves.toContain(
      'departs 09:00 CST (China) [01:00 GMT] · arrives 13:18 CST (China) [05:18 GMT] · 4 h 18 min · 1,062 km',
    );
    await expect(mapLeg(page, 'draft-leg-rail').getAttribute('class')).resolves.toMatch(/mode-rail optional/);
    const dash = await mapLeg(page, 'draft-leg-rail')
      .locator('.leg-line')
      .evaluate((el) => getComputedStyle(el).strokeDasharray);
    expect(dash).not.toBe('none');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a disabled button looks disabled: faded, a not-allowed cursor, its usual border (issue 17)', async () => {
    const { page, context } = await openRoute();
    const first = page.getByRole('button', { name: 'Earlier (leg 1 is already first)' });
    await expect(first.isDisabled()).resolves.toBe(true);
    const look = (b: typeof first) =>
      b.evaluate((el) => {
        const s = getComputedStyle(el);
        return { opacity: s.opacity, cursor: s.cursor, border: s.borderTopColor, shadow: s.boxShadow };
      });
    const disabled = await look(first);
    const enabled = await look(page.getByRole('button', { name: /^Later: leg 1 takes leg/ }));
    expect([disabled.opacity, disabled.cursor]).toEqual(['0.5', 'not-allowed']);
    expect([enabled.opacity, enabled.cursor]).toEqual(['1', 'pointer']);
    expect([disabled.border, disabled.shadow]).toEqual([enabled.border, enabled.shadow]);
    await context.close();
  });

  it('has drawn the land and the legs from bundled data, with no request to any other origin', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-10-30');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    expect(requests.some((u) => /world-data/.test(u))).toBe(false);
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: /^Route/ })
      .click();
    await page.locator('svg.route-map-svg[data-land="drawn"]').waitFor();
    // The world outline arrives as its own chunk, only when the map needs it.
    expect(requests.some((u) => /world-data-[\w-]+\.js$/.test(u))).toBe(true);
    const origin = new URL(baseUrl()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    const land = await page.locator('svg.route-map-svg > path.land').getAttribute('d');
    expect(land!.length).toBeGreaterThan(5000);
    const legs = page.locator('svg.route-map-svg g.map-leg[role="button"]');
    await expect(legs.count()).resolves.toBe(3);
    for (const d of await legs.locator('.leg-line').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '')))
      expect(d.length).toBeGreaterThan(20);
    const labels = await page.locator('svg.route-map-svg .map-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Washington, DC', 'Beijing', 'Shanghai', 'Busan']));
    const box = await page.locator('svg.route-map-svg').boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    await page.screenshot({ path: 'artifacts/route.png' });
    await context.close();
  });

  it('draws the map and the itinerary with no network, after one visit', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-10-30');
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.goto(new URL('/route', baseUrl()).toString());
    await page.getByRole('heading', { name: DRAFT }).waitFor();
    await page.locator('svg.route-map-svg[data-land="drawn"]').waitFor();
    expect((await page.locator('svg.route-map-svg > path.land').getAttribute('d'))!.length).toBeGreaterThan(5000);
    await expect(railRow(page).count()).resolves.toBe(1);
    await expect(page.locator('.map-error').count()).resolves.toBe(0);
    await page.screenshot({ path: 'artifacts/route-offline.png' });
    await context.close();
  });

  it('hides the optional leg and changes the totals when optional legs are switched off', async () => {
    const { page, context } = await openRoute();
    await expect(shownTotals(page)).resolves.toBe('3 legs, 21 h 8 min, 13,413 km');
    await page.getByLabel('Include optional legs').uncheck();
    await railRow(page).waitFor({ state: 'detached' });
    await expect(shownTotals(page)).resolves.toBe('2 legs, 16 h 50 min, 12,351 km');
    await expect(page.locator('[data-leg-id="draft-leg-rail"]').count()).resolves.toBe(0);
    await expect(page.locator('svg.route-map-svg g.map-leg[role="button"]').count()).resolves.toBe(2);
    await expect(page.locator('svg .map-label', { hasText: 'Shanghai' }).count()).resolves.toBe(0);
    await page.getByLabel('Include optional legs').check();
    await railRow(page).waitFor();
    await expect(shownTotals(page)).resolves.toBe('3 legs, 21 h 8 min, 13,413 km');
    await context.close();
  });

  it('shows a leg’s details on keyboard focus and takes Enter to it in the itinerary', async () => {
    const { page, context } = await openRoute();
    await mapLeg(page, 'draft-leg-rail').focus();
    await expect(page.locator('.map-details').textContent()).resolves.toMatch(
      /^Leg 2: rail \(optional\), Beijing South to Shanghai Hongqiao/,
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'itinerary-leg-draft-leg-rail');
    await context.close();
  });

  it('prints a clean itinerary: local and display-zone times, DRAFT marks, no navigation, one A4 page', async () => {
    const { page, context } = await openRoute();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: 'Views' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print itinerary' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Edit leg 1' }).isVisible()).resolves.toBe(false);
    const heading = page.getByRole('heading', { name: DRAFT });
    await expect(heading.locator('.draft-mark').isVisible()).resolves.toBe(true);
    await expect(railRow(page).locator('.draft-mark').isVisible()).resolves.toBe(true);
    const text = await page.locator('.route').innerText();
    expect(text).toContain('09:00 CST (China) [01:00 GMT]');
    expect(text).toContain('21:10 KST [12:10 GMT]');
    expect(text).toContain('Status: Proposed');
    expect(text).toMatch(/Tue 28 Oct 2025/);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: 'artifacts/route-print.png', fullPage: true });
    for (const format of ['A4', 'Letter'] as const) {
      const path = `artifacts/route-print-${format}.pdf`;
      await page.pdf({ path, format });
      const pages = readFileSync(path, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, `${format} pages`).toBe(1);
    }
    await context.close();
  });

  it('keeps the chosen visit in the address, and shows every visit in "All visits"', async () => {
    const { page, context } = await openRoute();
    await page.getByLabel('Visit', { exact: true }).selectOption('all');
    await page.getByRole('heading', { name: 'Xi state visit to the United States' }).waitFor();
    expect(new URL(page.url()).search).toBe('?visit=all');
    await page.reload();
    await page.getByRole('heading', { name: 'Xi state visit to the United States' }).waitFor();
    await expect(page.locator('svg.route-map-svg g.map-leg[role="button"]').count()).resolves.toBe(8);
    await context.close();
  });

  it('saves an edit at once and undoes it', async () => {
    const { page, context } = await openRoute();
    // The box follows the database: it changes once the save has landed.
    await railRow(page).getByRole('checkbox', { name: 'Optional (leg 2)' }).click();
    await railRow(page).locator('.optional-tag').waitFor({ state: 'detached' });
    await page.reload();
    await railRow(page).waitFor();
    await expect(railRow(page).locator('.optional-tag').count()).resolves.toBe(0);
    await page.getByLabel('Optional (leg 2)').click();
    await railRow(page).locator('.optional-tag').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await railRow(page).locator('.optional-tag').waitFor({ state: 'detached' });
    await expect(page.getByLabel('Optional (leg 2)').isChecked()).resolves.toBe(false);
    await context.close();
  });
});
