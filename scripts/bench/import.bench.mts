// Import 5,000 items through the UI (Import… → file → confirm) in headless Chromium on the
// production build, and print the write time: the one Dexie transaction, measured in the page
// as `summitry:import-write`. Target: under 1 s. One line per mode (median of 3 runs).
import { buildBackup, encodeBackup } from '../../src/domain/files';
import type { Plan, PlanEvent } from '../../src/domain/model';
import { buildSamplePlan } from '../../src/domain/sample';
import { openPage } from '../../test/helpers/browser';
import { launchBrowser, median, serveDist } from './lib.mjs';

const N = 5000;
const RUNS = Number(process.env.RUNS ?? 3);

const server = await serveDist();
globalThis.__summitryBaseUrl = server.url;

const sample = buildSamplePlan();
const zones = ['Asia/Shanghai', 'Asia/Seoul', 'America/New_York', 'Europe/Madrid'];
const events: PlanEvent[] = Array.from({ length: N }, (_, i) => {
  const start = Date.UTC(2026, 0, 1) + i * 3 * 3_600_000;
  return {
    id: `bench-${String(i).padStart(5, '0')}`,
    title: `Working session ${i + 1}`,
    kind: 'meeting',
    status: (['proposed', 'tentative', 'confirmed'] as const)[i % 3],
    allDay: false,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 90 * 60_000).toISOString(),
    timeZone: zones[i % zones.length]!,
    placeId: 'beijing',
    participantIds: ['trump', 'xi'],
    optional: false,
    notes: 'Generated for the import benchmark.',
    sources: [{ title: 'Benchmark', url: 'https://example.org/bench' }],
    topics: ['trade'],
    updatedAt: '2026-12-01T00:00:00.000Z',
  } as PlanEvent;
});
const plan: Plan = { ...sample, events, legs: [], windows: [], visits: [], scenarios: [] };
const file = encodeBackup(
  buildBackup({ plan, planName: 'Benchmark plan', appVersion: 'bench', exportedAt: '2026-12-01T00:00:00.000Z' }),
);
const items = N + plan.places.length + plan.participants.length;

const browser = await launchBrowser();
async function run(mode: 'replace' | 'merge'): Promise<{ write: number; total: number }> {
  const { page, context } = await openPage(browser, '/calendar?view=list&date=2025-10-30');
  await page.getByText('Trump–Xi summit, Busan').first().waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const t0 = Date.now();
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await dialog.getByText('What will change:').waitFor({ timeout: 60_000 });
  if (mode === 'replace') {
    await dialog.getByRole('radio', { name: /Replace my plan/ }).check();
    await dialog.getByText(/are replaced by the file’s/).waitFor();
    await dialog.getByRole('button', { name: 'Replace my plan…' }).click();
    await dialog.getByRole('button', { name: 'Yes, replace my plan' }).click();
  } else {
    await dialog.getByRole('button', { name: /^Import [\d,]+ changes$/ }).click();
  }
  await page
    .getByRole('status')
    .getByText(mode === 'replace' ? /Plan replaced/ : /Imported bench\.json/)
    .waitFor({ timeout: 60_000 });
  const total = Date.now() - t0;
  const write = await page.evaluate(
    () => performance.getEntriesByName('summitry:import-write').at(-1)?.duration ?? NaN,
  );
  await context.close();
  return { write, total };
}

try {
  for (const mode of ['replace', 'merge'] as const) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(mode));
    const w = runs.map((r) => r.write);
    console.log(
      `import_${N}_write_ms=${median(w).toFixed(0)} mode=${mode} records=${items} runs_ms=${w.map((x) => x.toFixed(0)).join(',')} click_to_done_ms=${median(runs.map((r) => r.total))} file_kb=${(file.length / 1024).toFixed(0)} target_ms=1000`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
