/**
 * Real calendars: every file of test/fixtures/ics-corpus (see its MANIFEST.json) goes through
 * Summitry's importer (restoreCalendar, the restore path) and through an independent reader,
 * Debian's python3-icalendar with python3-recurring-ical-events (test/helpers/ics-reference.py).
 * Where that reader is known to be wrong or cannot read a file, a hand-checked
 * `<file>.expected.json` beside it (with the reason) is used instead. Occurrences are compared as
 * instants (all-day ones as dates) within a two-year window from the year of the file's first
 * event; the test prints `N of M occurrences match` and fails below 99.5 %, or if a file the
 * reference reads is refused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idFromUid, restoreCalendar } from '../../../src/domain/files';
import { addDaysToDate } from '../../../src/domain/time';

const DIR = join(__dirname, '../../fixtures/ics-corpus');
const PYTHON = '/usr/bin/python3';

interface Occ {
  uid: string;
  /** Hand-checked expectations name the record id an occurrence gets (`ics:<uid>`, or `ics:h<hash>` for long UIDs). */
  id?: string;
  allDay: boolean;
  start: string;
  end: string;
}
type Reference = { occurrences: Occ[] } | { error: string };

/** [1 January of the year of the first VEVENT's DTSTART, two years later). */
function windowOf(text: string): { from: string; to: string } {
  const years: number[] = [];
  let inEvent = false;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (/^BEGIN:VEVENT/i.test(line)) inEvent = true;
    else if (/^END:VEVENT/i.test(line)) inEvent = false;
    const m = inEvent ? /^DTSTART[^:]*:(\d{4})/i.exec(line) : null;
    if (m) years.push(Number(m[1]));
  }
  const y = years.length ? Math.min(...years) : 2020;
  return { from: `${y}-01-01T00:00:00.000Z`, to: `${y + 2}-01-01T00:00:00.000Z` };
}

const key = (o: Occ) => `${o.uid}|${o.allDay ? 'D' : 'T'}|${o.start}|${o.end}`;

function ours(text: string, window: { from: string; to: string }): Occ[] | { refused: string } {
  const r = restoreCalendar(text, { displayZone: 'UTC', now: window.from, window, maxOccurrences: 100_000 });
  if (!r.ok) return { refused: r.errors.join('; ') };
  return r.restored.plan.events
    .map((e) => {
      const uid = e.id.replace(/_\d{8}(T\d{6})?$/, '').replace(/^ics:nouid-.*$/, '');
      return e.allDay
        ? { uid, allDay: true, start: e.startDate!, end: addDaysToDate(e.endDate!, 1) }
        : { uid, allDay: false, start: e.startsAt, end: e.endsAt };
    })
    .filter((o) => {
      const at = o.allDay ? `${o.start}T00:00:00.000Z` : o.start;
      return at >= window.from && at < window.to;
    });
}

describe('real calendars from public projects', () => {
  it('come in as the independent reader (or a hand-checked expectation) reads them', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.ics'))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(60);
    const jobs = files.map((f) => ({ path: join(DIR, f), ...windowOf(readFileSync(join(DIR, f), 'utf8')) }));
    const t0 = Date.now();
    const refs = JSON.parse(
      execFileSync(PYTHON, ['test/helpers/ics-reference.py'], { input: JSON.stringify(jobs) }).toString(),
    ) as Reference[];
    console.log(`reference reader: ${Date.now() - t0} ms`);
    let matched = 0;
    let total = 0;
    const problems: string[] = [];
    const refused: string[] = [];
    files.forEach((file, i) => {
      const job = jobs[i]!;
      const expectedPath = join(DIR, file.replace(/\.ics$/, '.expected.json'));
      const hand = existsSync(expectedPath)
        ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as { occurrences: Occ[] })
        : undefined;
      const ref = hand ?? refs[i]!;
      const got = ours(readFileSync(job.path, 'utf8'), job);
      if ('error' in ref) {
        if ('refused' in got) return; // neither reader reads it
        problems.push(`${file}: the reference cannot read it (${ref.error}) and it has no .expected.json`);
        total += 1;
        return;
      }
      // A timed event with no length is given 30 minutes by Summitry (its items always have one).
      const want = ref.occurrences.map((o) => ({
        ...o,
        uid: o.id ?? (o.uid ? idFromUid(o.uid) : ''),
        end: !o.allDay && o.end === o.start ? new Date(Date.parse(o.start) + 30 * 60_000).toISOString() : o.end,
      }));
      if ('refused' in got) {
        refused.push(`${file}: ${got.refused}`);
        total += want.length;
        return;
      }
      const left = new Map<string, number>();
      for (const o of want) left.set(key(o), (left.get(key(o)) ?? 0) + 1);
      const extra: string[] = [];
      for (const o of got) {
        const n = left.get(key(o)) ?? 0;
        if (n > 0) {
          left.set(key(o), n - 1);
          matched += 1;
        } else extra.push(key(o));
      }
      const missing = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
      total += want.length + extra.length;
      if (missing.length || extra.length)
        problems.push(
          `${file}: missing ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (+${missing.length - 3})` : ''}; extra ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ` (+${extra.length - 3})` : ''}`,
        );
    });
    const hands = files.filter((f) => existsSync(join(DIR, f.replace(/\.ics$/, '.expected.json')))).length;
    console.log(
      `${matched} of ${total} occurrences match (${((100 * matched) / total).toFixed(2)} %) in ${files.length} files (${hands} with hand-checked expectations)`,
    );
    for (const p of problems) console.log(`  ${p}`);
    expect(refused).toEqual([]);
    expect(matched / total).toBeGreaterThanOrEqual(0.995);
  }, 300_000);
});
