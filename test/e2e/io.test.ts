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

/** The calendar as a list of October 2025, where the sample Busan summit shows. */
const CAL = '/calendar?view=list&date=2025-10-30';

async function ready(page: Page) {
  await page.getByText('Trump–Xi summit, Busan').first().waitFor();
}

/** Click Export…, pick a format, and return the downloaded file's name and text. */
async function exportFile(page: Page, format: RegExp, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  if (fill) await fill(dialog);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  return { name: download.suggestedFilename(), text };
}

const withoutExportedAt = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  return dialog;
}

describe('import and export through the UI', () => {
  it('exports a backup, replaces another plan with it, and restores the automatic backup', async () => {
    const a = await openPage(browser, CAL);
    await ready(a.page);
    const { name, text } = await exportFile(a.page, /Backup \(\.json\)/);
    expect(name).toMatch(/^summitry-us-china-summitry-2025-26-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({
      format: 'summitry-backup',
      formatVersion: 2,
      planName: 'US–China summitry 2025–26',
      scope: { kind: 'plan' },
    });
    await a.context.close();

    backup.planName = 'Colleague’s draft';
    const busan = backup.tables.events.find((e: { id: string }) => e.id === 'busan-summit-2025');
    busan.title = 'Busan <b>summit</b> <img src=x onerror="window.__pwned=1">';
    const b = await openPage(browser, CAL);
    await ready(b.page);
    const dialog = await importFile(b.page, {
      name: 'draft.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
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
    await again
      .getByRole('button', { name: /^Restore the backup of/ })
      .first()
      .click();
    await again.getByRole('button', { name: 'Restore', exact: true }).click();
    await b.page.getByRole('heading', { level: 1, name: 'US–China summitry 2025–26' }).waitFor();
    await ready(b.page);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  it('a backup downloaded from the Storage panel imports through Import… and gives back the same plan', async () => {
    const a = await openPage(browser, CAL);
    await ready(a.page);
    // An edit, so the backed-up plan differs from the sample plan another browser starts with.
    await a.page.getByText('Trump–Xi summit, Busan').first().click();
    const editor = a.page.getByRole('dialog');
    await editor.getByLabel('Title', { exact: true }).fill('Busan summit, as backed up');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await a.page.getByRole('button', { name: 'Storage', exact: true }).click();
    const panel = a.page.getByRole('dialog', { name: 'Storage' });
    const [download] = await Promise.all([
      a.page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download a backup (.json)' }).click(),
    ]);
    const stored = { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
    expect(stored.name).toMatch(/^summitry-backup-\d{8}-\d{4}\.json$/);
    expect(JSON.parse(stored.text)).toMatchObject({
      format: 'summitry-backup',
      formatVersion: 2,
      scope: { kind: 'plan' },
    });
    await panel.getByRole('button', { name: 'Close' }).click();
    const expected = await exportFile(a.page, /Backup \(\.json\)/);
    await a.context.close();

    const b = await openPage(browser, CAL);
    await ready(b.page);
    const dialog = await importFile(b.page, {
      name: stored.name,
      mimeType: 'application/json',
      buffer: Buffer.from(stored.text),
    });
    await dialog.getByText(/Summitry backup of “US–China summitry 2025–26” \(format 2,/).waitFor();
    await dialog.getByRole('radio', { name: /Replace my plan with this backup/ }).check();
    await dialog.getByText(/records in your plan are replaced by the file’s/).waitFor();
    await dialog.getByRole('button', { name: 'Replace my plan…' }).click();
    await dialog.getByRole('button', { name: 'Yes, replace my plan' }).click();
    await b.page
      .getByRole('status')
      .getByText(/Plan replaced with summitry-backup-/)
      .waitFor();
    await b.page.getByText('Busan summit, as backed up').first().waitFor();
    const after = await exportFile(b.page, /Backup \(\.json\)/);
    expect(withoutExportedAt(after.text)).toBe(withoutExportedAt(expected.text));
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  it('imports an Outlook calendar: names the events it cannot read, imports the rest when asked', async () => {
    const { page, context, errors } = await openPage(browser, CAL, { timezoneId: 'Asia/Shanghai' });
    await ready(page);
    const dialog = await importFile(page, fixture('outlook.ics'));
    await dialog.getByText('2 events cannot be read and will be left out:').waitFor();
    await dialog
      .getByText(
        /"Meeting in an unknown zone" \(starts 2026-11-20 09:30\): its time zone "Atlantis Standard Time" is not known/,
      )
      .waitFor();
    await dialog.getByText(/What will change:.*6 to add/).waitFor();
    await dialog.getByRole('button', { name: 'Import the other 6 items' }).click();
    await page
      .getByRole('status')
      .getByText(/Imported outlook\.ics: 6 added, 0 updated/)
      .waitFor();
    await page.getByLabel('Go to date').fill('2026-05-14');
    await page.getByLabel('Go to date').press('Enter');
    const row = page.locator('.cal-item', { hasText: 'Bilateral talks – Great Hall' });
    await expect(row.locator('.cal-ev-time').textContent()).resolves.toBe('10:00–11:30 CST (China)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the plan as .ics, and importing that file again changes nothing', async () => {
    const { page, context } = await openPage(browser, CAL);
    await ready(page);
    const { name, text } = await exportFile(page, /Calendar \(\.ics\)/);
    expect(name).toMatch(/\.ics$/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Summitry//Summitry ')).toBe(true);
    expect(text).toContain('UID:busan-summit-2025@summitry.local\r\n');
    // Each timed item in its place's zone (11:00 in Gyeongju), with that zone's VTIMEZONE.
    expect(text).toContain('DTSTART;TZID=Asia/Seoul:20251030T110000\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\n');
    const dialog = await importFile(page, { name, mimeType: 'text/calendar', buffer: Buffer.from(text) });
    await dialog.getByText(/What will change:.* 0 to add, 0 to update, \d+ unchanged/).waitFor();
    await expect(dialog.getByRole('button', { name: 'Nothing new to import' }).isDisabled()).resolves.toBe(true);
    await context.close();
  });

  it('encrypted backup: a wrong passphrase is refused with a message, the right one opens it', async () => {
    const { page, context } = await openPage(browser, CAL);
    await ready(page);
    const { name, text } = await exportFile(page, /Encrypted backup/, async (dialog) => {
      await dialog.getByLabel(/^Passphrase/).fill('long enough passphrase');
      await dialog.getByLabel('Repeat the passphrase').fill('long enough passphrase');
    });
    expect(name).toMatch(/\.encrypted\.json$/);
    expect(JSON.parse(text)).toMatchObject({
      format: 'summitry-encrypted-backup',
      kdf: { name: 'PBKDF2', iterations: 600000 },
    });
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
    const { page, context } = await openPage(browser, CAL);
    await ready(page);
    const before = await page.locator('.cal-item').count();
    const hostile = '{"format":"summitry-backup","formatVersion":2,"__proto__":{"polluted":true}}';
    const dialog = await importFile(page, {
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostile),
    });
    await dialog.getByRole('alert').getByText('evil.json cannot be imported. Nothing was changed.').waitFor();
    await dialog.getByText('the file: the key "__proto__" is not allowed.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('.cal-item').count()).toBe(before);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await context.close();
  });

  it('the dialogs pass axe, violate no CSP directive and send nothing anywhere', async () => {
    const { page, context, cspViolations, foreignRequests } = await openPage(browser, CAL);
    await ready(page);
    const found: Record<string, unknown> = {};
    await page.getByRole('button', { name: 'Export…' }).click();
    await page
      .getByRole('dialog', { name: 'Export' })
      .getByRole('radio', { name: /Encrypted backup/ })
      .check();
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
