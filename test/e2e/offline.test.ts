/**
 * Offline, storage faults, upgrades and several tabs, on the production build in Chromium.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, faultsUrl, launchBrowser } from '../helpers/browser';
import { fillDateTime } from '../helpers/browser-forms';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

const SAMPLE = 'Trump–Xi summit, Busan';
/** The calendar as a list of October 2025, where the sample summit and the items added here show. */
const CAL = '/calendar?view=list&date=2025-10-30';
/** Another October 2025 item, renamed in these tests. */
const OTHER = 'State banquet';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newContext(initScript?: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    viewport: { width: 1360, height: 900 },
  });
  if (initScript) await context.addInitScript(initScript);
  return context;
}

async function open(
  context: BrowserContext,
  path: string,
  origin = baseUrl(),
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(new URL(path, origin).toString());
  return { page, errors };
}

/** The calendar item titled exactly `title`. */
const calendarItem = (page: Page, title: string) =>
  page
    .getByRole('main')
    .locator('.cal-ev-title')
    .filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function addItem(page: Page, title: string) {
  await page.getByRole('button', { name: 'New item' }).click();
  const dialog = page.getByRole('dialog', { name: 'New item' });
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  await fillDateTime(dialog, 'Start', '2025-10-29T09:00');
  await fillDateTime(dialog, 'End', '2025-10-29T10:30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function renameInEditor(page: Page, from: string, to: string) {
  await calendarItem(page, from).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill(to);
  return dialog;
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('offline', () => {
  it('after one visit, loads with no network on every route, takes edits, and keeps them across reloads', async () => {
    const context = await newContext();
    const { page, errors } = await open(context, CAL);
    await calendarItem(page, SAMPLE).waitFor();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await calendarItem(page, SAMPLE).waitFor();
    for (const path of ['/overview', '/route', '/conflicts', CAL]) {
      await page.goto(new URL(path, baseUrl()).toString());
      await page
        .getByRole('link', { name: new RegExp(`^${path.slice(1).split('?')[0]}`, 'i') })
        .and(page.locator('[aria-current="page"]'))
        .waitFor();
    }
    await addItem(page, 'Drafted on the plane');
    const dialog = await renameInEditor(page, OTHER, `${OTHER} (offline edit)`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await calendarItem(page, `${OTHER} (offline edit)`).waitFor();
    await page.reload();
    await calendarItem(page, 'Drafted on the plane').waitFor();
    await calendarItem(page, `${OTHER} (offline edit)`).waitFor();
    await page.reload();
    await calendarItem(page, 'Drafted on the plane').waitFor();
    expect(await calendarItem(page, OTHER).count()).toBe(0);
    await page.getByRole('button', { name: 'Storage' }).click();
    await page
      .getByRole('dialog', { name: 'Storage' })
      .getByText('Ready: Summitry opens and works with no network.')
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('several tabs', () => {
  it('two pages see each other’s edits; the later save of a stale revision is refused and the edit kept', async () => {
    const context = await newContext();
    const one = (await open(context, CAL)).page;
    await calendarItem(one, SAMPLE).waitFor();
    const two = (await open(context, CAL)).page;
    await calendarItem(two, SAMPLE).waitFor();

    await addItem(one, 'Added in tab one');
    await calendarItem(two, 'Added in tab one').waitFor();

    const mine = await renameInEditor(one, OTHER, 'Call as tab one has it');
    const theirs = await renameInEditor(two, OTHER, 'Call as tab two has it');
    await theirs.getByRole('button', { name: 'Save' }).click();
    await calendarItem(one, 'Call as tab two has it').waitFor();

    await mine.getByRole('button', { name: 'Save' }).click();
    const alert = mine.getByRole('alert');
    await alert
      .getByText(
        'This item was changed in another tab or window; your edit is kept — review and save again, or discard.',
      )
      .waitFor();
    await alert.getByText(/Saved there now: “Call as tab two has it”/).waitFor();
    expect(await mine.getByLabel('Title', { exact: true }).inputValue()).toBe('Call as tab one has it');
    // Beside "Discard my edit and show theirs": a backup of the plan as stored, with this edit in it.
    await alert.getByRole('button', { name: 'Discard my edit and show theirs' }).waitFor();
    const backup = await readDownload(one, () =>
      alert.getByRole('button', { name: 'Download a backup with this edit' }).click(),
    );
    const file = JSON.parse(backup.text);
    expect(file.unsaved.map((u: { record: { title: string } }) => u.record.title)).toEqual(['Call as tab one has it']);
    expect(file.tables.events.some((e: { title: string }) => e.title === 'Call as tab two has it')).toBe(true);

    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.waitFor({ state: 'detached' });
    await calendarItem(one, 'Call as tab one has it').waitFor();
    await calendarItem(two, 'Call as tab one has it').waitFor();
    await context.close();
  });

  it('a delete from an editor opened before another tab saved is refused, and deletes nothing', async () => {
    const context = await newContext();
    const one = (await open(context, CAL)).page;
    await calendarItem(one, OTHER).waitFor();
    const two = (await open(context, CAL)).page;
    await calendarItem(two, OTHER).waitFor();

    await calendarItem(one, OTHER).click();
    const stale = one.getByRole('dialog');
    await stale.getByRole('button', { name: 'Delete' }).waitFor();
    const theirs = await renameInEditor(two, OTHER, 'Banquet as tab two has it');
    await theirs.getByRole('button', { name: 'Save' }).click();
    await calendarItem(one, 'Banquet as tab two has it').waitFor();

    await stale.getByRole('button', { name: 'Delete' }).click();
    await one.getByText(/^Not deleted: This item was changed in another tab or window since you opened it/).waitFor();
    expect(await stale.isVisible()).toBe(true);
    await one.reload();
    await calendarItem(one, 'Banquet as tab two has it').waitFor();
    await calendarItem(two, 'Banquet as tab two has it').waitFor();
    await context.close();
  });

  it('a tab whose database another tab upgrades is told to reload, and its save fails without losing the edit', async () => {
    const context = await newContext();
    const { page } = await open(context, CAL);
    await calendarItem(page, SAMPLE).waitFor();
    const dialog = await renameInEditor(page, SAMPLE, 'Busan, edited in the old tab');

    // A newer Summitry in another tab: a version above any schema's (Dexie opens version n as n × 10).
    const newer = (await open(context, '/favicon.svg')).page;
    await newer.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('summitry', 1000);
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page
      .getByText('Summitry was upgraded in another tab, so this tab can no longer save. Reload it to continue.')
      .waitFor();

    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/Not saved: The plan database is closed in this tab/)
      .waitFor();
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe('Busan, edited in the old tab');
    const backup = await readDownload(page, () =>
      dialog.getByRole('button', { name: 'Download a backup with this edit' }).click(),
    );
    expect(JSON.parse(backup.text).unsaved[0].record.title).toBe('Busan, edited in the old tab');
    await context.close();
  });

  it('an upgrade blocked by another tab is reported, and finishes once that tab lets go', async () => {
    const context = await newContext();
    const old = (await open(context, '/favicon.svg')).page;
    // A tab that holds the version-1 database open and ignores requests to close it.
    await old.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('summitry', 10);
          req.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = req.result;
            resolve();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    const { page } = await open(context, CAL);
    await page
      .getByRole('alert')
      .getByText('Close other Summitry tabs to finish the upgrade.', { exact: false })
      .waitFor();
    expect(await calendarItem(page, SAMPLE).count()).toBe(0);
    await old.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await calendarItem(page, SAMPLE).waitFor();
    expect(await page.getByText('Close other Summitry tabs to finish the upgrade.', { exact: false }).count()).toBe(0);
    await context.close();
  });
});

describe('storage faults', () => {
  it('an injected quota error says so, keeps the edit in the form, offers a backup with it, and writes nothing', async () => {
    const context = await newContext();
    const { page } = await open(context, `${CAL}&faults=1`, faultsUrl());
    await calendarItem(page, SAMPLE).waitFor();
    const dialog = await renameInEditor(page, SAMPLE, 'Busan summit, renamed on a full disk');
    await page.evaluate(() => {
      window.__summitryFaults!.failWrites = 'quota';
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert');
    await alert
      .getByText(/Not saved: The browser has no more room for Summitry’s data \(storage quota exceeded\)/)
      .waitFor();
    await alert.getByText('Nothing was written, and your edit is still here in the form.').waitFor();
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe('Busan summit, renamed on a full disk');

    const backup = await readDownload(page, () =>
      alert.getByRole('button', { name: 'Download a backup with this edit' }).click(),
    );
    expect(backup.name).toMatch(/^summitry-backup-\d{8}-\d{4}-unsaved\.json$/);
    const file = JSON.parse(backup.text);
    expect(file.format).toBe('summitry-backup');
    expect(file.unsaved[0].record.title).toBe('Busan summit, renamed on a full disk');
    expect(file.formatVersion).toBe(2);
    expect(file.tables.events.some((e: { title: string }) => e.title === SAMPLE)).toBe(true);

    // Nothing was written: another tab still reads the old title.
    const other = (await open(context, CAL, faultsUrl())).page;
    await calendarItem(other, SAMPLE).waitFor();
    expect(await calendarItem(other, 'Busan summit, renamed on a full disk').count()).toBe(0);

    await page.evaluate(() => {
      window.__summitryFaults!.failWrites = null;
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await calendarItem(other, 'Busan summit, renamed on a full disk').waitFor();
    await page.reload();
    await calendarItem(page, 'Busan summit, renamed on a full disk').waitFor();
    await context.close();
  });

  it('the backup offered when a save fails imports through Import…, the unsaved edit included', async () => {
    const context = await newContext();
    const { page, errors } = await open(context, `${CAL}&faults=1`, faultsUrl());
    await calendarItem(page, SAMPLE).waitFor();
    const editor = await renameInEditor(page, SAMPLE, 'Busan summit, kept through a backup');
    await page.evaluate(() => {
      window.__summitryFaults!.failWrites = 'quota';
    });
    await editor.getByRole('button', { name: 'Save' }).click();
    const alert = editor.getByRole('alert');
    const backup = await readDownload(page, () =>
      alert.getByRole('button', { name: 'Download a backup with this edit' }).click(),
    );
    await page.evaluate(() => {
      window.__summitryFaults!.failWrites = null;
    });
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    await calendarItem(page, SAMPLE).waitFor();

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
    await dialog
      .getByText(
        /carried 1 edit that could not be saved when it was made; it is included: Event "Busan summit, kept through a backup"/,
      )
      .waitFor();
    await dialog.getByText(/What will change:.*0 to add, 1 to update/).waitFor();
    await dialog.getByRole('button', { name: 'Import 1 change' }).click();
    await page
      .getByRole('status')
      .getByText(/Imported summitry-backup-.*: 0 added, 1 updated/)
      .waitFor();
    await calendarItem(page, 'Busan summit, kept through a backup').waitFor();
    await page.reload();
    await calendarItem(page, 'Busan summit, kept through a backup').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('where IndexedDB is refused, runs in memory with a warning that stays and an export', async () => {
    const context = await newContext(`
      IDBFactory.prototype.open = function () {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      };
    `);
    const { page, errors } = await open(context, CAL);
    await calendarItem(page, SAMPLE).waitFor();
    const warning = page.getByRole('alert').filter({ hasText: 'Your plan is only in memory.' });
    await warning.waitFor();
    await addItem(page, 'Kept in memory');
    await calendarItem(page, 'Kept in memory').waitFor();
    const exported = await readDownload(page, () =>
      warning.getByRole('button', { name: 'Export the plan (.json)' }).click(),
    );
    expect(JSON.parse(exported.text).tables.events.some((e: { title: string }) => e.title === 'Kept in memory')).toBe(
      true,
    );
    expect(await warning.count()).toBe(1);
    await page.getByRole('button', { name: /^Storage/ }).click();
    await page
      .getByRole('dialog', { name: 'Storage' })
      .getByText(/In memory only/)
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('warns at 80 % of the quota, and shows usage, quota and persistence in the Storage panel', async () => {
    const context = await newContext(`
      navigator.storage.estimate = async () => ({ usage: 9 * 1024 ** 3, quota: 10 * 1024 ** 3 });
    `);
    const { page } = await open(context, CAL);
    await calendarItem(page, SAMPLE).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Storage is 90 % full.' }).waitFor();
    await page.getByRole('button', { name: 'Storage details' }).click();
    const panel = page.getByRole('dialog', { name: 'Storage' });
    await panel.getByText('9 GB of 10 GB (90 %)').waitFor();
    await panel
      .getByText(/Granted|Not granted|Unknown/)
      .first()
      .waitFor();
    expect(await panel.getByRole('meter', { name: 'Storage used' }).getAttribute('value')).toBe('0.9');
    await context.close();
  });

  it('reminds the user when the last backup is more than a week old, until a backup is downloaded', async () => {
    const context = await newContext();
    const { page } = await open(context, CAL);
    await calendarItem(page, SAMPLE).waitFor();
    expect(await page.getByText(/Your last backup is/).count()).toBe(0);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('summitry');
          req.onsuccess = () => {
            const tx = req.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({
              key: 'lastBackupAt',
              value: new Date(Date.now() - 10 * 86_400_000).toISOString(),
            });
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const reminder = page.getByRole('status').filter({ hasText: 'Your last backup is 10 days old.' });
    await reminder.waitFor();
    const backup = await readDownload(page, () => reminder.getByRole('button', { name: 'Download a backup' }).click());
    expect(JSON.parse(backup.text).tables.events.length).toBeGreaterThan(10);
    await reminder.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Storage' }).click();
    await page
      .getByRole('dialog', { name: 'Storage' })
      .getByText(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/)
      .waitFor();
    expect(await page.getByRole('dialog', { name: 'Storage' }).getByText('Never').count()).toBe(0);
    await context.close();
  });
});

describe('updates', () => {
  let server: StaticServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'summitry-update-'));
    await cp('dist', join(dir, 'v1'), { recursive: true });
    await cp('dist', join(dir, 'v2'), { recursive: true });
    // The "new build": a changed index.html, with its new revision in the service worker's precache list.
    const html = await readFile(join(dir, 'v2', 'index.html'), 'utf8');
    await writeFile(
      join(dir, 'v2', 'index.html'),
      html.replace('<title>', '<meta name="summitry-build" content="v2" />\n    <title>'),
    );
    const sw = await readFile(join(dir, 'v2', 'sw.js'), 'utf8');
    const changed = sw.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1v2-test-build"');
    expect(changed).not.toBe(sw);
    await writeFile(join(dir, 'v2', 'sw.js'), changed);
    server = await startStaticServer(join(dir, 'v1'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('offers a new build with a banner; reloads the tab that asks, never one with an edit open', async () => {
    const context = await newContext();
    const { page: editing } = await open(context, CAL, server.url);
    await calendarItem(editing, SAMPLE).waitFor();
    await waitForServiceWorker(editing);
    const { page: other } = await open(context, '/route', server.url);
    await other.getByRole('heading', { name: 'Route', exact: true }).waitFor();
    await editing.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const dialog = await renameInEditor(editing, SAMPLE, 'Half-finished edit');

    server.setRoot(join(dir, 'v2'));
    await other.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const banner = other.getByRole('status').filter({ hasText: 'A new version of Summitry is ready.' });
    await banner.waitFor();
    await editing.getByText('A new version of Summitry is ready.').waitFor();

    await Promise.all([other.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await other.locator('meta[name="summitry-build"][content="v2"]').waitFor({ state: 'attached' });
    await other.getByRole('heading', { name: 'Route', exact: true }).waitFor();
    expect(await other.getByText('A new version of Summitry is ready.').count()).toBe(0);

    // The tab with the open edit is told, and keeps its edit: it was not reloaded.
    await editing.getByText('Summitry was updated in another tab. Reload this tab to use the new version.').waitFor();
    expect(await editing.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe('Half-finished edit');
    await context.close();
  });
});
