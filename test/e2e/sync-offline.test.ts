/**
 * Two members of a shared plan edit while offline (their browsers offline and the server down):
 * different fields of one item, and the same field of another. Once back, both browsers hold the
 * same plan with both different-field edits kept; the same-field clash is in Sync conflicts on
 * both sides with both values and who wrote them, and keeping one settles it everywhere.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OpenedPage, launchBrowser } from '../helpers/browser';
import {
  OTHER,
  SAMPLE,
  calendarItem,
  closePanel,
  editField,
  fieldOf,
  indicator,
  invite,
  join,
  openPanel,
  panel,
  problemsOf,
  rename,
  savedOnServer,
  sharePlan,
} from '../helpers/sync-browser';
import { type ServerProcess, startServer, tempDir } from '../server/helpers';

let browser: Browser;
const servers: ServerProcess[] = [];
const opened: OpenedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const o of opened) await o.context.close();
  await browser?.close();
  for (const s of servers) await s.stop();
});

const BANQUET = 'Banquet, retitled by Ana offline';
const NOTE = 'Seating plan from Bo, written offline';
const ANA_SUMMIT = 'Busan summit (Ana’s title)';
const BO_SUMMIT = 'Busan summit (Bo’s title)';

/** The title the summit has in this browser: one of the two offline values. */
async function summitTitle(page: Page): Promise<string | null> {
  for (const title of [ANA_SUMMIT, BO_SUMMIT]) if ((await calendarItem(page, title).count()) === 1) return title;
  return null;
}

it('offline edits by two members converge; the same-field clash is in Sync conflicts on both sides and keeping one settles it', async () => {
  const dataDir = await tempDir('e2e-offline');
  const first = await startServer({ dataDir });
  servers.push(first);
  const ana = await sharePlan(browser, first.url, 'Ana');
  opened.push(ana);
  const bo = await join(browser, await invite(ana.page, 'editor'), 'Bo');
  opened.push(bo);
  await closePanel(ana.page);
  await savedOnServer(ana.page);

  // Both go offline: the browsers lose the network and the server goes down.
  await ana.context.setOffline(true);
  await bo.context.setOffline(true);
  await first.stop();
  for (const p of [ana.page, bo.page]) await indicator(p).getByText('Offline').waitFor();

  await rename(ana.page, OTHER, BANQUET);
  await rename(ana.page, SAMPLE, ANA_SUMMIT);
  await editField(bo.page, OTHER, 'Notes', NOTE);
  await rename(bo.page, SAMPLE, BO_SUMMIT);
  // Nothing crossed while offline.
  expect(await calendarItem(bo.page, BANQUET).count()).toBe(0);
  expect(await calendarItem(ana.page, BO_SUMMIT).count()).toBe(0);

  // The server comes back on the same port and data; then the browsers, one after the other.
  servers.push(await startServer({ dataDir, port: first.port }));
  await bo.context.setOffline(false);
  await savedOnServer(bo.page);
  await ana.context.setOffline(false);
  for (const p of [ana.page, bo.page]) {
    await calendarItem(p, BANQUET).waitFor();
    await savedOnServer(p);
  }

  // Different fields of one item: both kept, on both sides.
  for (const p of [ana.page, bo.page]) expect(await fieldOf(p, BANQUET, 'Notes')).toBe(NOTE);
  // The same field of another item: one value on both sides, the other in Sync conflicts.
  await expect.poll(() => summitTitle(ana.page)).not.toBeNull();
  const kept = (await summitTitle(ana.page))!;
  const other = kept === ANA_SUMMIT ? BO_SUMMIT : ANA_SUMMIT;
  await calendarItem(bo.page, kept).waitFor();
  for (const p of [ana.page, bo.page]) {
    await indicator(p).getByText('1 to review').waitFor();
    const conflict = (await openPanel(p)).locator('.sync-conflict');
    await conflict.waitFor();
    expect(await conflict.count()).toBe(1);
    const text = await conflict.innerText();
    expect(text).toContain(`${kept} — ${kept === ANA_SUMMIT ? 'Ana' : 'Bo'},`);
    expect(text).toContain(`${other} — ${other === ANA_SUMMIT ? 'Ana' : 'Bo'},`);
  }

  // Bo keeps the value the merge set aside: both sides show it and neither lists the conflict.
  await panel(bo.page)
    .getByRole('button', { name: `Keep “${other}”` })
    .click();
  for (const p of [ana.page, bo.page]) {
    await panel(p).getByText('None: every change merged.').waitFor();
    await closePanel(p);
    await calendarItem(p, other).waitFor();
    expect(await calendarItem(p, kept).count()).toBe(0);
    await savedOnServer(p);
    expect(await indicator(p).getByText('to review').count()).toBe(0);
  }
  for (const o of [ana, bo]) expect(await problemsOf(o, { serverWasDown: true })).toEqual([]);
});
