/**
 * A shared plan in Chromium, the way a person uses it: share from the header, invite from the
 * Shared plan panel, join by the link, edit items in the calendar's list, read the sync indicator.
 * The sync server itself is a real process (test/server/helpers.ts).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { type OpenedPage, openPage } from './browser';

/** Two items of the sample plan, both in the list view at CAL. */
export const SAMPLE = 'Trump–Xi summit, Busan';
export const OTHER = 'State banquet';
export const CAL = '/calendar?view=list&date=2025-10-30';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const calendarItem = (page: Page, title: string) =>
  page
    .getByRole('main')
    .locator('.cal-ev-title')
    .filter({ hasText: new RegExp(`^${escape(title)}$`) });

export const indicator = (page: Page) => page.locator('.sync-indicator');
export const panel = (page: Page) => page.getByRole('dialog', { name: 'Shared plan' });

/** Waits until the header's indicator says the server stored every change of this browser. */
export async function savedOnServer(page: Page): Promise<void> {
  await indicator(page).getByText('Saved on the server').waitFor();
}

export async function openPanel(page: Page) {
  const p = panel(page);
  if (!(await p.isVisible())) await indicator(page).click();
  await p.waitFor();
  return p;
}

/**
 * Closes the panel from the keyboard (focus on Close, Enter): a click aims at where the button was
 * drawn, and the panel's lines can still be reflowing (a status line, an invitation link added),
 * so on a busy machine a click could land beside it.
 */
export async function closePanel(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Close' }).press('Enter');
  await panel(page).waitFor({ state: 'detached' });
}

/**
 * Opens an item's editor. A click that lands while the calendar redraws its events (a sync
 * update arriving) presses on one element and releases on its replacement, which is no click
 * at all, for a person as for a test: so it clicks again until the editor is open.
 */
async function openEditor(page: Page, title: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: /^Edit / });
  for (let attempt = 1; ; attempt++) {
    await calendarItem(page, title).click();
    try {
      await dialog.waitFor({ timeout: 20_000 });
      return dialog;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}

/** Opens an item's editor, changes one field (by its label) and saves. */
export async function editField(page: Page, title: string, label: string, value: string): Promise<void> {
  const dialog = await openEditor(page, title);
  await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

export async function rename(page: Page, from: string, to: string): Promise<void> {
  await editField(page, from, 'Title', to);
  await calendarItem(page, to).waitFor();
}

/** What one field of an item holds (its editor opened and cancelled). */
export async function fieldOf(page: Page, title: string, label: string): Promise<string> {
  const dialog = await openEditor(page, title);
  const value = await dialog.getByLabel(label, { exact: true }).inputValue();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  return value;
}

/** Opens the app in a fresh context and shares its (sample) plan on `serverUrl` as `name`. */
export async function sharePlan(browser: Browser, serverUrl: string, name: string): Promise<OpenedPage> {
  const owner = await openPage(browser, CAL);
  const o = owner.page;
  await calendarItem(o, SAMPLE).waitFor();
  await o.getByRole('button', { name: 'Share plan…' }).click();
  const share = o.getByRole('dialog', { name: 'Share plan' });
  await share.getByLabel('Sync server').fill(serverUrl);
  await share.getByLabel('Your name (shown to members)').fill(name);
  await share.getByRole('button', { name: 'Share plan' }).click();
  await panel(o).getByText(`${name} (you)`).waitFor();
  await savedOnServer(o);
  await closePanel(o);
  return owner;
}

/**
 * The owner makes an invitation link in the Shared plan panel (left open). The button is pressed
 * from the keyboard, as `closePanel` does: the panel reflows as links are added and its status
 * line changes, and a click aimed where the button was drawn once landed beside it (a loaded run).
 */
export async function invite(owner: Page, role: 'editor' | 'viewer'): Promise<string> {
  const p = await openPanel(owner);
  const links = p.getByLabel(`Invitation link (${role})`);
  const before = await links.count();
  await p.getByRole('button', { name: `Invite ${role === 'editor' ? 'an editor' : 'a viewer'}` }).press('Enter');
  await links.nth(before).waitFor();
  return links.nth(before).inputValue();
}

/** Opens the invitation link in a fresh context, joins as `name`, and waits for the plan's items. */
export async function join(browser: Browser, link: string, name: string): Promise<OpenedPage> {
  const o = await openPage(browser, link.replace(/^https?:\/\/[^/]+/, ''));
  const dialog = o.page.getByRole('dialog', { name: 'Join a shared plan' });
  await dialog.getByLabel('Your name (shown to members)').fill(name);
  await dialog.getByRole('button', { name: 'Join the plan' }).click();
  await closePanel(o.page);
  await o.page.goto(new URL(CAL, o.page.url()).toString());
  await calendarItem(o.page, SAMPLE).waitFor();
  await savedOnServer(o.page);
  return o;
}

/** This browser's membership as the sync client keeps it (the sync database's `app/share`). */
export interface StoredShare {
  planId: string;
  memberId: string;
  keyring: Record<string, string>;
}

export function storedShare(page: Page): Promise<StoredShare> {
  return page.evaluate(
    () =>
      new Promise<StoredShare>((resolve, reject) => {
        const open = indexedDB.open('summitry-sync');
        open.onerror = () => reject(new Error('The sync database did not open.'));
        open.onsuccess = () => {
          const get = open.result.transaction('state').objectStore('state').get('app/share');
          get.onerror = () => reject(new Error('The share settings could not be read.'));
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { value: StoredShare }).value);
          };
        };
      }),
  );
}

/** Chromium's own console line for a sync connection that could not be made (server down, browser offline). */
const SOCKET_FAILED = /^console: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed: /;

/**
 * Page errors, CSP violations and requests to other origins: none are expected. With
 * `serverWasDown`, Chromium's own report of a refused sync connection is not counted (the test
 * took the server or the network away on purpose); every other console error still is.
 */
export async function problemsOf(o: OpenedPage, options: { serverWasDown?: boolean } = {}): Promise<string[]> {
  const errors = options.serverWasDown ? o.errors.filter((e) => !SOCKET_FAILED.test(e)) : o.errors;
  return [...(await o.cspViolations()), ...o.foreignRequests, ...errors];
}
