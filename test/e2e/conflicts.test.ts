/**
 * The Conflicts view on the production build with the sample plan: the optional rail leg's
 * conflict, acceptances that survive a reload and reopen when an item moves, the date-range
 * check, and the overlap timeline by keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { launchBrowser, openPage } from '../helpers/browser';
import { fillDateTime } from '../helpers/browser-forms';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openConflicts(path = '/conflicts', timezoneId = 'Asia/Shanghai') {
  const opened = await openPage(browser, path, { timezoneId });
  await opened.page.getByRole('heading', { level: 2, name: 'Conflicts' }).waitFor();
  await opened.page.getByRole('heading', { name: /^Open \(\d+\)$/ }).waitFor();
  return opened;
}

const tab = (page: Page, name: RegExp | string) => page.getByRole('tab', { name });

const railCards = (page: Page) =>
  page.locator('main article.conflict-card').filter({ hasText: /only with [^\n]*Beijing South → Shanghai Hongqiao/ });

describe('conflicts view', () => {
  it('shows the rail-leg conflict only with optional legs included, in the list, the what-if and the timeline', async () => {
    const { page, context, errors } = await openConflicts();
    const toggle = page.getByLabel('Include optional legs');
    expect(await toggle.isChecked()).toBe(true);
    const card = railCards(page).filter({
      has: page.getByRole('heading', { name: 'Leg departs from the wrong place' }),
    });
    await card.waitFor();
    expect(await card.getByRole('button', { name: /^Beijing South → Shanghai Hongqiao/ }).count()).toBe(1);
    expect(await card.getByRole('button', { name: /^Beijing Capital International Airport → Gimhae/ }).count()).toBe(1);
    expect(await card.getByText('Warning', { exact: true }).count()).toBe(1);

    await toggle.uncheck();
    await page.getByText('Optional items are left out').waitFor();
    expect(await railCards(page).count()).toBe(0);
    expect(
      await page
        .locator('main')
        .getByRole('button', { name: /^Beijing South → Shanghai Hongqiao/ })
        .count(),
    ).toBe(0);

    await toggle.check();
    await railCards(page).first().waitFor();

    await tab(page, 'What if').click();
    const sentence = page.getByRole('heading', {
      name: /^Including the Beijing South → Shanghai Hongqiao rail leg \(Tue 28 Oct 2025\) adds \d+ (error|warning)/,
    });
    await sentence.waitFor();

    await tab(page, /^Conflict list/).click();
    await card.getByRole('button', { name: 'Show on timeline' }).click();
    const timeline = page.getByRole('group', { name: /^Overlap timeline, / });
    await timeline
      .getByRole('button', { name: /^Warning: Leg departs from the wrong place, Tue 28 Oct 2025, 18:00 CST \(China\)/ })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counts open errors and warnings on the Conflicts link, in words for assistive technology', async () => {
    const { page, context } = await openConflicts();
    const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Conflicts/ });
    await expect.poll(() => link.getAttribute('aria-label')).toMatch(/^Conflicts (\d+ errors?, )?\d+ warnings?$/);
    const before = Number((await link.getAttribute('aria-label'))!.match(/(\d+) warnings?$/)![1]);
    await page.getByLabel('Include optional legs').uncheck();
    await expect
      .poll(async () => Number((await link.getAttribute('aria-label'))!.match(/(\d+) warnings?$/)![1]))
      .toBeLessThan(before);
    await context.close();
  });

  it('counts the same open errors and warnings on the link and the tab; info-level overlaps are grouped and folded', async () => {
    const { page, context, errors } = await openConflicts();
    const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Conflicts/ });
    await expect.poll(() => link.getAttribute('aria-label')).toMatch(/^Conflicts (\d+ errors?, )?\d+ warnings?$/);
    const words = (await link.getAttribute('aria-label'))!.replace(/^Conflicts /, '');
    const listTab = tab(page, `Conflict list, ${words} to resolve`);
    await listTab.waitFor();
    expect(await listTab.locator('.badge').innerText()).toBe(await link.locator('.badge').innerText());
    const open = page.getByRole('region', { name: /^Open/ });
    const openCount = Number((await open.getByRole('heading', { level: 3 }).innerText()).match(/\((\d+)\)/)![1]);
    const linkCount = [...words.matchAll(/(\d+) (?:error|warning)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(openCount).toBe(linkCount);
    expect(await open.getByRole('heading', { level: 4, name: 'Overlap' }).count()).toBe(0);

    const fold = page.getByRole('button', { name: /^\d+ overlaps, mostly with windows$/ });
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    const folded = page.getByRole('region', { name: /^\d+ overlaps/ });
    expect(await folded.locator('article.conflict-card').count()).toBe(0);
    await page.getByText(/Folded below for information: \d+ overlaps, mostly with windows\./).waitFor();
    await fold.click();
    await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('true');
    const overlapCount = Number((await fold.innerText()).match(/(\d+) overlaps/)![1]);
    await expect.poll(() => folded.getByRole('heading', { level: 4, name: 'Overlap' }).count()).toBe(overlapCount);
    await fold.click();
    await expect.poll(() => folded.locator('article.conflict-card').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters the open conflicts by date and sorts them by date, both ways (issue 17)', async () => {
    const { page, context, errors } = await openConflicts();
    const open = page.getByRole('region', { name: /^Open/ });
    const times = () =>
      open
        .locator('article.conflict-card time.conflict-when')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    const all = await times();
    expect(all.length).toBeGreaterThan(2);
    const sorted = [...all].sort();
    expect(new Set(all).size).toBeGreaterThan(1);

    await page.getByLabel('Sort by').selectOption('date');
    await expect.poll(times).toEqual(sorted);
    await page.getByRole('button', { name: /reverse it/ }).click();
    await expect.poll(times).toEqual([...sorted].reverse());

    // From the first day of 2026: only the conflicts on or after it, still newest first.
    await page.getByLabel('From', { exact: true }).fill('2026-01-01');
    const later = sorted.filter((t) => t >= '2026-01-01').reverse();
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(all.length);
    await expect.poll(times).toEqual(later);
    // A range with none in it says so; clearing the filters brings every one back.
    await page.getByLabel('To', { exact: true }).fill('2026-06-30');
    await expect.poll(times).toEqual([]);
    await page.getByText(/^None to resolve shown \(of \d+\)/).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await times()).length).toBe(all.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('remembers an accepted conflict across a reload and reopens it when its item is moved', async () => {
    const { page, context } = await openConflicts();
    const open = page.getByRole('region', { name: /^Open/ });
    const accepted = page.getByRole('region', { name: /^Accepted/ });
    const night = (where: typeof open) => where.getByRole('article', { name: 'At night locally' });
    await night(open).getByRole('button', { name: 'Accept…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept this conflict' });
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await dialog.getByText('Say why this conflict is acceptable.').waitFor();
    await dialog.getByLabel(/Why is it acceptable/).fill('Xi takes calls late; agreed by both offices.');
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await night(accepted).waitFor();
    expect(await night(open).count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { name: /^Open \(\d+\)$/ }).waitFor();
    await night(accepted).getByText('Xi takes calls late; agreed by both offices.').waitFor();
    expect(await night(open).count()).toBe(0);

    // Move the call ten minutes later through the editor: still at night in Beijing, but changed.
    await night(accepted)
      .getByRole('button', { name: /^Trump–Xi phone call: April visit accepted/ })
      .click();
    const editor = page.getByRole('dialog', { name: /^Edit Trump–Xi phone call/ });
    await fillDateTime(editor, 'Start', '2025-11-24T09:10');
    await fillDateTime(editor, 'End', '2025-11-24T10:10');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await night(open).getByText('reopened', { exact: true }).waitFor();
    await night(open)
      .getByText(/Reopened because “Trump–Xi phone call: April visit accepted, Xi invited to the US” changed since\./)
      .waitFor();
    expect(await night(accepted).count()).toBe(0);
    await context.close();
  });

  it("checks 28 Oct – 2 Nov 2025 and finds the APEC leaders' meeting", async () => {
    const { page, context, errors } = await openConflicts('/conflicts', 'Europe/London');
    await tab(page, 'Check dates').click();
    await page.getByLabel('Take the dates of').selectOption('');
    await page.getByLabel('First day').fill('2025-10-28');
    await page.getByLabel('Last day').fill('2025-11-02');
    const overlaps = page.getByRole('region', { name: /^Overlaps/ });
    await overlaps.getByRole('button', { name: "32nd APEC Economic Leaders' Meeting, Gyeongju" }).waitFor();
    expect(
      await overlaps.getByText("Takes in all of “32nd APEC Economic Leaders' Meeting, Gyeongju” (2 days).").count(),
    ).toBe(1);
    await page.getByLabel('Last day').fill('2025-10-28');
    await page.getByLabel('First day').fill('2025-10-25');
    await page
      .getByRole('region', { name: /^Within 7 days/ })
      .getByText("Ends 2 days before “32nd APEC Economic Leaders' Meeting, Gyeongju” starts.")
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves through the timeline by keyboard and zooms with + and −', async () => {
    const { page, context } = await openConflicts();
    await tab(page, 'Overlap timeline').click();
    const timeline = page.getByRole('group', { name: /^Overlap timeline, / });
    const first = timeline.locator('[role="button"][tabindex="0"]');
    await first.focus();
    const label = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const marker = await label();
    expect(marker).toMatch(/^(Error|Warning|Info): /);
    await page.keyboard.press('ArrowRight');
    const next = await label();
    expect(next).toMatch(/^(Error|Warning|Info): /);
    expect(next).not.toBe(marker);
    await page.keyboard.press('ArrowLeft');
    expect(await label()).toBe(marker);
    await page.keyboard.press('ArrowDown');
    expect(await label()).not.toMatch(/^(Error|Warning|Info): /);
    const span = page.getByLabel('Span');
    const before = await span.inputValue();
    await page.keyboard.press('+');
    await expect.poll(() => span.inputValue()).toBe(String(Number(before) - 1));
    expect(await label()).not.toBe('');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(() => span.inputValue()).toBe(String(Number(before) + 1));
    // Back on a conflict marker, Enter shows that conflict in the list.
    for (let i = 0; i < 8 && !/^(Error|Warning|Info): /.test(await label()); i += 1)
      await page.keyboard.press('ArrowUp');
    const rule = (await label()).match(/^(?:Error|Warning|Info): ([^,]+),/)![1]!;
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /^Conflict list/, selected: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');
    expect(await page.evaluate(() => document.activeElement?.querySelector('h4')?.textContent)).toBe(rule);
    await context.close();
  });

  it('has no serious accessibility violation in any of its tools, nor in print', async () => {
    const { page, context } = await openConflicts();
    const found: Record<string, unknown> = {};
    for (const name of ['Conflict list', 'What if', 'Overlap timeline', 'Check dates']) {
      await tab(page, new RegExp(`^${name}`)).click();
      await page.getByRole('tabpanel', { name: new RegExp(`^${name}`) }).waitFor();
      const v = await seriousViolations(page);
      if (v.length) found[name] = v;
    }
    expect(found).toEqual({});
    await tab(page, /^Conflict list/).click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Export CSV' }).isVisible()).toBe(false);
    expect(await page.getByRole('tab', { name: 'What if' }).isVisible()).toBe(false);
    expect(await page.locator('main article.conflict-card').first().isVisible()).toBe(true);
    await context.close();
  });

  it('exports the list as a CSV download, made in the page', async () => {
    const { page, context, foreignRequests } = await openConflicts();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^summitry-conflicts-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^State,Severity,Rule,When,Items,Participants,Margin/);
    expect(text).toMatch(/Leg departs from the wrong place/);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
