/**
 * One edit saved, on the production build in headless Chromium: the editor's save (validation,
 * revision check and the IndexedDB write), read from the `summitry:edit-saved` measure. Also how
 * many times the conflict engine runs after one edit with the header badge and the calendar's
 * markers mounted (`globalThis.__summitryEngine.runs`): one shared analysis, so 1.
 */
import { median, newProfile, pageOf, serveDist } from './lib.mjs';

const RUNS = 9;
const server = await serveDist();
const times: number[] = [];
const engineRuns: number[] = [];
const runsNow = () => (globalThis as { __summitryEngine?: { runs: number } }).__summitryEngine?.runs ?? 0;
try {
  const context = await newProfile({ timezoneId: 'Europe/London' });
  const page = await pageOf(context);
  await page.goto(`${server.url}/calendar?view=list&date=2025-10-30`);
  for (let i = 0; i < RUNS; i += 1) {
    await page.getByText('Trump–Xi summit, Busan').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title', { exact: true }).fill(`Trump–Xi summit, Busan`);
    await dialog.getByLabel('Notes').fill(`edit ${i}`);
    const before = await page.evaluate(runsNow);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => ((globalThis as { __summitryEngine?: { runs: number } }).__summitryEngine?.runs ?? 0) > n,
      before,
    );
    // Give any other view that would run the engine on its own time to do so, then count.
    await page.waitForTimeout(400);
    engineRuns.push((await page.evaluate(runsNow)) - before);
  }
  const measures = await page.evaluate(() =>
    performance.getEntriesByName('summitry:edit-saved').map((m) => m.duration),
  );
  times.push(...measures);
  await context.close();
} finally {
  await server.close();
}
console.log(
  `edit_saved_ms=${median(times).toFixed(1)} runs=${times.length} min=${Math.min(...times).toFixed(1)} max=${Math.max(...times).toFixed(1)} target_ms=50`,
);
console.log(
  `engine_runs_per_edit=${median(engineRuns)} max=${Math.max(...engineRuns)} target=1 (header badge and calendar mounted)`,
);
