/** Shared pieces for browser benchmarks: serve dist/ on a free port, launch Debian's Chromium. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from '../../test/helpers/browser';

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first.');
  const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

export { launchBrowser };

/**
 * Chromium on a fresh profile on disk, as a person's browser is; `close()` also removes the
 * profile. Benchmarks use this, not `browser.newContext()`: that is an incognito context, whose
 * IndexedDB Chromium keeps in memory, and in Chromium 150 that store slows with every record it
 * holds (50,000 puts in one transaction: 34 s in memory, 5 s on disk; 5,000: 0.7 s and 0.33 s).
 */
export async function newProfile(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'summitry-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'en-GB',
    viewport: { width: 1360, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(90_000);
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    rmSync(dir, { recursive: true, force: true });
  };
  return context;
}

/** The profile's page (a persistent context opens with one). */
export async function pageOf(context: BrowserContext) {
  return context.pages()[0] ?? (await context.newPage());
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Elements to watch for: every selector matches in the page (the last one's text holding `text`, if given). */
export interface Want {
  name: string;
  selectors: string[];
  text?: string;
}

/**
 * An init script for timing in the page rather than by the driver: Playwright's `waitFor` looks
 * for an element 20, 50, 100 and 100 ms apart and then every 500 ms, so a driver-side clock adds
 * up to half a second to whatever it waits for (a cold load drawn at 650 ms was seen at 1,150).
 * `window.__watch` records `performance.now()` at the first animation frame after each wanted
 * state is in the page (checked on every DOM change, by `textContent`: no layout is forced), and
 * the time stamp of the last click, change or key press. `wants` are watched from the start, so
 * a mark is then ms from the navigation's start; `want()` adds more later.
 */
export function watchScript(wants: Want[] = []): string {
  return `(() => {
    const w = (window.__watch = { wanted: [], marks: {}, lastInput: undefined });
    for (const type of ['click', 'change', 'keydown'])
      document.addEventListener(type, (e) => (w.lastInput = e.timeStamp), true);
    const holds = (x) => {
      const last = x.selectors.length - 1;
      return x.selectors.every((s, i) => {
        if (i < last || !x.text) return document.querySelector(s) !== null;
        for (const el of document.querySelectorAll(s)) if (el.textContent.includes(x.text)) return true;
        return false;
      });
    };
    const check = () => {
      w.wanted = w.wanted.filter((x) => {
        if (!holds(x)) return true;
        requestAnimationFrame(() => (w.marks[x.name] = performance.now()));
        return false;
      });
    };
    w.want = (x) => { w.wanted.push(x); };
    const start = () => {
      if (!document.documentElement) return setTimeout(start, 0);
      new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    };
    for (const x of ${JSON.stringify(wants)}) w.want(x);
    start();
  })();`;
}

interface Watched {
  __watch: { marks: Record<string, number>; lastInput?: number; want: (x: Want) => void };
}

/** Watch for `x` from now on (it counts from the next DOM change: register it before the action). */
export async function want(page: Page, x: Want): Promise<void> {
  await page.evaluate((x) => (window as unknown as Watched).__watch.want(x), x);
}

/** Wait for the mark `name` and return it (`performance.now()` in the page). */
export async function markOf(page: Page, name: string, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction((name) => (window as unknown as Watched).__watch.marks[name], name, {
    timeout,
    polling: 50,
  });
  return (await handle.jsonValue()) as number;
}

/** The time stamp (`performance.now()` scale) of the last click, change or key press in the page. */
export async function lastInputOf(page: Page): Promise<number> {
  const t = await page.evaluate(() => (window as unknown as Watched).__watch.lastInput);
  if (t === undefined) throw new Error('No input was seen in the page.');
  return t;
}

/**
 * An init script keeping the longest main-thread task seen (PerformanceObserver 'longtask') in
 * `window.__longest`; a bench sets it back to 0 where its measure starts.
 */
export const LONGTASKS = `
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Put stored rows straight into the page's `summitry` database, `events` store, in one transaction. */
export async function writeEvents(page: Page, rows: unknown[]): Promise<void> {
  await page.evaluate(async (rows) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('summitry');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('events', 'readwrite');
        for (const row of rows) tx.objectStore('events').put(row);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, rows);
}
