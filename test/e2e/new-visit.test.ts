import 'fake-indexeddb/auto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../helpers/browser';
import { fillDateTime } from '../helpers/browser-forms';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('artifacts', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const TITLE = 'Presidential visit to Korea, March 2027';

/** New place from the gazetteer: type, pick the first suggestion with Enter, add. */
async function addPlace(page: Page, query: string, expected: RegExp) {
  await page.locator('.route-toolbar').getByRole('button', { name: 'New place' }).click();
  const dialog = page.getByRole('dialog', { name: 'New place' });
  await dialog.getByRole('combobox', { name: 'Find a place' }).fill(query);
  await dialog.getByRole('option', { name: expected }).first().waitFor();
  await dialog.getByRole('combobox', { name: 'Find a place' }).press('Enter');
  await expect(dialog.getByLabel('Time zone').inputValue()).resolves.toBe('Asia/Seoul');
  await dialog.getByRole('button', { name: 'Add place' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function addLeg(page: Page, from: RegExp, to: RegExp, departs: string, arrives: string, mode: string) {
  await page.getByRole('button', { name: 'Add leg' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('From').selectOption({ label: (await optionLabel(dialog, 'From', from))! });
  await dialog.getByLabel('To').selectOption({ label: (await optionLabel(dialog, 'To', to))! });
  await fillDateTime(dialog, 'Departs', departs);
  await fillDateTime(dialog, 'Arrives', arrives);
  await dialog.getByLabel('Mode').selectOption(mode);
  await dialog.getByRole('button', { name: 'Save leg' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function optionLabel(scope: ReturnType<Page['getByRole']>, label: string, match: RegExp) {
  const labels = await scope.getByLabel(label).locator('option').allTextContents();
  return labels.find((l) => match.test(l));
}

async function addStop(page: Page, place: RegExp, title: string, kind: string, start: string, end: string) {
  await page.getByRole('button', { name: 'Add stop' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Place').selectOption({ label: (await optionLabel(dialog, 'Place', place))! });
  await dialog.getByLabel('What happens there').fill(title);
  await dialog.getByLabel('Kind').selectOption(kind);
  await fillDateTime(dialog, 'Starts', start);
  await fillDateTime(dialog, 'Ends', end);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('a visit drafted from scratch', () => {
  it('New place (airports found by their codes), New visit, its legs and programme: no false conflicts', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, '/route');
    await page.locator('.route-toolbar').getByRole('button', { name: 'New place' }).waitFor();
    await addPlace(page, 'ICN', /Incheon International Airport \(ICN\)/);
    await addPlace(page, 'OSN', /Osan Air Base \(OSN\)/);

    await page.locator('.route-toolbar').getByRole('button', { name: 'New visit' }).click();
    const visit = page.getByRole('dialog', { name: 'New visit' });
    await visit.getByLabel('Title').fill(TITLE);
    await visit.getByLabel('Guest').selectOption({ label: 'Donald J. Trump' });
    await visit.getByLabel('Host country').fill('South Korea');
    await visit.getByRole('button', { name: 'Add visit' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await expect(page.getByText('Added visit', { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('visit')).toMatch(/^visit-/);

    await addLeg(
      page,
      /^Joint Base Andrews/,
      /^Incheon International Airport/,
      '2027-03-08T10:00',
      '2027-03-09T14:30',
      'flight',
    );
    await addLeg(
      page,
      /^Incheon International Airport/,
      /^Osan Air Base/,
      '2027-03-09T16:00',
      '2027-03-09T17:30',
      'road',
    );
    // A visit day, as the date finder makes them, and a programme item inside it.
    await addStop(page, /^Osan Air Base/, 'Visit day at Osan', 'visit-day', '2027-03-10T09:00', '2027-03-10T18:00');
    await addStop(page, /^Osan Air Base/, 'Troop visit', 'meeting', '2027-03-10T10:00', '2027-03-10T12:00');

    const itinerary = page.locator('.route-itineraries');
    await itinerary.getByText('Troop visit').first().waitFor();
    await expect(itinerary.locator('li.it-leg').count()).resolves.toBe(2);
    await expect(itinerary.locator('.leg-route').first().textContent()).resolves.toBe('Washington, DC → Seoul');
    await page.screenshot({ path: 'artifacts/new-visit-route.png' });
    await expect(itinerary.locator('.it-conflict').count()).resolves.toBe(0);

    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: /^Conflicts/ })
      .click();
    await page.getByRole('heading', { name: /^Open \(\d+\)$/ }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const name of ['Troop visit', 'Visit day at Osan', 'Osan Air Base', 'Incheon International Airport'])
      expect(text, name).not.toContain(name);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
