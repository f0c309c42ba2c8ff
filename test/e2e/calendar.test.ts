import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { launchBrowser, openPage, pickZone } from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The calendar item (FullCalendar's event element) whose title is `title`. */
const item = (page: Page, title: string) =>
  page.locator('.cal-item', { has: page.locator('.cal-ev-title', { hasText: title }) }).first();

/** Centre of an element's box. */
async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Press at `from`, move in steps, release at `to`, as a mouse user drags. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** True if the item's box starts inside the month-view cell for `date`. */
async function isOnDay(page: Page, title: string, date: string): Promise<boolean> {
  const cell = await page.locator(`[role="cell"][data-date="${date}"]`).boundingBox();
  const box = await item(page, title).boundingBox();
  if (!cell || !box) return false;
  return box.x >= cell.x - 2 && box.x < cell.x + cell.width && box.y >= cell.y && box.y < cell.y + cell.height;
}

describe('calendar view on the production build', () => {
  it('shows the APEC leaders’ week as a band in October 2025; every view passes axe and the CSP', async () => {
    // (No waitForFunction in this test: Playwright evaluates it with eval, which the CSP reports.)
    const { page, context, errors, cspViolations } = await openPage(browser, '/calendar?view=month&date=2025-10-30', {
      timezoneId: 'Asia/Seoul',
    });
    await page.getByRole('heading', { name: 'October 2025' }).waitFor();
    const band = page.locator('.cal-band-window', { hasText: 'APEC 2025 Economic Leaders' }).first();
    await band.waitFor();
    // The band starts on Mon 27 Oct and runs to Sat 1 Nov: it covers the 27th's cell.
    const cell = (await page.locator('[role="cell"][data-date="2025-10-27"]').boundingBox())!;
    const bandBox = (await band.boundingBox())!;
    expect(bandBox.x).toBeLessThanOrEqual(cell.x + 2);
    expect(bandBox.x + bandBox.width).toBeGreaterThan(cell.x + cell.width * 5);
    expect(await page.getByText('Window, such as APEC leaders’ week').count()).toBe(1);
    const axe: Record<string, unknown> = {};
    for (const view of ['Week', 'List', 'Year', 'Month']) {
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: view }).click();
      await page.waitForURL((url) => url.searchParams.get('view') === view.toLowerCase());
      await page.locator('.cal-item, .cal-band').first().waitFor();
      const found = await seriousViolations(page);
      if (found.length) axe[view] = found;
    }
    expect(axe).toEqual({});
    expect(await cspViolations()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the hours of the display zone, and they change when it changes', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-10-30', {
      timezoneId: 'America/New_York',
    });
    const busan = item(page, 'Trump–Xi summit, Busan');
    await busan.waitFor();
    expect(await busan.locator('.cal-ev-time').textContent()).toBe('22:00–23:40 EDT');
    expect(await busan.locator('.cal-ev-local').textContent()).toBe(
      '11:00–12:40 KST in Gimhae International Airport / Gimhae Air Base',
    );
    await pickZone(page, 'Display time zone', 'Seoul', 'Asia/Seoul');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cal-item')].some(
        (el) =>
          el.textContent?.includes('Trump–Xi summit, Busan') &&
          el.querySelector('.cal-ev-time')?.textContent === '11:00–12:40 KST',
      ),
    );
    // In the week's time grid the item moves to the row of its new hour.
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
    await page.getByRole('heading', { name: /Oct/ }).waitFor();
    const weekItem = item(page, 'Trump–Xi summit, Busan');
    await weekItem.waitFor();
    expect(await weekItem.locator('.cal-ev-time').textContent()).toBe('11:00–12:40 KST');
    await context.close();
  });

  it('moves an item to another day by dragging, saves it at once, and it is still there after a reload', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=month&date=2025-10-30', {
      timezoneId: 'Asia/Seoul',
    });
    const title = 'Trump–Xi summit, Busan';
    await item(page, title).waitFor();
    expect(await isOnDay(page, title, '2025-10-30')).toBe(true);
    const from = await centre(item(page, title));
    const target = await centre(page.locator('[role="cell"][data-date="2025-10-23"]'));
    await drag(page, from, target);
    await page.getByText(`Moved "${title}": now Thu 23 Oct 2025, 11:00 KST.`).waitFor();
    await page.reload();
    await item(page, title).waitFor();
    expect(await isOnDay(page, title, '2025-10-23')).toBe(true);
    // Undo is offered, and the list view agrees: same local hours at its place, a week earlier.
    await page.goto(page.url().replace('view=month', 'view=list'));
    const moved = item(page, title);
    await moved.waitFor();
    expect(await moved.locator('.cal-ev-time').textContent()).toBe('11:00–12:40 KST');
    await context.close();
  });

  it('puts an item back and says why when a move cannot be saved', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=month&date=2025-10-30', {
      timezoneId: 'Asia/Seoul',
    });
    const title = 'Trump–Xi summit, Busan';
    await item(page, title).waitFor();
    // Delete the record underneath the app, as another program might: the save then finds nothing.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('summitry');
          open.onsuccess = () => {
            const tx = open.result.transaction('events', 'readwrite');
            tx.objectStore('events').delete('busan-summit-2025');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await drag(
      page,
      await centre(item(page, title)),
      await centre(page.locator('[role="cell"][data-date="2025-10-23"]')),
    );
    await page
      .getByText(
        `Could not reschedule "${title}": it no longer exists (deleted in another tab?). It is back where it was.`,
      )
      .waitFor();
    expect(await isOnDay(page, title, '2025-10-30')).toBe(true);
    await context.close();
  });

  it('creates an item by selecting days, edits it, deletes it and brings it back with Undo', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=month&date=2025-10-30', {
      timezoneId: 'Asia/Seoul',
    });
    await item(page, 'Trump–Xi summit, Busan').waitFor();
    const a = page.locator('[role="cell"][data-date="2025-10-14"]');
    const b = page.locator('[role="cell"][data-date="2025-10-15"]');
    const fromBox = (await a.boundingBox())!;
    const toBox = (await b.boundingBox())!;
    await drag(
      page,
      { x: fromBox.x + fromBox.width / 2, y: fromBox.y + fromBox.height - 8 },
      { x: toBox.x + toBox.width / 2, y: toBox.y + toBox.height - 8 },
    );
    const dialog = page.getByRole('dialog', { name: 'New item' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('First day').inputValue()).toBe('2025-10-14');
    expect(await dialog.getByLabel('Last day').inputValue()).toBe('2025-10-15');
    await dialog.getByLabel('Title', { exact: true }).fill('Sherpa preparatory talks');
    await dialog.getByLabel('Kind').selectOption('talks');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await item(page, 'Sherpa preparatory talks').waitFor();
    expect(await isOnDay(page, 'Sherpa preparatory talks', '2025-10-14')).toBe(true);

    // Edit: open it with the keyboard (focus, Enter).
    await item(page, 'Sherpa preparatory talks').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Edit Sherpa preparatory talks' }).waitFor();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Title', { exact: true }).fill('Sherpa talks, Seoul');
    await edit.getByRole('button', { name: '1 day later' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await item(page, 'Sherpa talks, Seoul').waitFor();
    expect(await isOnDay(page, 'Sherpa talks, Seoul', '2025-10-15')).toBe(true);

    // Delete, then Undo.
    await item(page, 'Sherpa talks, Seoul').click();
    const again = page.getByRole('dialog', { name: 'Edit Sherpa talks, Seoul' });
    await again.getByRole('button', { name: 'Delete' }).click();
    await again.waitFor({ state: 'detached' });
    await page.getByText('Deleted "Sherpa talks, Seoul".').waitFor();
    await page.locator('.cal-ev-title', { hasText: 'Sherpa talks, Seoul' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await item(page, 'Sherpa talks, Seoul').waitFor();
    await page.reload();
    await item(page, 'Sherpa talks, Seoul').waitFor();
    await context.close();
  });

  it('hides optional items and the conflicts they cause when “Include optional legs” is off, and remembers filters', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-10-30', {
      timezoneId: 'Asia/Shanghai',
    });
    await item(page, 'Rail: Beijing South → Shanghai Hongqiao').waitFor();
    // With the optional rail leg, the flight out of Beijing departs from the wrong place: a marked warning.
    const flight = item(
      page,
      'Flight: Beijing Capital International Airport → Gimhae International Airport / Gimhae Air Base',
    );
    await flight.and(page.locator('.cal-conflict-warning')).waitFor();
    expect(await flight.textContent()).toContain('Leg departs from the wrong place');
    await page.getByLabel('Include optional legs').uncheck();
    await flight.and(page.locator(':not(.cal-conflict)')).waitFor();
    await page.waitForFunction(
      () => ![...document.querySelectorAll('.cal-ev-title')].some((el) => el.textContent?.startsWith('Rail:')),
    );
    expect(await page.locator('.cal-ev-title', { hasText: 'Shanghai programme' }).count()).toBe(0);
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('group', { name: 'Kinds' }).getByLabel('Summit').check();
    await page.waitForFunction(
      () => ![...document.querySelectorAll('.cal-ev-title')].some((el) => el.textContent?.includes('State banquet')),
    );
    await page.reload();
    await item(page, 'Trump–Xi summit, Busan').waitFor();
    expect(await page.locator('.cal-ev-title', { hasText: 'State banquet' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Kinds' }).getByLabel('Summit').isChecked()).toBe(true);
    await context.close();
  });

  it('opens a week scrolled to its first timed item, not at midnight (issue 17)', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=week&date=2025-10-27', {
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 768 },
    });
    // Mon 27 Oct, 10:00 in Beijing: inside the first screen with the page itself not scrolled.
    const talks = item(page, 'Welcome ceremony and talks');
    await talks.waitFor();
    await expect
      .poll(async () => {
        const box = await talks.boundingBox();
        return box !== null && box.y > 0 && box.y + 20 < 768;
      })
      .toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });

  it('navigates by keyboard and keeps the view and date in the URL', async () => {
    const { page, context } = await openPage(browser, '/calendar?view=month&date=2025-10-30');
    await page.getByRole('heading', { name: 'October 2025' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'November 2025' }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe('2025-11-01');
    await page.keyboard.press('PageUp');
    await page.getByRole('heading', { name: 'October 2025' }).waitFor();
    await page.getByLabel('Go to date').fill('2026-05-14');
    await page.getByLabel('Go to date').press('Enter');
    await page.getByRole('heading', { name: 'May 2026' }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe('2026-05-14');
    await context.close();
  });
});
