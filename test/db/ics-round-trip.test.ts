import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../src/db/io';
import { loadPlan } from '../../src/db/repositories';
import { exportCalendar, restoreCalendar } from '../../src/domain/files';
import type { Plan } from '../../src/domain/model/model';
import { loadVtimezones } from '../../src/features/io/vtimezones';
import { dbsPerTest, freshDb } from '../helpers/fresh-db';

const NOW = '2026-11-28T12:00:00.000Z';
const APPLY = { now: NOW, appVersion: '0.1.0', reason: 'Before importing plan.ics' };
const dbs = dbsPerTest();

/** A record's content: everything but its id, revision and writer (ids may differ between plans). */
const content = (r: object) => {
  const { id: _id, rev: _rev, updatedBy: _by, ...rest } = r as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))));
};
const contents = (list: readonly object[]) => list.map(content).sort();

async function exportImport(timeFormat: 'local' | 'utc') {
  const source = await dbs.seeded(NOW);
  const plan = await loadPlan(source);
  const text = exportCalendar(
    plan,
    { kind: 'plan' },
    { now: NOW, appVersion: '0.1.0', calendarName: 'Sample', timeFormat, vtimezone: await loadVtimezones() },
  );
  const read = restoreCalendar(text, { displayZone: 'Pacific/Auckland', now: NOW });
  if (!read.ok) throw new Error(read.errors.join('\n'));
  const { db } = freshDb();
  dbs.track(db);
  const preview = await previewImport(db, read.restored, 'merge');
  await applyImport(db, read.restored, 'merge', APPLY);
  return { plan, text, back: await loadPlan(db), preview, skipped: read.restored.skipped };
}

describe('a calendar export re-imported into an empty plan', () => {
  for (const timeFormat of ['local', 'utc'] as const)
    it(`restores every event, leg, window, visit, place and participant by content (${timeFormat} times)`, async () => {
      const { plan, text, back, preview, skipped } = await exportImport(timeFormat);
      if (timeFormat === 'local') expect(text).toMatch(/DTSTART;TZID=Asia\/Shanghai:/);
      else expect(text).not.toMatch(/TZID=/);
      expect(skipped).toEqual([]);
      expect(preview.dangling).toEqual([]);
      const tables: (keyof Plan)[] = ['events', 'legs', 'windows', 'visits', 'places', 'participants'];
      for (const t of tables) {
        expect(plan[t].length, t).toBeGreaterThan(0);
        expect(contents(back[t]), t).toEqual(contents(plan[t]));
      }
      // Which legs and events belong to which visit, the sources, notes without generated text, window ties.
      const visitOf = (p: Plan) => [...p.events, ...p.legs].map((i) => `${i.id}→${i.visitId ?? '-'}`).sort();
      expect(visitOf(back)).toEqual(visitOf(plan));
      expect(plan.events.some((e) => e.windowId && e.windowMarginDays !== undefined)).toBe(true);
      for (const e of back.events) expect(e.notes ?? '').not.toMatch(/^Sources:|With: /m);
    });
});
