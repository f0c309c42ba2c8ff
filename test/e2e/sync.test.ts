/**
 * A shared plan in Chromium against a real sync server started here: the owner shares, an editor
 * joins by the link, an edit crosses both ways, a viewer's write never reaches anyone, and the
 * server's storage holds none of the plan's text.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPage, launchBrowser } from '../helpers/browser';
import {
  OTHER,
  SAMPLE,
  calendarItem,
  closePanel,
  indicator,
  invite,
  join,
  rename,
  savedOnServer,
  sharePlan,
} from '../helpers/sync-browser';
import { type ServerProcess, startServer, storedBytes, tempDir } from '../server/helpers';

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

describe('a shared plan', () => {
  it('owner shares, editor joins by link, edits cross, a viewer cannot write, the server holds no plan text', async () => {
    // A name long enough not to turn up by chance in the base64url HMAC slots the server stores
    // ('Ana' did once, inside a slot: 'YH_wwHdsIadAna0KwMtXLg').
    const owner = await sharePlan(browser, server.url, 'Anastasia');
    opened.push(owner);
    const o = owner.page;
    const editorLink = await invite(o, 'editor');
    const viewerLink = await invite(o, 'viewer');
    expect(editorLink).toMatch(/#join=.+&server=/);
    await closePanel(o);

    const editor = await join(browser, editorLink, 'Bo');
    opened.push(editor);
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

    const viewer = await join(browser, viewerLink, 'Cy');
    opened.push(viewer);
    await calendarItem(viewer.page, 'Banquet, edited by Ana').waitFor();
    await rename(viewer.page, SAMPLE, 'Viewer tried this');
    // An edit made after the viewer's crosses; the viewer's never does.
    await rename(editor.page, 'Banquet, edited by Ana', 'Banquet, after the viewer');
    await calendarItem(o, 'Banquet, after the viewer').waitFor();
    await calendarItem(viewer.page, 'Banquet, after the viewer').waitFor();
    expect(await calendarItem(o, 'Viewer tried this').count()).toBe(0);
    expect(await calendarItem(editor.page, SAMPLE).count()).toBe(1);

    await savedOnServer(o);
    const stored = await storedBytes(dataDir);
    expect(stored.length).toBeGreaterThan(1000);
    for (const text of [SAMPLE, 'Banquet', 'Busan', 'Anastasia', 'Viewer tried this'])
      expect(stored).not.toContain(text);

    for (const p of [owner, editor, viewer]) {
      expect(await p.cspViolations()).toEqual([]);
      expect(p.foreignRequests).toEqual([]);
      expect(p.errors).toEqual([]);
    }
  });
});
