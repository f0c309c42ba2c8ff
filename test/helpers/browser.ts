/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser) and opens
 * pages on the locally served production build.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The served build: from the e2e global setup inside vitest, else SUMMITRY_URL, else :4173. */
export function baseUrl(): string {
  return globalThis.__summitryBaseUrl ?? process.env.SUMMITRY_URL ?? 'http://127.0.0.1:4173';
}

/**
 * The served fault-injection test build (dist-faults/, where `?faults=1` installs
 * `window.__summitryFaults`): from the e2e global setup, else SUMMITRY_FAULTS_URL.
 */
export function faultsUrl(): string {
  const url = globalThis.__summitryFaultsUrl || process.env.SUMMITRY_FAULTS_URL;
  if (!url) throw new Error('No fault-injection build is served: build dist-faults/ (npm run build:faults).');
  return url;
}

declare global {
  var __summitryBaseUrl: string | undefined;
  var __summitryFaultsUrl: string | undefined;
}
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far. */
  errors: string[];
  /** Every request the context made to an origin other than the app's own. */
  foreignRequests: string[];
  /** Content-Security-Policy violations reported in the page so far. */
  cspViolations: () => Promise<string[]>;
}

/** Collects `securitypolicyviolation` events before any app code runs. */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  });
`;

/** A fresh context (its own IndexedDB) with a page at `path`, in a fixed zone and locale. */
export async function openPage(
  browser: Browser,
  path = '/',
  options: {
    timezoneId?: string;
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
  } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    timezoneId: options.timezoneId ?? 'Europe/London',
    locale: 'en-GB',
    viewport: options.viewport ?? { width: 1360, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  // Playwright waits 30 s for an action or a locator by default; a very busy machine can need
  // more for a first render, and a wait returns as soon as its condition holds anyway.
  context.setDefaultTimeout(90_000);
  const origin = new URL(baseUrl()).origin;
  const foreignRequests: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  await context.addInitScript(CSP_LISTENER);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(new URL(path, baseUrl()).toString());
  const cspViolations = () =>
    page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return { context, page, errors, foreignRequests, cspViolations };
}

/**
 * Picks a zone in a ZoneSelect (an ARIA combobox) the way a person does: types `query` (a city,
 * country or zone name), clicks the option naming `zone`, and waits until the field shows it.
 */
export async function pickZone(page: Page, label: string, query: string, zone: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(query);
  const listbox = page.getByRole('listbox', { name: 'Zones found' });
  await listbox.getByRole('option', { name: zone }).first().click();
  const handle = await box.elementHandle();
  await page.waitForFunction(([el, z]) => (el as HTMLInputElement).value === z, [handle, zone] as const);
}
