/**
 * Issue 16, "Done when": the calendar export read by an independent reader, Debian's
 * python3-icalendar with python3-recurring-ical-events (test/helpers/ics-reference.py). The
 * sample plan and a plan of items in New York, Madrid, Beijing and Seoul around the clock changes
 * (test/helpers/export-plans.ts) are exported with times in each place's zone and in UTC; every
 * exported item must be found at the same instant (timed) or on the same dates (all-day).
 *
 * The reader takes a TZID that is an IANA name from its own zone data (pytz), not from the
 * file's VTIMEZONE; so the zone-mode export is also read with every TZID renamed to a name no
 * zone has, which makes the reader build each zone from the VTIMEZONE Summitry wrote.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCalendar } from '../../../src/domain/files';
import type { Plan } from '../../../src/domain/model/model';
import { loadVtimezones } from '../../../src/features/io/vtimezones';
import { buildDstPlan, buildSamplePlan, expectedEvents } from '../../helpers/export-plans';

const NOW = '2026-11-28T12:00:00.000Z';
const PYTHON = '/usr/bin/python3';
const WINDOW = { from: '2020-01-01T00:00:00.000Z', to: '2030-01-01T00:00:00.000Z' };
const dir = mkdtempSync(join(tmpdir(), 'summitry-export-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ReaderEvent {
  uid: string;
  recurrenceId: string | null;
  allDay: boolean;
  start: string;
  end: string;
}

/** The reader's reading of each file. */
function readAll(texts: Record<string, string>): Record<string, ReaderEvent[]> {
  const names = Object.keys(texts);
  const jobs = names.map((name) => {
    const path = join(dir, `${name}.ics`);
    writeFileSync(path, texts[name]!);
    return { path, ...WINDOW };
  });
  const out = JSON.parse(
    execFileSync(PYTHON, ['test/helpers/ics-reference.py'], { input: JSON.stringify(jobs) }).toString(),
  ) as ({ occurrences: ReaderEvent[] } | { error: string })[];
  return Object.fromEntries(
    names.map((name, i) => {
      const r = out[i]!;
      if ('error' in r) throw new Error(`the reader cannot read ${name}: ${r.error}`);
      return [name, r.occurrences];
    }),
  );
}

/** Every TZID (parameter and VTIMEZONE property) renamed, so the reader must use the file's VTIMEZONEs. */
const renameZones = (text: string) =>
  text.replace(
    /(TZID[=:])([A-Za-z_]+\/[A-Za-z_/+-]+)/g,
    (_m, head: string, zone: string) => `${head}Exported ${zone.replace(/\//g, ' ')}`,
  );

describe('the calendar export, read by an independent reader (python3-icalendar)', () => {
  it('finds every event of the sample plan and of the New York / Madrid / Beijing / Seoul plan at its instant or dates, in both modes', async () => {
    const vtimezone = await loadVtimezones();
    const plans: Record<string, Plan> = { sample: buildSamplePlan(), dst: buildDstPlan() };
    const texts: Record<string, string> = {};
    for (const [name, plan] of Object.entries(plans))
      for (const timeFormat of ['local', 'utc'] as const) {
        const text = exportCalendar(
          plan,
          { kind: 'plan' },
          { now: NOW, appVersion: '0.1.0', calendarName: name, timeFormat, vtimezone },
        );
        texts[`${name}-${timeFormat}`] = text;
        if (timeFormat === 'local') texts[`${name}-local-renamed`] = renameZones(text);
      }
    // The zone mode really writes zones (and the renamed copy really hides them from the reader's own zone data).
    expect(texts['dst-local']).toMatch(/DTSTART;TZID=America\/New_York:20260308T013000\r\n/);
    expect(texts['dst-local']).toMatch(/DTSTART;TZID=Europe\/Madrid:20260329T030000\r\n/);
    expect(texts['dst-local']).toMatch(/DTSTART;TZID=Asia\/Seoul:20261025T110000\r\n/);
    expect(texts['dst-local-renamed']).toMatch(/DTSTART;TZID=Exported America New_York:20260308T013000\r\n/);
    expect(texts['dst-local-renamed']).not.toMatch(/TZID[=:][A-Za-z]+\//);
    expect(texts['dst-utc']).not.toMatch(/TZID/);
    // A local time in the repeated hour names two instants: such items are written in UTC.
    expect(texts['dst-local']).toMatch(/DTSTART:20261101T053000Z\r\n/);
    expect(texts['dst-local']).toMatch(/DTSTART:20261025T013000Z\r\n/);

    const read = readAll(texts);
    let matched = 0;
    let total = 0;
    const problems: string[] = [];
    for (const name of Object.keys(texts)) {
      const want = expectedEvents(plans[name.split('-')[0]!]!);
      const got = new Map(read[name]!.map((o) => [o.uid, o]));
      expect(read[name]!.length, name).toBe(got.size); // one reading per UID
      for (const w of want) {
        total += 1;
        const g = got.get(w.uid);
        const same = g && g.allDay === w.allDay && g.start === w.start && g.end === w.end && g.recurrenceId === null;
        if (same) matched += 1;
        else
          problems.push(
            `${name}: ${w.title} (${w.uid}) ${w.start} → ${w.end}, read ${g ? `${g.start} → ${g.end}` : 'nothing'}`,
          );
      }
      expect(got.size, `${name}: nothing read beyond the exported items`).toBe(want.length);
    }
    console.log(
      `${matched} of ${total} events match (${((100 * matched) / total).toFixed(1)} %) in ${Object.keys(texts).length} exports`,
    );
    for (const p of problems) console.log(`  ${p}`);
    expect(problems).toEqual([]);
    expect(total).toBeGreaterThan(2 * (buildSamplePlan().events.length + 20));
  }, 180_000);
});
