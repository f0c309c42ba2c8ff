import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
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

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ics/${name}`, import.meta.url));

async function ready(page: Page) {
  await page.getByText('Trump–Xi summit, Busan').first().waitFor();
}

/** Click Export…, pick a format, and return the downloaded file's name and text. */
async function exportFile(page: Page, format: RegExp, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  if (fill) await fill(dialog);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const text = await readFile((await download.path())!, 'utf8');
  return { name: download.suggestedFilename(), text };
}

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  return dialog;
}

describe('import and export through the UI', () => {
  it('exports a backup, replaces another plan with it, and restores the automatic backup', async () => {
    const a = await openPage(browser, '/calendar');
    await ready(a.page);
    const { name, text } = await exportFile(a.page, /Backup \(\.json\)/);
    expect(name).toMatch(/^summitry-us-china-summitry-2025-26-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: 'summitry-backup', formatVersion: 2, planName: 'US–China summitry 2025–26', scope: { kind: 'plan' } });
    await a.context.close();

    backup.planName = 'Colleague’s draft';
    const busan = backup.tables.events.find((e: { id: string }) => e.id === 'busan-summit-2025');
    busan.title = 'Busan <b>summit</b> <img src=x onerror="window.__pwned=1">';
    const b = await openPage(browser, '/calendar');
    await ready(b.page);
    const dialog = await importFile(b.page, { name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await dialog.getByText('draft.json').first().waitFor();
    await dialog.getByRole('radio', { name: /Replace my plan with this backup/ }).check();
    await dialog.getByText(/records in your plan are replaced by the file’s/).waitFor();
    await dialog.getByRole('button', { name: 'Replace my plan…' }).click();
    await dialog.getByRole('button', { name: 'Yes, replace my plan' }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Colleague’s draft' }).waitFor();
    await b.page.getByText('Busan <b>summit</b> <img src=x onerror="window.__pwned=1">').first().waitFor();
    expect(await b.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await b.page.locator('main b, main img').count()).toBe(0);

    await b.page.getByRole('button', { name: 'Import…' }).click();
    const again = b.page.getByRole('dialog', { name: 'Import' });
    await again.getByRole('heading', { name: 'Automatic backups' }).waitFor();
    await again.getByRole('button', { name: /^Restore the backup of/ }).first().click();
    await again.getByRole('button', { name: 'Restore', exact: true }).click();
    await b.page.getByRole('heading', { level: 1, name: 'US–China summitry 2025–26' }).waitFor();
    await ready(b.page);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  it('imports an Outlook calendar: names the events it cannot read, imports the rest when asked', async () => {
    const { page, context, errors } = await openPage(browser, '/calendar', { timezoneId: 'Asia/Shanghai' });
    await ready(page);
    const dialog = await importFile(page, fixture('outlook.ics'));
    await dialog.getByText('2 events cannot be read and will be left out:').waitFor();
    await dialog.getByText(/"Meeting in an unknown zone" \(starts 2026-11-20 09:30\): its time zone "Atlantis Standard Time" is not known/).waitFor();
    await dialog.getByText(/What will change:.*6 to add/).waitFor();
    await dialog.getByRole('button', { name: 'Import the other 6 items' }).click();
    await page.getByRole('status').getByText(/Imported outlook\.ics: 6 added, 0 updated/).waitFor();
    const row = page.locator('.agenda-row', { hasText: 'Bilateral talks – Great Hall' });
    await expect(row.locator('.agenda-time').textContent()).resolves.toBe('10:00 CST');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the plan as .ics, and importing that file again changes nothing', async () => {
    const { page, context } = await openPage(browser, '/calendar');
    await ready(page);
    const { name, text } = await exportFile(page, /Calendar \(\.ics\)/);
    expect(name).toMatch(/\.ics$/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Summitry//Summitry ')).toBe(true);
    expect(text).toContain('UID:busan-summit-2025@summitry.local\r\n');
    expect(text).toContain('DTSTART:20251030T020000Z\r\n');
    const dialog = await importFile(page, { name, mimeType: 'text/calendar', buffer: Buffer.from(text) });
    await dialog.getByText(/What will change:.* 0 to add, 0 to update, \d+ unchanged/).waitFor();
    await expect(dialog.getByRole('button', { name: 'Nothing new to import' }).isDisabled()).resolves.toBe(true);
    await context.close();
  });

  it('encrypted backup: a wrong passphrase is refused with a message, the right one opens it', async () => {
    const { page, context } = await openPage(browser, '/calendar');
    await ready(page);
    const { name, text } = await exportFile(page, /Encrypted backup/, async (dialog) => {
      await dialog.getByLabel(/^Passphrase/).fill('long enough passphrase');
      await dialog.getByLabel('Repeat the passphrase').fill('long enough passphrase');
    });
    expect(name).toMatch(/\.encrypted\.json$/);
    expect(JSON.parse(text)).toMatchObject({ format: 'summitry-encrypted-backup', kdf: { name: 'PBKDF2', iterations: 600000 } });
    expect(text).not.toContain('Busan');
    const dialog = await importFile(page, { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await dialog.getByLabel('Passphrase').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Decrypt' }).click();
    await dialog.getByText(/could not be decrypted: the passphrase is wrong, or the file was changed/).waitFor();
    await dialog.getByLabel('Passphrase').fill('long enough passphrase');
    await dialog.getByRole('button', { name: 'Decrypt' }).click();
    await dialog.getByText(/Summitry backup of “US–China summitry 2025–26”/).waitFor();
    await context.close();
  });

  it('a hostile file is refused with a message and changes nothing', async () => {
    const { page, context } = await openPage(browser, '/calendar');
    await ready(page);
    const before = await page.locator('.agenda-row').count();
    const hostile = '{"format":"summitry-backup","formatVersion":2,"__proto__":{"polluted":true}}';
    const dialog = await importFile(page, { name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
    await dialog.getByRole('alert').getByText('evil.json cannot be imported. Nothing was changed.').waitFor();
    await dialog.getByText('the file: the key "__proto__" is not allowed.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('.agenda-row').count()).toBe(before);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    await context.close();
  });

  it('the dialogs pass axe, violate no CSP directive and send nothing anywhere', async () => {
    const { page, context, cspViolations, foreignRequests } = await openPage(browser, '/calendar');
    await ready(page);
    const found: Record<string, unknown> = {};
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('dialog', { name: 'Export' }).getByRole('radio', { name: /Encrypted backup/ }).check();
    let v = await seriousViolations(page);
    if (v.length) found.export = v;
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Cancel' }).click();
    const dialog = await importFile(page, fixture('google.ics'));
    await dialog.getByText(/What will change:/).waitFor();
    v = await seriousViolations(page);
    if (v.length) found.importReview = v;
    expect(found).toEqual({});
    expect(await cspViolations()).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
