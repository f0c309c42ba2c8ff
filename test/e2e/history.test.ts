import type { Browser, Locator } from 'playwright-core';
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

/** The History panel's entry whose label is `label` (newest first, so the first such). */
const entry = (panel: Locator, label: string) =>
  panel
    .locator('.history-entry')
    .filter({ has: panel.page().getByText(label, { exact: true }) })
    .first();

describe('history panel', () => {
  it('lists an edit with its fields before → after, undoes it, and restores a deleted item from its entry', async () => {
    const { page, context, errors, cspViolations } = await openPage(browser, '/calendar?view=list&date=2025-10-30', {
      timezoneId: 'Asia/Seoul',
    });
    await page.getByText('Trump–Xi summit, Busan').first().click();
    await page.getByRole('dialog', { name: 'Edit Trump–Xi summit, Busan' }).waitFor();
    const editor = page.getByRole('dialog'); // its name follows the title as it is typed
    await editor.getByLabel('Title', { exact: true }).fill('Busan summit, renamed');
    await editor.getByRole('button', { name: '1 hour later' }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.locator('.cal-ev-title', { hasText: 'Busan summit, renamed' }).first().waitFor();

    // The entry: label, when, which device; opened, each field before → after (times in the item's zone).
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'History' });
    await panel.waitFor();
    expect(page.url()).toMatch(/[?&]panel=history$/);
    const saved = entry(panel, "Saved 'Busan summit, renamed'");
    await saved.waitFor();
    expect(await saved.locator('.history-meta').textContent()).toMatch(/\d{2}:\d{2}.* · .+ · Edit$/);
    await saved.getByRole('button', { name: /Saved 'Busan summit, renamed'/ }).click();
    const title = saved.getByRole('row', { name: /^Title/ });
    expect(await title.locator('.before').textContent()).toBe('Trump–Xi summit, Busan');
    expect(await title.locator('.after').textContent()).toBe('→ Busan summit, renamed');
    const starts = saved.getByRole('row', { name: /^Starts/ });
    expect(await starts.locator('.before').textContent()).toMatch(/KST$/);
    expect(await starts.locator('.after').textContent()).toMatch(/KST$/);
    expect(await starts.locator('.before').textContent()).not.toBe(
      (await starts.locator('.after').textContent())!.replace('→ ', ''),
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Undo it from the panel: the old title comes back, and the undo is an entry of its own.
    await saved.getByRole('button', { name: 'Undo', exact: true }).click();
    await panel.getByText("Undone: Saved 'Busan summit, renamed'.", { exact: true }).first().waitFor();
    await entry(panel, "Undid: Saved 'Busan summit, renamed'").waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    await page.locator('.cal-ev-title', { hasText: 'Trump–Xi summit, Busan' }).first().waitFor();
    expect(await page.locator('.cal-ev-title', { hasText: 'Busan summit, renamed' }).count()).toBe(0);

    // Delete the item, then restore it from its entry, reached through the item's own History link.
    await page.getByText('Trump–Xi summit, Busan').first().click();
    const again = page.getByRole('dialog', { name: 'Edit Trump–Xi summit, Busan' });
    await again.getByRole('button', { name: 'History of this item' }).click();
    const own = page.getByRole('dialog', { name: 'History' });
    await own.getByText('Showing the history of “Trump–Xi summit, Busan”.', { exact: false }).waitFor();
    expect(page.url()).toMatch(/[?&]item=events%2F/);
    expect(await own.locator('.history-entry').count()).toBe(2);
    await own.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Trump–Xi summit, Busan').first().click();
    const third = page.getByRole('dialog', { name: 'Edit Trump–Xi summit, Busan' });
    await third.getByRole('button', { name: 'Delete' }).click();
    await third.waitFor({ state: 'detached' });
    await page.locator('.cal-ev-title', { hasText: 'Trump–Xi summit, Busan' }).first().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'History', exact: true }).click();
    const last = page.getByRole('dialog', { name: 'History' });
    const deleted = entry(last, "Deleted 'Trump–Xi summit, Busan'");
    await deleted.getByRole('button', { name: /Deleted 'Trump–Xi summit, Busan'/ }).click();
    await deleted.getByRole('button', { name: 'Restore “Trump–Xi summit, Busan”' }).click();
    await last.getByText("Restored 'Trump–Xi summit, Busan'.", { exact: true }).first().waitFor();
    await last.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    await page.reload();
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();

    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });
});
