import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, buildBackup, encodeBackup, selectVisit } from '../../../src/domain/files/backup';
import { TABLE_NAMES } from '../../../src/domain/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import {
  detectFileKind,
  findDanglingReferences,
  IMPORT_LIMITS,
  restoreBackup,
  restoreFile,
} from '../../../src/domain/files';

const NOW = '2026-11-28T12:00:00.000Z';
const sampleBackup = () =>
  buildBackup({ plan: buildSamplePlan(), planName: 'US–China summitry 2025–26', appVersion: '0.1.0', exportedAt: NOW });
const sampleText = () => encodeBackup(sampleBackup());

/** The sample backup with one change applied to its parsed JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
function tampered(change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(sampleText());
  change(doc);
  return JSON.stringify(doc);
}

function errorsOf(input: string | unknown): string[] {
  const result = restoreBackup(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('restoreBackup: the current format', () => {
  it('reads back exactly the plan that was written', () => {
    const result = restoreBackup(sampleText());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.restored.plan).toEqual(sampleBackup().tables);
    expect(result.restored.planName).toBe('US–China summitry 2025–26');
    expect(result.restored.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(result.restored.recordCount).toBe(TABLE_NAMES.reduce((n, t) => n + sampleBackup().tables[t].length, 0));
  });

  it('writes the same text for the same plan (records sorted by id, fields in a fixed order)', () => {
    const plan = buildSamplePlan();
    const shuffled = {
      ...plan,
      events: [...plan.events].reverse().map((e) => Object.fromEntries(Object.entries(e).reverse())),
    } as typeof plan;
    const a = encodeBackup(buildBackup({ plan, planName: 'P', appVersion: '1', exportedAt: NOW }));
    const b = encodeBackup(buildBackup({ plan: shuffled, planName: 'P', appVersion: '1', exportedAt: NOW }));
    expect(b).toBe(a);
  });

  it('accepts a byte-order mark', () => {
    expect(restoreBackup(`\uFEFF${sampleText()}`).ok).toBe(true);
  });

  it('keeps HTML and script in text as inert characters, exactly as written', () => {
    const title = '<img src=x onerror=alert(1)><script>alert("x")</script> & "quotes"';
    const result = restoreBackup(tampered((d) => (d.tables.events[0].title = title)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.restored.plan.events.some((e) => e.title === title)).toBe(true);
  });

  it('backs up one visit with the places, people and windows it needs, and nothing else', () => {
    const plan = buildSamplePlan();
    const visit = selectVisit(plan, 'draft-state-visit-2025');
    expect(visit.visits.map((v) => v.id)).toEqual(['draft-state-visit-2025']);
    expect(visit.legs.map((l) => l.id).sort()).toEqual(['draft-leg-1', 'draft-leg-2', 'draft-leg-rail']);
    expect(visit.events.every((e) => e.visitId === 'draft-state-visit-2025')).toBe(true);
    expect(visit.windows.map((w) => w.id)).toEqual(['apec-2025-week']);
    expect(findDanglingReferences(visit)).toEqual([]);
    const result = restoreBackup(
      encodeBackup(
        buildBackup({
          plan,
          planName: 'P',
          appVersion: '1',
          exportedAt: NOW,
          scope: { kind: 'visit', visitId: 'draft-state-visit-2025' },
        }),
      ),
    );
    expect(result.ok && result.restored.scope).toEqual({ kind: 'visit', visitId: 'draft-state-visit-2025' });
  });
});

describe('restoreBackup: unsaved edits (a backup made when a save failed)', () => {
  const busan = () => sampleBackup().tables.events.find((e) => e.id === 'busan-summit-2025')!;
  const withUnsaved = (unsaved: unknown, scope: unknown = { kind: 'plan' }) =>
    tampered((d) => ((d.unsaved = unsaved), (d.scope = scope)));

  it('the writer stamps each unsaved record with the backup time and leaves out its revision', () => {
    const doc = buildBackup({
      plan: buildSamplePlan(),
      planName: 'x',
      appVersion: '0.1.0',
      exportedAt: NOW,
      unsaved: [{ table: 'events', record: { ...busan(), title: 'Typed', rev: 5 } }],
    });
    expect(doc.unsaved).toEqual([{ table: 'events', record: { ...busan(), title: 'Typed', updatedAt: NOW } }]);
    expect(
      buildBackup({ plan: buildSamplePlan(), planName: 'x', appVersion: '0.1.0', exportedAt: NOW }),
    ).not.toHaveProperty('unsaved');
  });

  it("are laid over the file's records, newer than the copy they were edited from, and named in a note", () => {
    const { updatedAt: _u, ...typed } = { ...busan(), title: 'Busan (typed)' };
    const result = restoreBackup(
      withUnsaved([
        { table: 'events', record: typed },
        { table: 'events', record: { ...typed, id: 'brand-new', title: 'Brand new' } },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const events = result.restored.plan.events;
    expect(events.filter((e) => e.id === 'busan-summit-2025')).toEqual([{ ...typed, updatedAt: NOW }]);
    expect(events.at(-1)).toMatchObject({ id: 'brand-new', title: 'Brand new', updatedAt: NOW });
    expect(result.restored.recordCount).toBe(TABLE_NAMES.reduce((n, t) => n + sampleBackup().tables[t].length, 0) + 1);
    expect(result.restored.notes.join(' ')).toMatch(
      /carried 2 edits that could not be saved when it was made; they are included: Event "Busan \(typed\)", Event "Brand new"\./,
    );
  });

  it('one that cannot be read is left out with a note; the backup is not refused', () => {
    const result = restoreBackup(
      withUnsaved([
        { table: 'events', record: { ...busan(), endsAt: 'soon' } },
        { table: 'secrets', record: {} },
        'junk',
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.restored.plan).toEqual(sampleBackup().tables);
    expect(result.restored.notes.join(' ')).toMatch(
      /3 unsaved edits could not be read and were left out: Unsaved edit #1 \(Event "Trump–Xi summit, Busan"\): endsAt must be a UTC date-time.*, Unsaved edit #2 is not a record of a known table, Unsaved edit #3 is not a record of a known table\./,
    );
    const notAList = restoreBackup(withUnsaved({ table: 'events' }));
    expect(notAList.ok && notAList.restored.notes.join(' ')).toMatch(
      /list of unsaved edits could not be read; it was left out/,
    );
  });

  it('a backup of the unsaved edits alone (the plan could not be read) can only be merged', () => {
    const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
    const text = tampered(
      (d) => (
        (d.tables = empty),
        (d.acceptances = []),
        (d.scope = { kind: 'partial' }),
        (d.unsaved = [{ table: 'events', record: busan() }])
      ),
    );
    const result = restoreBackup(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.restored.scope).toEqual({ kind: 'partial' });
    expect(result.restored.plan.events.map((e) => e.id)).toEqual(['busan-summit-2025']);
    expect(result.restored.notes.join(' ')).toMatch(/only some records .*can be merged, not used to replace the plan/);
  });

  it('count towards the record limit', () => {
    const many = Array.from({ length: IMPORT_LIMITS.maxRecords }, () => ({ table: 'events', record: {} }));
    expect(errorsOf(withUnsaved(many))[0]).toMatch(
      /^The file holds 50,\d{3} records; at most 50,000 can be imported at once\.$/,
    );
  });
});

describe('the README', () => {
  it('shows an example backup that imports as it is', () => {
    const example = readFileSync('README.md', 'utf8').split('```json\n')[1]!.split('```')[0]!;
    const result = restoreBackup(example);
    expect(result.ok && result.restored.plan.events[0]!.startsAt).toBe('2025-10-30T02:00:00.000Z');
  });
});

describe('restoreBackup: versions', () => {
  it('upgrades format version 1 (the storage panel\'s backup: tables under "plan", unsaved edits beside them)', () => {
    const current = sampleBackup();
    const busan = current.tables.events.find((e) => e.id === 'busan-summit-2025')!;
    const v1 = {
      format: 'summitry-backup',
      formatVersion: 1,
      schemaVersion: 2,
      exportedAt: NOW,
      planName: current.planName,
      plan: { ...current.tables, events: current.tables.events.map((e) => ({ ...e, rev: 3 })) },
      unsaved: [{ table: 'events', record: { ...busan, title: 'Busan (unsaved edit)' } }],
    };
    const result = restoreBackup(JSON.stringify(v1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The unsaved edit counts as made when the backup was, so a merge takes it over the plan's copy.
    const expected = current.tables.events.map((e) =>
      e.id === 'busan-summit-2025' ? { ...e, title: 'Busan (unsaved edit)', updatedAt: NOW } : e,
    );
    expect(busan.updatedAt! < NOW).toBe(true);
    expect(result.restored.plan).toEqual({ ...current.tables, events: expected });
    expect(result.restored.plan.events.some((e) => 'rev' in e)).toBe(false);
    expect(result.restored.exportedAt).toBe(NOW);
    expect(result.restored.formatVersion).toBe(1);
    expect(result.restored.scope).toEqual({ kind: 'plan' });
    expect(result.restored.notes.join(' ')).toMatch(
      /carried 1 edit that could not be saved.*format version 1; it was upgraded to version 2/,
    );

    const onlyUnsaved = restoreBackup(
      JSON.stringify({ ...v1, plan: null, planName: null, planError: 'DatabaseClosedError' }),
    );
    expect(onlyUnsaved.ok && onlyUnsaved.restored.scope).toEqual({ kind: 'partial' });
    expect(onlyUnsaved.ok && onlyUnsaved.restored.plan.events.map((e) => e.title)).toEqual(['Busan (unsaved edit)']);
  });

  it('refuses a newer format version with a message', () => {
    const errors = errorsOf(tampered((d) => ((d.formatVersion = 3), (d.appVersion = '9.0.0'))));
    expect(errors[0]).toMatch(
      /format version 3 by a newer Summitry \(9\.0\.0\); this app reads versions up to 2\. Update Summitry/,
    );
  });

  it('refuses other files and an encrypted backup without its passphrase', () => {
    expect(errorsOf('{"format":"something-else","formatVersion":1}')[0]).toMatch(
      /not a Summitry backup: its "format" is "something-else"/,
    );
    expect(errorsOf(tampered((d) => (d.formatVersion = '2')))[0]).toMatch(/formatVersion "2" is not a version number/);
    expect(errorsOf('{"format":"summitry-encrypted-backup","version":1}')[0]).toMatch(
      /encrypted backup: it needs its passphrase/,
    );
    expect(detectFileKind('\uFEFF  {"format": "summitry-encrypted-backup"}')).toBe('encrypted');
    expect(detectFileKind('BEGIN:VCALENDAR\r\n')).toBe('calendar');
    expect(detectFileKind('{"format":"summitry-backup"}')).toBe('backup');
    expect(detectFileKind('PK\u0003\u0004')).toBe('unknown');
    const other = restoreFile('hello', { displayZone: 'UTC', now: NOW });
    expect(!other.ok && other.errors[0]).toMatch(/neither a Summitry backup/);
  });
});

describe('restoreBackup: hostile and broken input', () => {
  it('malformed JSON', () => {
    expect(errorsOf('{"format": "summitry-backup", "formatVersion": 2,')[0]).toMatch(/^The file is not valid JSON \(/);
    expect(errorsOf('')[0]).toBe('The file is empty.');
    expect(errorsOf('[1,2,3]')[0]).toMatch(/not a JSON object/);
  });

  it('wrong types, naming the record and the field', () => {
    expect(errorsOf(tampered((d) => (d.tables.events = { a: 1 })))[0]).toBe(
      "The backup's tables.events must be a list.",
    );
    const errors = errorsOf(
      tampered((d) => {
        const busan = d.tables.events.find((e: { id: string }) => e.id === 'busan-summit-2025');
        busan.startsAt = 1761789600000;
        busan.participantIds = 'trump';
      }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Event "Trump–Xi summit, Busan" \(events #\d+\): /);
    expect(errors[0]).toMatch(/startsAt must be a UTC date-time/);
    expect(errors[0]).toMatch(/participantIds must be a list/);
    expect(errorsOf(tampered((d) => (d.exportedAt = 'yesterday')))[0]).toMatch(
      /The backup's exportedAt must be a UTC date-time/,
    );
    expect(errorsOf(tampered((d) => delete d.planName))[0]).toMatch(/The backup's planName is required/);
  });

  it('huge strings', () => {
    const errors = errorsOf(tampered((d) => (d.tables.events[2].title = 'A'.repeat(1_000_000))));
    expect(errors[0]).toMatch(/\(events #3\): title is too long \(300 characters at most\)/);
    expect(errors[0]!.length).toBeLessThan(400);
    expect(errorsOf(tampered((d) => (d.tables.events[0].notes = 'n'.repeat(20_001))))[0]).toMatch(/notes is too long/);
  });

  it('__proto__, constructor and prototype keys, anywhere', () => {
    const proto = errorsOf(
      sampleText().replace(
        '"format": "summitry-backup"',
        '"__proto__": {"polluted": true}, "format": "summitry-backup"',
      ),
    );
    expect(proto[0]).toBe('the file: the key "__proto__" is not allowed.');
    const inRecord = sampleText().replace(
      '"id": "busan-summit-2025"',
      '"id": "busan-summit-2025", "constructor": {"prototype": {"x": 1}}',
    );
    expect(errorsOf(inRecord)[0]).toMatch(
      /^Event "Trump–Xi summit, Busan" \(events #\d+\): the key "constructor" is not allowed\.$/,
    );
    const nested = sampleText().replace(
      '"title": "Report.az (citing SCMP)',
      '"prototype": 1, "title": "Report.az (citing SCMP)',
    );
    expect(errorsOf(nested)[0]).toMatch(/, field sources\.0: the key "prototype" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('impossible dates', () => {
    const errors = errorsOf(
      tampered((d) => {
        const call = d.tables.events.find((e: { id: string }) => e.id === 'trump-xi-call-2025-09-19');
        call.startsAt = '2025-02-30T12:00:00.000Z';
        const w = d.tables.windows[0];
        w.startDate = '2025-13-01';
      }),
    );
    expect(errors.join('\n')).toMatch(
      /Event "Trump–Xi phone call[^"]*" \(events #\d+\): startsAt is not a real date-time/,
    );
    expect(errors.join('\n')).toMatch(/Window "[^"]+" \(windows #1\): startDate is not a real date/);
  });

  it('unknown zones', () => {
    const errors = errorsOf(tampered((d) => (d.tables.places[0].timeZone = 'Mars/Olympus_Mons')));
    expect(errors[0]).toMatch(
      /^Place "[^"]+" \(places #1\): timeZone "Mars\/Olympus_Mons" is not a known IANA time zone\.$/,
    );
  });

  it('the same id twice in a table', () => {
    const errors = errorsOf(tampered((d) => d.tables.legs.push({ ...d.tables.legs[0] })));
    expect(errors[0]).toMatch(/the id "[^"]+" is already used by legs #1/);
  });

  it('limits: file size, record count and nesting depth', () => {
    expect(errorsOf(' '.repeat(IMPORT_LIMITS.maxFileBytes + 1))[0]).toMatch(
      /too large \(25\.0 MB\); the limit is 25 MB/,
    );
    const many = JSON.stringify({
      format: 'summitry-backup',
      formatVersion: 2,
      appVersion: '1',
      exportedAt: NOW,
      planName: 'x',
      scope: { kind: 'plan' },
      acceptances: [],
      tables: { events: Array.from({ length: IMPORT_LIMITS.maxRecords + 1 }, () => ({})) },
    });
    expect(errorsOf(many)[0]).toBe('The file holds 50,001 records; at most 50,000 can be imported at once.');
    const deep = tampered((d) => (d.tables.events[0].notes = JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`)));
    expect(errorsOf(deep)[0]).toMatch(/nested more than 32 levels deep/);
  });

  it('lists at most 20 problems', () => {
    const errors = errorsOf(
      tampered((d) => d.tables.events.forEach((e: { timeZone: string }) => (e.timeZone = 'Nowhere/Land'))),
    );
    expect(errors).toHaveLength(21);
    expect(errors[20]).toMatch(/^…and \d+ more problems\.$/);
  });
});

describe('findDanglingReferences', () => {
  it('names references to items in neither the file nor the plan', () => {
    const plan = buildSamplePlan();
    const partial = { ...plan, places: plan.places.filter((p) => p.id !== 'pek') };
    const found = findDanglingReferences(partial);
    expect(
      found.some((s) => /^Leg draft-leg-1 refers to place "pek", which is not in the file or the plan\.$/.test(s)),
    ).toBe(true);
    expect(findDanglingReferences(partial, { places: ['pek'] })).toEqual([]);
  });
});
