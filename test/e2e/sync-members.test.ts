/**
 * Members of a shared plan in Chromium against a real sync server: a removed member gets nothing
 * new and is told so; the indicator and the panel show who else has the plan open, by member name
 * only, and drop them when they close it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OpenedPage, launchBrowser } from '../helpers/browser';
import {
  OTHER,
  SAMPLE,
  calendarItem,
  closePanel,
  indicator,
  invite,
  join,
  openPanel,
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

/** Ana shares on a fresh server; Bo joins as an editor and Cy as a viewer. */
async function team(prefix: string) {
  const server = await startServer({ dataDir: await tempDir(prefix) });
  servers.push(server);
  const ana = await sharePlan(browser, server.url, 'Ana');
  opened.push(ana);
  const boLink = await invite(ana.page, 'editor');
  const cyLink = await invite(ana.page, 'viewer');
  await closePanel(ana.page);
  const bo = await join(browser, boLink, 'Bo');
  opened.push(bo);
  const cy = await join(browser, cyLink, 'Cy');
  opened.push(cy);
  return { ana, bo, cy };
}

/** A member's row in the Shared plan panel (opened if closed). */
async function memberRow(page: Page, name: string) {
  const p = await openPanel(page);
  return p
    .getByRole('region', { name: 'Members' })
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });
}

it('a removed member is told, and gets nothing written after the removal', async () => {
  const { ana, bo, cy } = await team('e2e-remove');
  await (await memberRow(ana.page, 'Bo')).getByRole('button', { name: 'Remove Bo' }).click();
  await (await memberRow(ana.page, 'Bo')).waitFor({ state: 'detached' });
  await closePanel(ana.page);

  // Bo is told, in the header and in the panel.
  await indicator(bo.page).getByText('Removed from the plan').waitFor();
  await (await openPanel(bo.page)).getByText('You are no longer a member of this plan').waitFor();
  await closePanel(bo.page);

  // Bo's edit made after the removal reaches no one; Ana's edit after it reaches Cy, never Bo.
  await rename(bo.page, SAMPLE, 'Bo, after his removal');
  await rename(ana.page, OTHER, 'Banquet, after Bo left');
  await calendarItem(cy.page, 'Banquet, after Bo left').waitFor();
  await savedOnServer(ana.page);
  await rename(ana.page, 'Banquet, after Bo left', 'Banquet, second edit after Bo left');
  await calendarItem(cy.page, 'Banquet, second edit after Bo left').waitFor();
  await savedOnServer(ana.page);
  for (const p of [ana.page, cy.page]) {
    expect(await calendarItem(p, 'Bo, after his removal').count()).toBe(0);
    expect(await calendarItem(p, SAMPLE).count()).toBe(1);
  }
  expect(await calendarItem(bo.page, OTHER).count()).toBe(1);
  expect(await calendarItem(bo.page, 'Banquet, after Bo left').count()).toBe(0);
  expect(await calendarItem(bo.page, 'Banquet, second edit after Bo left').count()).toBe(0);
  await indicator(bo.page).getByText('Removed from the plan').waitFor();

  // Opened again later, Bo's browser is refused by the server and still gets nothing new.
  await bo.page.reload();
  await calendarItem(bo.page, OTHER).waitFor();
  await indicator(bo.page).getByText('Removed from the plan').waitFor();
  await (await openPanel(bo.page)).getByText('You are no longer a member of this plan').waitFor();
  await closePanel(bo.page);
  expect(await calendarItem(bo.page, 'Banquet, second edit after Bo left').count()).toBe(0);
  for (const o of [ana, bo, cy]) expect(await problemsOf(o)).toEqual([]);
});

/**
 * Waits until the header's indicator has one of these titles. A member is counted as here as soon
 * as their presence arrives, and named once their sealed name has been opened ("Viewer 1a2b3c"
 * until then): read once, the title can still hold that stand-in (it did, in a loaded run).
 */
async function titled(page: Page, ...titles: string[]): Promise<void> {
  await page.locator(titles.map((t) => `.sync-indicator[title="${t}"]`).join(', ')).waitFor();
}

it('the indicator and the panel name the members who have the plan open, and drop them when they close it', async () => {
  const { ana, bo, cy } = await team('e2e-presence');
  const here = indicator(ana.page);
  await here.getByText('2 here').waitFor();
  await titled(ana.page, 'Also here: Bo, Cy', 'Also here: Cy, Bo');
  for (const name of ['Bo', 'Cy']) await (await memberRow(ana.page, name)).getByText('here now').waitFor();
  await closePanel(ana.page);
  // Bo sees Ana and Cy the same way.
  await indicator(bo.page).getByText('2 here').waitFor();
  await titled(bo.page, 'Also here: Ana, Cy', 'Also here: Cy, Ana');

  await cy.context.close();
  await here.getByText('1 here').waitFor();
  await titled(ana.page, 'Also here: Bo');
  const cyRow = await memberRow(ana.page, 'Cy');
  expect(await cyRow.getByText('here now').count()).toBe(0);
  await (await memberRow(ana.page, 'Bo')).getByText('here now').waitFor();
  await closePanel(ana.page);

  await bo.page.close();
  await here.locator('.sync-presence').waitFor({ state: 'detached' });
  expect(await here.getAttribute('title')).toBeNull();
  await savedOnServer(ana.page);
  expect(await problemsOf(ana)).toEqual([]);
});
