/**
 * The fault-injection hook never ships: the production build (dist/) holds no trace of it, and
 * `?faults=1` does nothing there; only the test build (dist-faults/) has it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, faultsUrl, launchBrowser } from '../helpers/browser';

/** Strings only the fault hook has: its middleware name, its window property, its error text. */
const MARKERS = ['summitry-faults', '__summitryFaults', 'Injected write failure'];

function scriptsOf(dir: string): { name: string; text: string }[] {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(join(assets, name), 'utf8') }));
}
const markersIn = (dir: string) =>
  scriptsOf(dir).flatMap((s) => MARKERS.filter((m) => s.text.includes(m)).map((m) => `${s.name}: ${m}`));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function hookAfterOpening(origin: string): Promise<string> {
  const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(new URL('/calendar?view=list&date=2025-10-30&faults=1', origin).toString());
  await page.getByRole('main').locator('.cal-ev-title').first().waitFor();
  const kind = await page.evaluate(() => typeof (window as unknown as { __summitryFaults?: unknown }).__summitryFaults);
  await context.close();
  return kind;
}

describe('the fault-injection hook', () => {
  it('is in no script of the production build, and is in the test build', () => {
    expect(scriptsOf('dist').length).toBeGreaterThan(0);
    expect(markersIn('dist')).toEqual([]);
    expect(readdirSync('dist/assets').filter((f) => /fault/i.test(f))).toEqual([]);
    expect(markersIn('dist-faults')).not.toEqual([]);
  });

  it('?faults=1 installs nothing in the production build, and installs the hook in the test build', async () => {
    expect(await hookAfterOpening(baseUrl())).toBe('undefined');
    expect(await hookAfterOpening(faultsUrl())).toBe('object');
  });
});
