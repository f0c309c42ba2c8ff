// Calendar benchmark: 1,000 items in one month (March 2027, empty in the sample plan), written
// into the page's IndexedDB; then the time from pressing "Next" on February 2027 until March is on
// screen with its items, in headless Chromium on the production build. Prints one line per case.
// Then 10,000 items in March: the list view from February to March (the agenda, drawn a page at
// a time). Each line has the longest main-thread task while it ran (PerformanceObserver).
// Uses SUMMITRY_URL if set; otherwise builds and serves dist/ on a free port.
import { execSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { LONGTASKS, median, newProfile, pageOf, serveDist, writeEvents } from './lib.mjs';

const ITEMS = 1000;
const RUNS = 7;
const ZONES = ['Asia/Shanghai', 'Asia/Seoul', 'America/New_York', 'Europe/Madrid', 'UTC'];
const KINDS = ['summit', 'talks', 'call', 'meeting', 'ceremony', 'visit-day', 'note'];
const STATUSES = ['speculative', 'proposed', 'tentative', 'confirmed', 'held', 'postponed'];

let server: { url: string; close: () => Promise<void> } | undefined;
if (!process.env.SUMMITRY_URL) {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  server = await serveDist();
  process.env.SUMMITRY_URL = server.url;
}

/** `count` valid events spread over March 2027 (ids from `from`), as stored rows (UTC instants, zone kept). */
function benchEvents(count = ITEMS, from = 0) {
  const rows = [];
  for (let i = from; i < from + count; i += 1) {
    const day = 1 + (i % 31);
    const startMin = ((i * 37) % (20 * 60)) + 3 * 60;
    const start = Date.UTC(2027, 2, day, 0, startMin);
    rows.push({
      id: `bench-${i}`,
      title: `Bench item ${i}`,
      kind: KINDS[i % KINDS.length],
      status: STATUSES[i % STATUSES.length],
      allDay: false,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + (30 + (i % 5) * 30) * 60_000).toISOString(),
      timeZone: ZONES[i % ZONES.length],
      participantIds: i % 3 === 0 ? ['trump'] : ['xi'],
      optional: i % 10 === 0,
      sources: [],
      topics: [],
      updatedAt: '2026-11-28T00:00:00.000Z',
    });
  }
  return rows;
}

const longest = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    const l = w.__longest;
    w.__longest = 0;
    return l;
  });

