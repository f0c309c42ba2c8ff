/**
 * What the production build loads before the first view: the sample plan is not part of it. It
 * ships as its own chunk (scripts/sample/plugin.mjs), fetched only to seed a first run, reset or
 * open it; its builders used to run on every start, as the initial scripts loaded. The opening
 * view's chunks are preloaded alongside the entry, and only that view's (scripts/preload/plugin.mjs).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_MODULES } from '../../scripts/preload/plugin.mjs';
import { VIEWS } from '../../src/app/router';
import { baseUrl, launchBrowser } from '../helpers/browser';

const read = (file: string) => readFileSync(join('dist', file), 'utf8');

/** index.html's scripts and module preloads, with every script they import statically. */
function initialScripts(): string[] {
  const html = read('index.html');
  const queue = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g))
      queue.push(join('assets', m[1]!));
  }
  return [...seen];
}

/** An id and a title of the sample plan's items. */
const SAMPLE_MARKERS = ['busan-summit-2025', 'Trump–Xi summit, Busan'];

describe('the initial scripts of the production build', () => {
  it('hold no part of the sample plan, which is one chunk of its own', () => {
    const initial = initialScripts();
    expect(initial.length).toBeGreaterThan(5);
    expect(initial.filter((f) => SAMPLE_MARKERS.some((m) => read(f).includes(m)))).toEqual([]);
    const holding = readdirSync('dist/assets')
      .filter((f) => f.endsWith('.js'))
      .filter((f) => read(join('assets', f)).includes(SAMPLE_MARKERS[0]!));
    expect(holding).toHaveLength(1);
    expect(initial).not.toContain(join('assets', holding[0]!));
  });
});

/** The built chunk of a view module (e.g. `ConflictsView`), by its file name. */
function viewChunk(view: string): string {
  const found = readdirSync('dist/assets').filter((f) => f.startsWith(`${view}-`) && f.endsWith('.js'));
  expect(found).toHaveLength(1);
  return `/assets/${found[0]!}`;
}

describe('the opening view’s code', () => {
  it('is known to the preload for every view the router has, by a module that exists', () => {
    expect(Object.keys(VIEW_MODULES).sort()).toEqual([...VIEWS].sort());
    for (const module of Object.values(VIEW_MODULES)) expect(existsSync(module), module).toBe(true);
  });

  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const OPENINGS = [
    { path: '/conflicts', chunk: 'ConflictsView', ready: 'main article.conflict-card' },
    { path: '/calendar?view=list&date=2025-10-30', chunk: 'CalendarView', ready: 'main .cal-ev-title' },
    { path: '/no-such-view', chunk: 'OverviewView', ready: 'main table' },
  ];
  for (const { path, chunk, ready } of OPENINGS) {
    it(`is fetched at ${path} while the entry is still on its way, and no other view’s is`, async () => {
      const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
      context.setDefaultTimeout(90_000);
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (err) => errors.push(err.message));
        page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
        // The entry is held back until the view's chunk has been asked for: without the preload
        // the app itself would ask for it only once the entry had run, so this would never come.
        const viewAsked = page.waitForRequest((r) => new URL(r.url()).pathname === viewChunk(chunk));
        await context.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
          await viewAsked;
          await route.continue();
        });
        const requested: string[] = [];
        page.on('request', (r) => requested.push(new URL(r.url()).pathname));
        await page.goto(new URL(path, baseUrl()).toString());
        await viewAsked;
        await page.locator(ready).first().waitFor();
        for (const other of ['ConflictsView', 'CalendarView', 'OverviewView', 'RouteView'].filter((v) => v !== chunk))
          expect(requested).not.toContain(viewChunk(other));
        expect(requested).toContain(viewChunk(chunk));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
