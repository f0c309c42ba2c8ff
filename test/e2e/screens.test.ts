/**
 * Any screen: a phone (390 px: no horizontal scroll, the header's controls behind a Menu button,
 * the calendar as an agenda), a wide screen (1920 px: the content uses the width), a laptop
 * (1366×768: the month's last row, the map and the week's event text are not clipped), and the
 * dark theme (prefers-color-scheme: dark) passing axe on every view.
 */
import type { Browser, Page } from 'playwright-core';
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

/** The views as the header lists them (so a new view is covered as soon as it has a link). */
async function viewPaths(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('link').first().waitFor();
  const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => h.startsWith('/'));
}

async function goTo(page: Page, path: string) {
  await page.getByRole('navigation', { name: 'Views' }).locator(`a[href="${path}"]`).click();
  await page.waitForURL((url) => url.pathname === path);
  await page.locator('main').getByRole('heading').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Visible controls whose box reaches past the left or right edge of the page. */
function controlsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.skip-link, svg')) continue;
      if (box.left < -1 || box.right > width + 1)
        out.push(`${el.tagName} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`);
    }
    return out;
  });
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('screens', () => {
  it('at 390 px every view fits the width, the controls are behind a Menu button, and the calendar is an agenda', async () => {
    const { page, context, errors } = await openPage(browser, '/calendar', { viewport: { width: 390, height: 844 } });
    await page.locator('main').getByRole('heading').first().waitFor();
    // The month grid is too cramped on a phone: the calendar opens as the list (agenda).
    await page.waitForURL(/view=list/);
    expect(await page.getByRole('button', { name: 'List' }).getAttribute('aria-pressed')).toBe('true');
    // The plan's name keeps a readable width beside the Menu button (the Find box takes its own row).
    const name = await page.locator('h1.plan-name').boundingBox();
    expect(name!.width).toBeGreaterThan(200);
    expect(name!.height).toBeLessThan(60);

    const paths = await viewPaths(page);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    for (const path of paths) {
      await goTo(page, path);
      expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
      expect({ path, off: await controlsOffScreen(page) }).toEqual({ path, off: [] });
    }
    // The overview's list of what comes next fits: no status badge is cut off inside its panel.
    await goTo(page, '/overview');
    await page.locator('.overview-items li').first().waitFor();
    const cut = await page
      .locator('.overview-panel:has(.overview-items)')
      .evaluateAll((panels) => panels.map((p) => p.scrollWidth - p.clientWidth).filter((d) => d > 1));
    expect(cut).toEqual([]);
    // The header's controls are folded away until the Menu button opens them.
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect.poll(() => page.getByRole('button', { name: 'New item' }).isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'New item' }).waitFor();
    expect(await controlsOffScreen(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 1920 px the content uses the width', async () => {
    const { page, context } = await openPage(browser, '/calendar', { viewport: { width: 1920, height: 1080 } });
    const paths = await viewPaths(page);
    for (const path of paths) {
      await goTo(page, path);
      const width = await page.locator('main').evaluate((m) => m.getBoundingClientRect().width);
      expect({ path, usesWidth: width >= 1800 }).toEqual({ path, usesWidth: true });
      expect(await horizontalOverflow(page)).toBe(0);
    }
    // The month grid itself is wide, not a column in the middle.
    await goTo(page, '/calendar');
    await page.getByRole('button', { name: 'Month' }).click();
    const grid = await page
      .locator('.cal-main')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(grid).toBeGreaterThan(1300);
    await context.close();
  });

  it('at 1366×768 the last row of the month, the map and the week view are not clipped', async () => {
    // March 2026 spans six weeks (Mon 23 Feb – Sun 5 Apr).
    const { page, context } = await openPage(browser, '/calendar?view=month&date=2026-03-15', {
      viewport: { width: 1366, height: 768 },
    });
    const lastDay = page.locator('.cal-main [data-date="2026-04-05"]').first();
    await lastDay.waitFor();
    await lastDay.scrollIntoViewIfNeeded();
    const seen = await lastDay.evaluate((cell) => {
      const box = cell.getBoundingClientRect();
      // Nothing between the cell and the page clips it: every scrolling ancestor shows all of it.
      let el: HTMLElement | null = cell.parentElement;
      let clipped = false;
      while (el) {
        const style = getComputedStyle(el);
        if (/(auto|scroll|hidden)/.test(style.overflowY)) {
          const outer = el.getBoundingClientRect();
          if (box.bottom > outer.bottom + 1) clipped = true;
        }
        el = el.parentElement;
      }
      return { clipped, inViewport: box.top >= 0 && box.bottom <= window.innerHeight + 1, height: box.height };
    });
    expect(seen).toEqual({ clipped: false, inViewport: true, height: expect.any(Number) });
    expect(seen.height).toBeGreaterThan(40);

    // Week view: an item's title is not cut to nothing (it wraps within its box).
    await page.goto(new URL('/calendar?view=week&date=2025-10-29', page.url()).toString());
    const title = page.locator('.cal-view-week .cal-ev-title').first();
    await title.waitFor();
    const text = await title.evaluate((t) => ({
      h: t.getBoundingClientRect().height,
      w: t.getBoundingClientRect().width,
    }));
    expect(text.h).toBeGreaterThan(8);
    expect(text.w).toBeGreaterThan(40);
    // On the 12-hour clock the longer times wrap after the dash instead of being cut off.
    await page.getByLabel('Clock').selectOption('12h');
    await page.locator('.cal-view-week .cal-ev-time', { hasText: 'PM' }).first().waitFor();
    const cut = await page
      .locator('.cal-view-week .cal-ev-time')
      .evaluateAll((times) =>
        times
          .filter((t) => t.getBoundingClientRect().right > t.closest('.cal-ev')!.getBoundingClientRect().right + 1)
          .map((t) => t.textContent),
      );
    expect(cut).toEqual([]);

    // Route: the map fits in the window, whole.
    await goTo(page, '/route');
    const map = page.locator('svg.route-map-svg').first();
    await map.waitFor();
    const mapBox = await map.evaluate((svg) => svg.getBoundingClientRect().height);
    expect(mapBox).toBeGreaterThan(200);
    expect(mapBox).toBeLessThanOrEqual(768);
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();
  });

  it('follows the system dark setting, and every view passes axe in the dark theme as in the light', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const { page, context } = await openPage(browser, '/calendar', { colorScheme });
      await page.locator('main').getByRole('heading').first().waitFor();
      const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(paper).toBe(colorScheme === 'dark' ? 'rgb(17, 22, 29)' : 'rgb(251, 250, 247)');
      for (const path of await viewPaths(page)) {
        await goTo(page, path);
        const found = await seriousViolations(page);
        expect({ colorScheme, path, found }).toEqual({ colorScheme, path, found: [] });
      }
      await context.close();
    }
  });
});