const context = await newProfile({ timezoneId: 'America/New_York' });
try {
  const page = await pageOf(context);
  await page.goto(`${process.env.SUMMITRY_URL}/calendar?view=month&date=2027-02-15`);
  await page.getByRole('heading', { name: 'February 2027' }).waitFor();
  await page.context().addInitScript(LONGTASKS);
  await writeEvents(page, benchEvents());
  await page.reload();
  await page.getByRole('heading', { name: 'February 2027' }).waitFor();
  // tsx names inner functions with a `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');

  /** Press a toolbar button; ms until the heading reads `title` and at least `min` items are drawn (in `scope`). */
  const timeSwitch = (button: string, title: string, min: number, scope = '') =>
    page.evaluate(
      ({ button, title, min, scope }) =>
        new Promise<number>((resolve) => {
          const target = [...document.querySelectorAll<HTMLButtonElement>('.cal-toolbar button')].find((b) =>
            b.textContent?.includes(button),
          )!;
          const t0 = performance.now();
          target.click();
          const check = () => {
            const heading = document.getElementById('calendar-title')?.textContent;
            if (heading === title && document.querySelectorAll(`${scope} .cal-item`).length >= min)
              resolve(performance.now() - t0);
            else requestAnimationFrame(check);
          };
          check();
        }),
      { button, title, min, scope },
    );
  const settle = () => page.waitForTimeout(1500);

  // Warm up once, then learn how many items March shows when it is fully drawn.
  await timeSwitch('Next', 'March 2027', 1);
  await settle();
  const drawn = await page.locator('.cal-item').count();
  const moreLinks = await page.getByText(/^\+\d+/).count();
  await timeSwitch('Previous', 'February 2027', 0);
  await settle();

  const month: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    month.push(await timeSwitch('Next', 'March 2027', drawn));
    await settle();
    await timeSwitch('Previous', 'February 2027', 0);
    await settle();
  }
  month.sort((a, b) => a - b);
  console.log(
    `month_switch_ms=${median(month).toFixed(0)} min=${month[0]!.toFixed(0)} max=${month[month.length - 1]!.toFixed(0)} runs=${RUNS} items_in_month=${ITEMS} drawn=${drawn} more_links=${moreLinks} target=500`,
  );

  // A jump from far away (Go to date): nothing of that month has been read yet.
  const jump: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await page.getByLabel('Go to date').fill('2026-05-14');
    await page.getByLabel('Go to date').press('Enter');
    await page.getByRole('heading', { name: 'May 2026' }).waitFor();
    await settle();
    await page.getByLabel('Go to date').fill('2027-03-10');
    jump.push(await timeSwitch('Go', 'March 2027', drawn));
    await settle();
  }
  jump.sort((a, b) => a - b);
  console.log(
    `jump_to_month_ms=${median(jump).toFixed(0)} min=${jump[0]!.toFixed(0)} max=${jump[jump.length - 1]!.toFixed(0)} runs=3 items_in_month=${ITEMS}`,
  );

  // The same month as a list (past 200 items the agenda, drawn a page at a time).
  const LIST_FIRST = 60;
  const list: number[] = [];
  let listLongest = 0;
  for (let i = 0; i < 3; i += 1) {
    await longest(page);
    list.push(await timeSwitch('List', 'March 2027', LIST_FIRST, '.cal-view-list'));
    await settle();
    listLongest = Math.max(listLongest, await longest(page));
    await timeSwitch('Month', 'March 2027', drawn);
    await settle();
  }
  list.sort((a, b) => a - b);
  await timeSwitch('List', 'March 2027', LIST_FIRST, '.cal-view-list');
  await settle();
  const listDrawn = await page.locator('.cal-view-list .cal-item').count();
  console.log(
    `list_switch_ms=${median(list).toFixed(0)} min=${list[0]!.toFixed(0)} max=${list[list.length - 1]!.toFixed(0)} runs=3 items_in_month=${ITEMS} items_drawn=${listDrawn} longest_task_ms=${listLongest.toFixed(0)} target=250`,
  );

  // 10,000 items in March: the list from February (empty) to March.
  const BIG = 10_000;
  await writeEvents(page, benchEvents(BIG - ITEMS, ITEMS));
  await page.goto(`${process.env.SUMMITRY_URL}/calendar?view=list&date=2027-02-15`);
  await page.getByRole('heading', { name: 'February 2027' }).waitFor();
  await page.evaluate('globalThis.__name = (f) => f');
  await timeSwitch('Next', 'March 2027', LIST_FIRST, '.cal-view-list');
  await settle();
  await timeSwitch('Previous', 'February 2027', 0);
  await settle();
  await longest(page);
  const big: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    big.push(await timeSwitch('Next', 'March 2027', LIST_FIRST, '.cal-view-list'));
    await settle();
    await timeSwitch('Previous', 'February 2027', 0);
    await settle();
  }
  const bigLongest = await longest(page);
  await timeSwitch('Next', 'March 2027', LIST_FIRST, '.cal-view-list');
  await settle();
  const bigDrawn = await page.locator('.cal-view-list .cal-item').count();
  big.sort((a, b) => a - b);
  console.log(
    `list_10000_next_month_ms=${median(big).toFixed(0)} min=${big[0]!.toFixed(0)} max=${big[big.length - 1]!.toFixed(0)} runs=3 items_in_month=${BIG} items_drawn=${bigDrawn} longest_task_ms=${bigLongest.toFixed(0)} target=250`,
  );
} finally {
  await context.close();
  await server?.close();
}
