/**
 * A shared plan in Chromium against a real sync server started here: the owner shares, an editor
 * joins by the link, an edit crosses both ways, a viewer's write never reaches anyone, and the
 * server's storage holds none of the plan's text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPage, launchBrowser, openPage } from '../helpers/browser';
import { type ServerProcess, startServer, storedBytes, tempDir } from '../server/helpers';

const SAMPLE = 'Trump–Xi summit, Busan';
const OTHER = 'State banquet';
const CAL = '/calendar?view=list&date=2025-10-30';

let browser: Browser;
let server: ServerProcess;
let dataDir: string;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  dataDir = await tempDir('e2e-sync');
  server = await startServer({ dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const o of opened) await o.context.close();
  await browser?.close();
  await server?.stop();
});

const calendarItem = (page: Page, title: string) =>
  page
    .getByRole('main')
    .locator('.cal-ev-title')
    .filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });

async function rename(page: Page, from: string, to: string) {
  await calendarItem(page, from).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill(to);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await calendarItem(page, to).waitFor();
}

const indicator = (page: Page) => page.locator('.sync-indicator');

async function invite(owner: Page, role: 'editor' | 'viewer'): Promise<string> {
  const panel = owner.getByRole('dialog', { name: 'Shared plan' });
  await panel.getByRole('button', { name: `Invite ${role === 'editor' ? 'an editor' : 'a viewer'}` }).click();
  return panel.getByLabel(`Invitation link (${role})`).inputValue();
}

async function join(link: string, name: string): Promise<OpenedPage> {
  const o = await openPage(browser, link.replace(/^https?:\/\/[^/]+/, ''));
  opened.push(o);
  const dialog = o.page.getByRole('dialog', { name: 'Join a shared plan' });
  await dialog.getByLabel('Your name (shown to members)').fill(name);
  await dialog.getByRole('button', { name: 'Join the plan' }).click();
  await o.page.getByRole('dialog', { name: 'Shared plan' }).getByRole('button', { name: 'Close' }).click();
  await o.page.goto(new URL(CAL, o.page.url()).toString());
  await o.page.locator('.sync-indicator').click();
  await o.page.getByRole('dialog', { name: 'Shared plan' }).getByRole('button', { name: 'Close' }).click();
  await calendarItem(o.page, SAMPLE).waitFor();
  return o;
}

describe('a shared plan', () => {
  it('owner shares, editor joins by link, edits cross, a viewer cannot write, the server holds no plan text', async () => {
    const owner = await openPage(browser, CAL);
    opened.push(owner);
    const o = owner.page;
    await calendarItem(o, SAMPLE).waitFor();
    await o.getByRole('button', { name: 'Share plan…' }).click();
    const share = o.getByRole('dialog', { name: 'Share plan' });
    await share.getByLabel('Sync server').fill(server.url);
    await share.getByLabel('Your name (shown to members)').fill('Ana');
    await share.getByRole('button', { name: 'Share plan' }).click();
    await o.getByRole('dialog', { name: 'Shared plan' }).getByText('Ana (you)').waitFor();
    await indicator(o).getByText('Saved on the server').waitFor();

    const editorLink = await invite(o, 'editor');
    const viewerLink = await invite(o, 'viewer');
    expect(editorLink).toMatch(/#join=.+&server=/);
    await o.getByRole('dialog', { name: 'Shared plan' }).getByRole('button', { name: 'Close' }).click();

    const editor = await join(editorLink, 'Bo');
    // Joining made a plan of its own: the editor's own sample plan is still there beside it.
    await editor.page.getByRole('button', { name: 'Plans', exact: true }).click();
    const plans = editor.page.getByRole('dialog', { name: 'Plans' });
    await plans.locator('.plan-item-name', { hasText: 'Shared plan' }).waitFor();
    expect(await plans.locator('.plan-item-name').allTextContents()).toEqual([
      'US–China summitry 2025–26',
      'Shared plan',
    ]);
    await plans.getByRole('button', { name: 'Close' }).click();
    await rename(editor.page, OTHER, 'Banquet, edited by Bo');
    await calendarItem(o, 'Banquet, edited by Bo').waitFor();
    await rename(o, 'Banquet, edited by Bo', 'Banquet, edited by Ana');
    await calendarItem(editor.page, 'Banquet, edited by Ana').waitFor();
    await indicator(editor.page)
      .getByText(/2 here|1 here/)
      .waitFor();

    const viewer = await join(viewerLink, 'Cy');
    await calendarItem(viewer.page, 'Banquet, edited by Ana').waitFor();
    await rename(viewer.page, SAMPLE, 'Viewer tried this');
    // An edit made after the viewer's crosses; the viewer's never does.
    await rename(editor.page, 'Banquet, edited by Ana', 'Banquet, after the viewer');
    await calendarItem(o, 'Banquet, after the viewer').waitFor();
    await calendarItem(viewer.page, 'Banquet, after the viewer').waitFor();
    expect(await calendarItem(o, 'Viewer tried this').count()).toBe(0);
    expect(await calendarItem(editor.page, SAMPLE).count()).toBe(1);

    await indicator(o).getByText('Saved on the server').waitFor();
    const stored = await storedBytes(dataDir);
    expect(stored.length).toBeGreaterThan(1000);
    for (const text of [SAMPLE, 'Banquet', 'Busan', 'Ana', 'Viewer tried this']) expect(stored).not.toContain(text);

    for (const p of [owner, editor, viewer]) {
      expect(await p.cspViolations()).toEqual([]);
      expect(p.foreignRequests).toEqual([]);
      expect(p.errors).toEqual([]);
    }
  });
});
