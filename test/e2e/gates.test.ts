/**
 * Security and quality gates on the production build: no request leaves the app's origin, the
 * CSP is never violated, hostile text stays inert, and axe finds no serious or critical issue.
 * Each view that lands extends the tour below.
 */
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

const VIEWS = ['Overview', 'Calendar', 'Route', 'Conflicts'] as const;

async function goTo(page: Page, view: (typeof VIEWS)[number]) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: new RegExp(`^${view}`) })
    .click();
  await page.waitForURL(new RegExp(`/${view.toLowerCase()}`));
  await page.locator('main').getByRole('heading').first().waitFor();
}

describe('gates', () => {
  it('a full tour sends no request to any other origin and violates no CSP directive', async () => {
    const { page, context, foreignRequests, cspViolations, errors } = await openPage(browser, '/');
    await page.getByRole('heading', { level: 1, name: 'US–China summitry 2025–26' }).waitFor();
    for (const view of VIEWS) {
      await goTo(page, view);
      await page.waitForLoadState('networkidle');
    }
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'artifacts/print-preview.png' });
    await page.emulateMedia({ media: 'screen' });
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(foreignRequests).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves the CSP both as a header and in the page', async () => {
    const { page, context } = await openPage(browser, '/');
    const response = await page.reload();
    const header = response?.headers()['content-security-policy'] ?? '';
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const csp of [header, meta ?? '']) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toMatch(/script-src 'self'(;|$)/);
    }
    await context.close();
  });

  it('shows hostile text as text: no script runs and no dialog opens', async () => {
    const { page, context, cspViolations } = await openPage(browser, '/calendar?view=month&date=2025-10-29');
    await page.getByText('Trump–Xi summit, Busan').first().waitFor();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    // Write straight into IndexedDB, as a corrupted or hostile store would hold it (no validation on this path).
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('summitry');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['events', 'places'], 'readwrite');
      tx.objectStore('places').put({
        id: 'evil-place',
        name: '<svg onload=alert(3)>\u202Eevil',
        country: 'X',
        lat: 10,
        lon: 10,
        timeZone: 'UTC',
        kind: 'city',
      });
      tx.objectStore('events').put({
        id: 'evil',
        title: '<img src=x onerror="window.__pwned=1;alert(1)">Hostile',
        kind: 'meeting',
        status: 'confirmed',
        allDay: false,
        startsAt: '2025-10-29T01:00:00.000Z',
        endsAt: '2025-10-29T02:00:00.000Z',
        timeZone: 'Asia/Seoul',
        placeId: 'evil-place',
        participantIds: ['trump'],
        optional: false,
        notes: '<script>window.__pwned=2</script>',
        topics: ['<b>bold</b>'],
        sources: [{ title: 'click me', url: 'javascript:window.__pwned=3' }],
      });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await page.reload();
    await page.getByText('<img src=x onerror="window.__pwned=1;alert(1)">Hostile').first().waitFor();
    await page.getByText('<img src=x onerror="window.__pwned=1;alert(1)">Hostile').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('img[src="x"], main script, svg[onload]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  it('axe finds no serious or critical violation on any view, nor in the editor', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.getByRole('heading', { level: 1, name: 'US–China summitry 2025–26' }).waitFor();
    const found: Record<string, unknown> = {};
    for (const view of VIEWS) {
      await goTo(page, view);
      await page.waitForLoadState('networkidle');
      const v = await seriousViolations(page);
      if (v.length) found[view] = v;
    }
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByRole('dialog').waitFor();
    const v = await seriousViolations(page);
    if (v.length) found.editor = v;
    expect(found).toEqual({});
    await context.close();
  });

  it('every header control is reachable by keyboard with a visible focus ring', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.getByRole('heading', { level: 1, name: 'US–China summitry 2025–26' }).waitFor();
    const reached = new Set<string>();
    const wanted = [
      'Overview',
      'Calendar',
      'Route',
      'Conflicts',
      'find-anything',
      'New item',
      'Reset sample plan',
      'Keyboard shortcuts',
    ];
    const allReached = () => wanted.every((name) => [...reached].some((r) => r.startsWith(name)));
    // Tab through the header (it grows as controls are added) until every wanted control was focused.
    for (let i = 0; i < 30 && !allReached(); i += 1) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          name: el.getAttribute('aria-label') || el.textContent?.trim() || el.id,
          outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
      if (info) {
        reached.add(info.name.slice(0, 40));
        expect(info.outline, `focus ring on ${info.name}`).toBe(true);
      }
    }
    for (const name of wanted) {
      expect(
        [...reached].some((r) => r.startsWith(name)),
        `${name} reachable by Tab`,
      ).toBe(true);
    }
    await context.close();
  });
});
