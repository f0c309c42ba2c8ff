/**
 * The sync server is killed (SIGKILL) while a member is editing, right after her browser said
 * "Saved on the server", and restarted on the same port and data: what she was told was saved is
 * in the server's files (read back with the plan's keys), both browsers reconnect by themselves,
 * the edits made meanwhile arrive, and the indicator says "Saved on the server" again.
 */
import { readFile } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlanCipher, fromB64u, readAllRecords } from '../../src/sync/protocol';
import { type OpenedPage, launchBrowser } from '../helpers/browser';
import {
  OTHER,
  calendarItem,
  closePanel,
  editField,
  indicator,
  invite,
  join,
  problemsOf,
  savedOnServer,
  sharePlan,
  storedShare,
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
  for (const s of servers) await s.stop('SIGKILL');
});

const take = (i: number) => `Banquet, take ${i}`;

/** Records every text the indicator shows, and marks where each edit starts, in the page. */
async function watchIndicator(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __syncLog: string[] };
    w.__syncLog = [];
    const status = document.querySelector('.sync-indicator [role="status"]')!;
    const note = () => w.__syncLog.push(status.textContent ?? '');
    new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true });
    note();
  });
}

const mark = (page: Page, i: number) =>
  page.evaluate((n) => (window as unknown as { __syncLog: string[] }).__syncLog.push(`edit ${n}`), i);

/**
 * Whether the person was told edit `i` is saved: after it started, the indicator went to
 * "Syncing…" and then back to "Saved on the server" (only this browser writes).
 */
async function toldSaved(page: Page, i: number): Promise<boolean> {
  const log = await page.evaluate(() => (window as unknown as { __syncLog: string[] }).__syncLog);
  const after = log.slice(log.indexOf(`edit ${i}`) + 1);
  const syncing = after.findIndex((t) => t.startsWith('Syncing'));
  return syncing >= 0 && after.slice(syncing).includes('Saved on the server');
}

/** The banquet's title in the server's files, read with the plan's keys from the owner's browser. */
async function storedTitle(owner: Page, dataDir: string): Promise<string | undefined> {
  const { planId, keyring } = await storedShare(owner);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await readFile(joinPath(dataDir, `${planId}.ydoc`))));
  const keys = new Map(Object.entries(keyring).map(([epoch, key]) => [Number(epoch), fromB64u(key)]));
  const { records } = await readAllRecords(doc, await PlanCipher.open(planId, keys));
  const titles = records.map((r) => r.fields.title).filter((t): t is string => typeof t === 'string');
  return titles.find((t) => t.startsWith('Banquet, take ') || t === OTHER);
}

const takeOf = (title: string | undefined) => Number(/take (\d+)$/.exec(title ?? '')?.[1] ?? -1);

it('killed mid-sync and restarted, the server has every edit a browser was told was saved; browsers reconnect by themselves', async () => {
  const dataDir = await tempDir('e2e-restart');
  const first = await startServer({ dataDir });
  servers.push(first);
  const ana = await sharePlan(browser, first.url, 'Ana');
  opened.push(ana);
  const bo = await join(browser, await invite(ana.page, 'editor'), 'Bo');
  opened.push(bo);
  await closePanel(ana.page);
  await savedOnServer(ana.page);
  await watchIndicator(ana.page);

  // Ana edits one item again and again; once an edit has been shown as saved (after edit 2), the
  // next is saved in the browser and the server is killed at once, while that one is on its way.
  let current = OTHER;
  let confirmed = -1;
  for (let i = 1; confirmed < 0; i++) {
    if (i > 12) throw new Error('The indicator never went Syncing → Saved after an edit.');
    await mark(ana.page, i);
    await editField(ana.page, current, 'Title', take(i));
    current = take(i);
    await calendarItem(ana.page, current).waitFor();
    if (i < 2) continue;
    await expect
      .poll(() => toldSaved(ana.page, i), { timeout: 15_000 })
      .toBe(true)
      .then(
        () => (confirmed = i),
        () => undefined,
      );
  }
  await mark(ana.page, confirmed + 1);
  await editField(ana.page, current, 'Title', take(confirmed + 1));
  await first.stop('SIGKILL');
  current = take(confirmed + 1);
  await calendarItem(ana.page, current).waitFor();

  // What the server had said it stored is in its files.
  expect(takeOf(await storedTitle(ana.page, dataDir))).toBeGreaterThanOrEqual(confirmed);

  // Edited while the server is down, then the server comes back on the same port and data.
  await indicator(ana.page).getByText('Offline').or(indicator(ana.page).getByText('Connecting…')).waitFor();
  const last = take(confirmed + 2);
  await editField(ana.page, current, 'Title', last);
  await calendarItem(ana.page, last).waitFor();
  servers.push(await startServer({ dataDir, port: first.port }));

  for (const p of [ana.page, bo.page]) {
    await calendarItem(p, last).waitFor();
    await savedOnServer(p);
  }
  expect(await storedTitle(ana.page, dataDir)).toBe(last);
  // And an edit still crosses the other way.
  await editField(bo.page, last, 'Title', 'Banquet, after the restart');
  await calendarItem(ana.page, 'Banquet, after the restart').waitFor();
  for (const o of [ana, bo]) expect(await problemsOf(o, { serverWasDown: true })).toEqual([]);
});
