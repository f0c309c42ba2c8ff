/**
 * Issue 19 item 1: any string through any text field of any record, stored through runCommand,
 * comes back from the exported backup and calendar file as exactly the cleaned text.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/db/commands';
import { applyImport, exportBackup } from '../../src/db/io';
import { loadPlan } from '../../src/db/repositories';
import { PLAN_NAME_KEY } from '../../src/db/seed';
import { exportCalendar, restoreBackup, restoreCalendar } from '../../src/domain/files';
import { cleanLine, cleanText, TABLE_NAMES, type Plan } from '../../src/domain/model';
import { makeAllDayEvent, makeEvent, makeLeg, makeWindow } from '../helpers/factories';
import { dbsPerTest, freshDb } from '../helpers/fresh-db';

const NOW = '2026-11-28T12:00:00.000Z';
const dbs = dbsPerTest();

/** Awkward pieces for files and screens: line breaks, escapes, bidi, invisibles, words the .ics reader looks for. */
const PIECES = [
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u2066',
  '\u200F',
  '\u061C',
  '\u200B',
  '\uFEFF',
  '\u200D',
  '\uD800',
  '\uDC00',
  '😀',
  ';',
  ',',
  '\\',
  '\\n',
  ':',
  '"',
  "'",
  ' ',
  '  ',
  'BEGIN:VEVENT',
  'END:VCALENDAR',
  'Sources:',
  'With: ',
  '<script>alert(1)</script>',
  '=cmd|',
  'é',
  'ß',
];
const anyText = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 8 })
      .map((a) => a.join('')),
  )
  .map((s) => s.slice(0, 39)); // within every field's limit (a leg's number: 40)
/** Never empty once cleaned and trimmed (titles and names are required). */
const aTitle = anyText.map((s) => `T${s}`);

interface Texts {
  planName: string;
  place: [string, string];
  participant: [string, string, string];
  visit: [string, string, string, string, string];
  event: [string, string, string, string, string];
  allDay: [string, string];
  leg: [string, string, string];
  window: [string, string];
  scenario: [string, string];
  note: string;
}

const texts: fc.Arbitrary<Texts> = fc.record({
  planName: aTitle,
  place: fc.tuple(aTitle, anyText),
  participant: fc.tuple(aTitle, anyText, anyText),
  visit: fc.tuple(aTitle, anyText, anyText, aTitle, aTitle),
  event: fc.tuple(aTitle, anyText, aTitle, aTitle, aTitle),
  allDay: fc.tuple(aTitle, anyText),
  leg: fc.tuple(anyText, anyText, anyText),
  window: fc.tuple(aTitle, anyText),
  scenario: fc.tuple(aTitle, anyText),
  note: aTitle,
});

function planOf(t: Texts) {
  const place = {
    id: 'p1',
    name: t.place[0],
    country: t.place[1],
    lat: 35.1,
    lon: 129,
    timeZone: 'Asia/Seoul',
    kind: 'city' as const,
  };
  const place2 = { ...place, id: 'p2', name: 'Seoul', country: 'Korea' };
  const participant = {
    id: 'who',
    name: t.participant[0],
    role: t.participant[1],
    country: t.participant[2],
    color: '#1f6feb',
  };
  const visit = {
    id: 'v1',
    title: t.visit[0],
    guestId: 'who',
    hostCountry: t.visit[1],
    participantIds: ['who'],
    status: 'proposed',
    notes: t.visit[2],
    sources: [{ title: t.visit[3] }],
    topics: [t.visit[4]],
  };
  const event = makeEvent({
    id: 'e1' as never,
    title: t.event[0],
    notes: t.event[1],
    topics: [t.event[2], t.event[3]],
    sources: [{ title: t.event[4], url: 'https://example.org/a' }],
    placeId: 'p1' as never,
    participantIds: ['who'] as never,
    visitId: 'v1' as never,
  });
  const allDay = makeAllDayEvent('2025-10-28', '2025-10-29', 'Asia/Seoul', {
    id: 'e2' as never,
    title: t.allDay[0],
    notes: t.allDay[1],
  });
  const leg = makeLeg({
    id: 'l1' as never,
    fromPlaceId: 'p1' as never,
    toPlaceId: 'p2' as never,
    mode: 'flight',
    carrier: t.leg[0],
    number: t.leg[1],
    notes: t.leg[2],
    visitId: 'v1' as never,
  });
  const window = makeWindow('2025-10-27', '2025-11-01', 'Asia/Seoul', {
    id: 'w1' as never,
    title: t.window[0],
    notes: t.window[1],
  });
  const scenario = { id: 's1', name: t.scenario[0], notes: t.scenario[1], includeOptionalIds: [], overrides: [] };
  return { place, place2, participant, visit, event, allDay, leg, window, scenario };
}

const LOCAL = ['planId', 'rev', 'updatedBy'];
const withoutLocal = (r: object) => Object.fromEntries(Object.entries(r).filter(([k]) => !LOCAL.includes(k)));
const withoutId = (r: object) => {
  const { id: _id, rev: _rev, planId: _p, updatedBy: _u, ...rest } = r as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))));
};
const contents = (list: readonly object[]) => list.map(withoutId).sort();

async function storeAndExport(t: Texts) {
  const { db } = freshDb(() => NOW);
  dbs.track(db);
  const r = planOf(t);
  await runCommand(
    db,
    {
      label: `Stored ${t.note}`,
      put: {
        places: [r.place, r.place2],
        participants: [r.participant],
        visits: [r.visit],
        events: [r.event, r.allDay],
        legs: [r.leg],
        windows: [r.window],
        scenarios: [r.scenario],
        acceptances: [{ id: 'overlap:e1|e2', note: t.note, acceptedAt: NOW, itemsFingerprint: '[]' }],
      },
      meta: { [PLAN_NAME_KEY]: t.planName },
    },
    { clock: () => NOW },
  );
  return db;
}

describe('any text, stored through runCommand, comes back from both exports exactly as cleaned', () => {
  it('is stored cleaned, in every text field of every record, the plan name and history', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const db = await storeAndExport(t);
        const plan = await loadPlan(db);
        const title = (s: string) => cleanText(s).trim();
        const optional = (s: string) => cleanText(s) || undefined;
        expect(plan.places.find((p) => p.id === 'p1')).toMatchObject({
          name: title(t.place[0]),
          country: cleanText(t.place[1]),
        });
        expect(plan.participants[0]).toMatchObject({
          name: title(t.participant[0]),
          role: cleanText(t.participant[1]),
        });
        expect(plan.visits[0]).toMatchObject({ title: title(t.visit[0]), notes: optional(t.visit[2]) });
        expect(plan.events.find((e) => e.id === 'e1')).toMatchObject({
          title: title(t.event[0]),
          notes: optional(t.event[1]),
          topics: [...new Set([title(t.event[2]), title(t.event[3])])],
        });
        expect(plan.legs[0]).toMatchObject({ carrier: optional(t.leg[0]), number: optional(t.leg[1]) });
        expect(plan.scenarios[0]).toMatchObject({ name: title(t.scenario[0]) });
        expect((await db.acceptances.toArray())[0]!.note).toBe(title(t.note));
        expect((await db.meta.get(PLAN_NAME_KEY))?.value).toBe(title(t.planName));
        // A label is one line: its line breaks become spaces, its ends trimmed.
        expect((await db.history.toArray())[0]!.label).toBe(cleanLine(`Stored ${t.note}`, 'Changed the plan'));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('the backup reads back to exactly what is stored (records, acceptance note, plan name)', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const db = await storeAndExport(t);
        const text = await exportBackup(db, { kind: 'plan' }, { appVersion: '0.1.0', now: NOW });
        const read = restoreBackup(text);
        if (!read.ok) throw new Error(read.errors.join('\n'));
        const plan = await loadPlan(db);
        for (const name of TABLE_NAMES)
          expect(read.restored.plan[name].map(withoutLocal), name).toEqual(
            plan[name].map(withoutLocal).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)),
          );
        expect(read.restored.acceptances[0]!.note).toBe((await db.acceptances.toArray())[0]!.note);
        expect(read.restored.planName).toBe((await db.meta.get(PLAN_NAME_KEY))?.value);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('the calendar file reads back to exactly what is stored (every record it carries, its name)', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const db = await storeAndExport(t);
        const plan = await loadPlan(db);
        const planName = (await db.meta.get(PLAN_NAME_KEY))?.value as string;
        const text = exportCalendar(
          plan,
          { kind: 'plan' },
          { now: NOW, appVersion: '0.1.0', calendarName: planName, timeFormat: 'utc' },
        );
        expect(text.replace(/\r\n/g, '')).not.toMatch(
          /[\r\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/,
        );
        const read = restoreCalendar(text, { displayZone: 'Asia/Seoul', now: NOW });
        if (!read.ok) throw new Error(read.errors.join('\n'));
        expect(read.restored.skipped).toEqual([]);
        expect(read.restored.planName).toBe(planName);
        const { db: back } = freshDb(() => NOW);
        dbs.track(back);
        await applyImport(back, read.restored, 'merge', { now: NOW, appVersion: '0.1.0', reason: 'test' });
        const again = await loadPlan(back);
        const carried: (keyof Plan)[] = ['events', 'legs', 'windows', 'visits', 'places', 'participants'];
        for (const name of carried) expect(contents(again[name]), name).toEqual(contents(plan[name]));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
