import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportCalendar, idFromUid, selectCalendarItems, STATUS_TO_ICS, uidOf } from '../../../src/domain/files';
import { WINDOWS_TO_IANA, windowsZoneToIana } from '../../../src/domain/files/windows-zones';
import { STATUSES, type Plan, type PlanEvent } from '../../../src/domain/model/model';
import { restoreCalendar, type Restored } from '../../../src/domain/files';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { addDaysToDate, isValidZone } from '../../../src/domain/time/time';
import { makeEvent } from '../../helpers/factories';

const NOW = '2026-11-28T12:00:00.000Z';
const OPTIONS = { now: NOW, appVersion: '0.1.0', calendarName: 'US–China summitry 2025–26' };
const READ = { displayZone: 'Europe/London', now: NOW };
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ics/${name}`, import.meta.url), 'utf8');

function restored(text: string, options = READ): Restored {
  const result = restoreCalendar(text, options);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.restored;
}

/** Physical lines as bytes, split at CRLF. */
function byteLines(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i += 1;
    }
  }
  expect(start).toBe(bytes.length); // the text ends with CRLF
  return lines;
}

describe('iCalendar export', () => {
  const plan = buildSamplePlan();
  const text = exportCalendar(plan, { kind: 'plan' }, OPTIONS);
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevents = cal.getAllSubcomponents('vevent');
  const byUid = new Map(vevents.map((v) => [v.getFirstPropertyValue('uid') as string, v]));

  it('has VERSION, PRODID and one VEVENT per event, leg and window, each with a stable UID', () => {
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Summitry//Summitry 0.1.0//EN');
    expect(vevents).toHaveLength(plan.events.length + plan.legs.length + plan.windows.length);
    expect(byUid.has('busan-summit-2025@summitry.local')).toBe(true);
    expect(byUid.has('leg/draft-leg-rail@summitry.local')).toBe(true);
    expect(byUid.has('window/apec-2025-week@summitry.local')).toBe(true);
    expect(
      exportCalendar(plan, { kind: 'plan' }, { ...OPTIONS, now: '2027-01-01T00:00:00.000Z' }).replace(
        /DTSTAMP:\S+/g,
        '',
      ),
    ).toBe(text.replace(/DTSTAMP:\S+/g, ''));
  });

  it('stamps DTSTAMP, SEQUENCE (grows with each edit) and LAST-MODIFIED', () => {
    const busan = byUid.get('busan-summit-2025@summitry.local')!;
    expect((busan.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()).toBe('2026-11-28T12:00:00Z');
    expect((busan.getFirstPropertyValue('last-modified') as ICAL.Time).toString()).toBe('2026-11-01T00:00:00Z');
    const edited = plan.events.map((e) =>
      e.id === 'busan-summit-2025' ? { ...e, updatedAt: '2026-11-02T00:00:00.000Z' } : e,
    );
    const again = new ICAL.Component(
      ICAL.parse(exportCalendar({ ...plan, events: edited }, { kind: 'plan' }, OPTIONS)),
    );
    const seq = (c: ICAL.Component) =>
      c
        .getAllSubcomponents('vevent')
        .find((v) => v.getFirstPropertyValue('uid') === 'busan-summit-2025@summitry.local')!
        .getFirstPropertyValue('sequence') as unknown as number;
    expect(seq(again)).toBeGreaterThan(busan.getFirstPropertyValue('sequence') as unknown as number);
  });

  it('writes timed items in UTC and all-day items as VALUE=DATE with an exclusive DTEND', () => {
    expect(text).toContain('UID:busan-summit-2025@summitry.local');
    const busan = byUid.get('busan-summit-2025@summitry.local')!;
    expect(busan.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART:20251030T020000Z');
    expect(busan.getFirstProperty('dtend')!.toICALString()).toBe('DTEND:20251030T034000Z');
    const madrid = byUid.get('madrid-talks-2025@summitry.local')!;
    expect(madrid.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART;VALUE=DATE:20250914');
    expect(madrid.getFirstProperty('dtend')!.toICALString()).toBe('DTEND;VALUE=DATE:20250916');
    expect(text).not.toMatch(/TZID=/);
  });

  it('maps every status to TENTATIVE, CONFIRMED or CANCELLED', () => {
    expect(STATUS_TO_ICS).toEqual({
      speculative: 'TENTATIVE',
      proposed: 'TENTATIVE',
      tentative: 'TENTATIVE',
      confirmed: 'CONFIRMED',
      held: 'CONFIRMED',
      postponed: 'CANCELLED',
      cancelled: 'CANCELLED',
    });
    const events = STATUSES.map((status) => makeEvent({ id: `s-${status}` as never, status }));
    const out = new ICAL.Component(
      ICAL.parse(exportCalendar({ ...plan, events, legs: [], windows: [] }, { kind: 'plan' }, OPTIONS)),
    );
    for (const v of out.getAllSubcomponents('vevent')) {
      const status = (v.getFirstPropertyValue('uid') as string).slice(2, -15);
      expect(v.getFirstPropertyValue('status')).toBe(STATUS_TO_ICS[status as keyof typeof STATUS_TO_ICS]);
    }
  });

  it('gives LOCATION and GEO, DESCRIPTION with the sources, and CATEGORIES (kind, topics)', () => {
    const madrid = byUid.get('madrid-talks-2025@summitry.local')!;
    expect(madrid.getFirstPropertyValue('location')).toBe('Palacio de Santa Cruz, Spain');
    expect(madrid.getFirstPropertyValue('geo')).toEqual([40.4147, -3.7059]);
    const description = madrid.getFirstPropertyValue('description') as string;
    expect(description).toContain(
      'Sources:\n- Yeshiva World: U.S., China hold trade talks in Madrid — https://www.theyeshivaworld.com/',
    );
    expect(madrid.getFirstProperty('categories')!.getValues()).toEqual([
      'talks',
      'TikTok',
      'critical minerals',
      'fentanyl',
    ]);
  });

  it('writes legs as events naming their mode and number', () => {
    const leg = byUid.get('leg/xi-leg-out@summitry.local')!;
    expect(leg.getFirstPropertyValue('summary')).toBe(
      'Flight CA817 (Air China): Beijing Capital International Airport → Washington Dulles',
    );
    expect(leg.getFirstPropertyValue('description')).toMatch(
      /^Departs Beijing Capital International Airport at 12:30 CST \(China\); arrives Washington Dulles at 15:10 EDT \(local times\)\./,
    );
    expect(byUid.get('leg/draft-leg-rail@summitry.local')!.getFirstPropertyValue('summary')).toMatch(
      /^Rail \(China Railway[^)]*\)\): Beijing South → Shanghai Hongqiao$/,
    );
  });

  it('ends every line with CRLF and folds at 75 octets without splitting a UTF-8 character', () => {
    const long = makeEvent({
      id: 'long' as never,
      title: `Très long titre — 北京上海高速铁路 🚄🚄🚄 ${'é'.repeat(40)}${'🎉'.repeat(30)}`.slice(0, 300),
      notes: `${'长'.repeat(200)} ${'ü'.repeat(120)}`,
    });
    const out = exportCalendar({ ...plan, events: [...plan.events, long] }, { kind: 'plan' }, OPTIONS);
    expect(out).not.toMatch(/[^\r]\n/);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const lines = byteLines(out);
    let folded = 0;
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
      if (line[0] === 0x20) folded += 1;
    }
    expect(folded).toBeGreaterThan(20);
    expect(out).not.toContain('\uFFFD');
    const back = restored(out).plan.events.find((e) => e.id === 'long')!;
    expect(back.title).toBe(long.title);
    expect(back.notes).toBe(long.notes);
  });
});

describe('iCalendar round trip through ical.js', () => {
  const plan = buildSamplePlan();
  const back = restored(exportCalendar(plan, { kind: 'plan' }, OPTIONS));

  it('reads every event back with its id, title, instants or dates, zone, status and kind', () => {
    expect(back.skipped).toEqual([]);
    expect(back.plan.events).toHaveLength(plan.events.length);
    const byId = new Map(back.plan.events.map((e) => [e.id as string, e]));
    for (const e of plan.events) {
      const b = byId.get(e.id)!;
      expect(b, e.id).toBeDefined();
      expect([
        b.title,
        b.allDay,
        b.startsAt,
        b.endsAt,
        b.startDate,
        b.endDate,
        b.timeZone,
        b.status,
        b.kind,
        b.optional,
        b.visitId,
        b.placeId,
      ]).toEqual([
        e.title,
        e.allDay,
        e.startsAt,
        e.endsAt,
        e.startDate,
        e.endDate,
        e.timeZone,
        e.status,
        e.kind,
        e.optional,
        e.visitId,
        e.placeId,
      ]);
      expect(b.participantIds).toEqual(e.participantIds);
      expect(b.topics).toEqual(e.topics);
      expect(b.updatedAt).toBe(e.updatedAt);
    }
  });

  it('reads legs back as legs and windows as windows', () => {
    expect(
      back.plan.legs
        .map((l) => [l.id, l.departsAt, l.arrivesAt, l.mode, l.number, l.fromPlaceId, l.toPlaceId, l.status])
        .sort(),
    ).toEqual(
      plan.legs
        .map((l) => [l.id, l.departsAt, l.arrivesAt, l.mode, l.number, l.fromPlaceId, l.toPlaceId, l.status])
        .sort(),
    );
    expect(
      back.plan.windows.map((w) => [w.id, w.startDate, w.endDate, w.timeZone, w.kind, w.startsAt, w.endsAt]).sort(),
    ).toEqual(plan.windows.map((w) => [w.id, w.startDate, w.endDate, w.timeZone, w.kind, w.startsAt, w.endsAt]).sort());
  });
});

describe('a second, independent check of the exported sample plan', () => {
  /**
   * Not ical.js: unfolds the raw text per RFC 5545 §3.1 (CRLF followed by one space or tab) and
   * reads each VEVENT's UID, DTSTART and DTEND by splitting lines at the first colon.
   */
  function rawEvents(text: string): Map<string, Record<string, string>> {
    const unfolded = text.split('\r\n').reduce<string[]>((lines, line) => {
      if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length) lines[lines.length - 1] += line.slice(1);
      else lines.push(line);
      return lines;
    }, []);
    const out = new Map<string, Record<string, string>>();
    let current: Record<string, string> | null = null;
    for (const line of unfolded) {
      if (line === 'BEGIN:VEVENT') current = {};
      else if (line === 'END:VEVENT' && current) {
        out.set(current.UID!, current);
        current = null;
      } else if (current) {
        const colon = line.indexOf(':');
        current[line.slice(0, colon)] = line.slice(colon + 1);
      }
    }
    return out;
  }
  const utcStamp = (instant: string) => instant.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

  it('finds every item of the sample plan at its UTC instant, line by line, and ical.js agrees', () => {
    const plan: Plan = buildSamplePlan();
    const text = exportCalendar(plan, { kind: 'plan' }, OPTIONS);
    const raw = rawEvents(text);
    const parsed = new Map(
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((v) => [v.getFirstPropertyValue('uid') as string, new ICAL.Event(v)]),
    );
    let checked = 0;
    const timed = (uid: string, start: string, end: string) => {
      expect(raw.get(uid)?.DTSTART, uid).toBe(utcStamp(start));
      expect(raw.get(uid)?.DTEND, uid).toBe(utcStamp(end));
      expect(parsed.get(uid)!.startDate.toJSDate().toISOString(), uid).toBe(start);
      expect(parsed.get(uid)!.endDate.toJSDate().toISOString(), uid).toBe(end);
      checked += 1;
    };
    const dated = (uid: string, startDate: string, endDate: string) => {
      expect(raw.get(uid)?.['DTSTART;VALUE=DATE'], uid).toBe(startDate.replace(/-/g, ''));
      expect(raw.get(uid)?.['DTEND;VALUE=DATE'], uid).toBe(addDaysToDate(endDate, 1).replace(/-/g, ''));
      expect(parsed.get(uid)!.startDate.toString(), uid).toBe(startDate);
      checked += 1;
    };
    for (const e of plan.events) {
      if (e.allDay) dated(uidOf('event', e.id), e.startDate!, e.endDate!);
      else timed(uidOf('event', e.id), e.startsAt, e.endsAt);
    }
    for (const l of plan.legs) timed(uidOf('leg', l.id), l.departsAt, l.arrivesAt);
    for (const w of plan.windows) dated(uidOf('window', w.id), w.startDate, w.endDate);
    expect(checked).toBe(raw.size);
    expect(checked).toBe(plan.events.length + plan.legs.length + plan.windows.length);
    // FACTS.md: the Busan meeting began ~11:00 KST = 02:00 UTC; the 19 Sep call 08:00 EDT = 12:00 UTC.
    expect(raw.get('busan-summit-2025@summitry.local')!.DTSTART).toBe('20251030T020000Z');
    expect(raw.get('trump-xi-call-2025-09-19@summitry.local')!.DTSTART).toBe('20250919T120000Z');
  });
});

describe('iCalendar import: files as the big three write them', () => {
  it('Google: UTC and TZID times, all-day, a weekly RRULE with EXDATE and a moved occurrence, floating time', () => {
    const r = restored(fixture('google.ics'), { ...READ, now: '2025-09-20T12:00:00.000Z' });
    const byTitle = (t: string) => r.plan.events.filter((e) => e.title === t);
    expect(r.planName).toBe('Sherpa team');
    expect(r.skipped).toEqual([]);
    const call = byTitle("Leaders' call (prep)")[0]!;
    expect([call.startsAt, call.endsAt, call.status]).toEqual([
      '2025-09-19T12:00:00.000Z',
      '2025-09-19T13:00:00.000Z',
      'confirmed',
    ]);
    expect(call.notes).toBe(
      'Trump–Xi call. Agenda: TikTok, trade, fentanyl.\nDial-in sent separately.\n\nLocation: White House, Washington, DC',
    );
    expect(call.updatedAt).toBe('2025-09-18T22:00:00.000Z');
    const weekly = byTitle('Weekly sherpa sync').map((e) => e.startsAt);
    // 6 Mondays from 6 Oct, minus the EXDATE 13 Oct, minus 20 Oct (moved): 09:00 EDT = 13:00Z, 09:00 EST = 14:00Z after 2 Nov.
    expect(weekly).toEqual([
      '2025-10-06T13:00:00.000Z',
      '2025-10-27T13:00:00.000Z',
      '2025-11-03T14:00:00.000Z',
      '2025-11-10T14:00:00.000Z',
    ]);
    const moved = byTitle('Weekly sherpa sync (moved to Tuesday)')[0]!;
    expect([moved.startsAt, moved.id]).toEqual([
      '2025-10-21T18:00:00.000Z',
      'ics:7kukuqrfedlm2f9t0vr42q2mv6@google.com_20251020T090000',
    ]);
    const apec = byTitle('APEC leaders (Gyeongju)')[0]!;
    expect([apec.allDay, apec.startDate, apec.endDate, apec.status, apec.kind]).toEqual([
      true,
      '2025-10-31',
      '2025-11-01',
      'tentative',
      'summit',
    ]);
    const floating = byTitle('Busan placeholder (floating time)')[0]!;
    expect([floating.startsAt, floating.timeZone]).toEqual(['2025-10-30T15:00:00.000Z', 'America/New_York']);
    expect(r.notes.join('\n')).toMatch(
      /1 event had times with no time zone \("floating"\); they were read as America\/New_York time/,
    );
  });

  it('Outlook: Windows zone names with VTIMEZONE, a BOM, a custom zone, HTML kept as text; unreadable events reported', () => {
    const r = restored(fixture('outlook.ics'));
    const at = (title: string) => r.plan.events.find((e) => e.title === title)!;
    expect([at('Bilateral talks – Great Hall').startsAt, at('Bilateral talks – Great Hall').timeZone]).toEqual([
      '2026-05-14T02:00:00.000Z',
      'Asia/Shanghai',
    ]);
    expect([at('Trump–Xi meeting, Gimhae').startsAt, at('Trump–Xi meeting, Gimhae').timeZone]).toEqual([
      '2025-10-30T02:00:00.000Z',
      'Asia/Seoul',
    ]);
    expect([at('Phone call, Washington–Beijing').startsAt, at('Phone call, Washington–Beijing').timeZone]).toEqual([
      '2025-09-19T12:00:00.000Z',
      'America/New_York',
    ]);
    expect([at('G7 sherpa breakfast, Évian').startsAt, at('G7 sherpa breakfast, Évian').status]).toEqual([
      '2026-06-15T07:00:00.000Z',
      'tentative',
    ]);
    expect([at('APEC Shenzhen side meeting').startsAt, at('APEC Shenzhen side meeting').timeZone]).toEqual([
      '2026-11-18T01:30:00.000Z',
      'Asia/Shanghai',
    ]);
    expect(at('Bilateral talks – Great Hall').notes).toContain(
      '<b>Bring the briefing book</b> <script>alert(1)</script>',
    );
    expect(at('Bilateral talks – Great Hall').id).toMatch(/^ics:h[0-9a-z]+$/);
    const golden = at('Golden Week (out of office)');
    expect([golden.startDate, golden.endDate]).toEqual(['2026-10-01', '2026-10-07']);
    expect(r.skipped).toEqual([
      {
        label: '"Meeting in an unknown zone" (starts 2026-11-20 09:30)',
        reason: 'its time zone "Atlantis Standard Time" is not known and the file does not define it (no VTIMEZONE)',
      },
      {
        label: '"Meeting on an impossible date" (starts 2026-02-30 10:00)',
        reason: 'its start (DTSTART) "20260230T100000" (line 120) is not a real date and time',
      },
    ]);
    expect(r.notes.join('\n')).toMatch(/"China Standard Time" was read as Asia\/Shanghai/);
  });

  it('Apple: LF-only lines, IANA TZID, an endless daily repeat cut off, a floating time, a VTODO left out', () => {
    const text = fixture('apple.ics');
    expect(text).not.toContain('\r');
    const r = restored(text);
    const temple = r.plan.events.find((e) => e.title === 'Temple of Heaven 天坛 visit')!;
    expect([temple.startsAt, temple.endsAt, temple.timeZone]).toEqual([
      '2026-05-14T07:00:00.000Z',
      '2026-05-14T08:30:00.000Z',
      'Asia/Shanghai',
    ]);
    expect(temple.sources).toEqual([{ title: 'Link from the calendar file', url: 'https://example.org/itinerary' }]);
    const days = r.plan.events.find((e) => e.title === 'State visit (all days)')!;
    expect([days.startDate, days.endDate]).toEqual(['2026-05-13', '2026-05-15']);
    const brief = r.plan.events.filter((e) => e.title === 'Morning brief (repeats forever)');
    expect(brief).toHaveLength(500);
    expect(brief[0]!.startsAt).toBe('2026-01-01T00:00:00.000Z');
    expect(r.notes.join('\n')).toMatch(/Repeating events were cut at 500 occurrences/);
    expect(r.notes.join('\n')).toMatch(/Not imported \(not events\): 1 VTODO/);
    const lunch = r.plan.events.find((e) => e.title === 'Working lunch (floating)')!;
    expect([lunch.startsAt, lunch.timeZone]).toEqual(['2026-05-15T11:00:00.000Z', 'Europe/London']);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'it ends (2026-05-15T05:00:00.000Z) before it starts (2026-05-15T06:00:00.000Z)',
    ]);
  });

  it('refuses a repeat more often than daily, and a file that is not iCalendar', () => {
    const hourly =
      'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:h1\nDTSTART:20260101T080000Z\nDTEND:20260101T081500Z\nRRULE:FREQ=HOURLY\nSUMMARY:Pings\nEND:VEVENT\nEND:VCALENDAR\n';
    expect(restored(hourly).skipped).toEqual([
      {
        label: '"Pings" (starts 2026-01-01 08:00)',
        reason: 'it repeats hourly; only daily or slower repeats can be imported',
      },
    ]);
    const notIcs = restoreCalendar('BEGIN:VCARD\nEND:VCARD', READ);
    expect(!notIcs.ok && notIcs.errors[0]).toMatch(/not an iCalendar file/);
    const broken = restored('BEGIN:VCALENDAR\nthis line has no colon\nEND:VCALENDAR');
    expect(broken.notes).toEqual(['Line 2, "this line has no colon" is not a property and was ignored.']);
  });

  it('reads its own export back under the same ids, so a second import updates rather than duplicates', () => {
    expect(idFromUid('busan-summit-2025@summitry.local')).toBe('busan-summit-2025');
    expect(idFromUid('leg/xi-leg-out@summitry.local')).toBe('xi-leg-out');
    expect(idFromUid('abc@google.com')).toBe('ics:abc@google.com');
    expect(idFromUid('x'.repeat(200))).toBe(idFromUid('x'.repeat(200)));
    expect(idFromUid('x'.repeat(200))).not.toBe(idFromUid(`${'x'.repeat(199)}y`));
  });
});

describe('calendar selection', () => {
  const plan = buildSamplePlan();
  it('one visit: its events and legs', () => {
    const s = selectCalendarItems(plan, { kind: 'visit', visitId: 'draft-state-visit-2025' });
    expect(s.legs.map((l) => l.id).sort()).toEqual(['draft-leg-1', 'draft-leg-2', 'draft-leg-rail']);
    expect(s.events.length).toBeGreaterThan(0);
    expect(s.events.every((e: PlanEvent) => e.visitId === 'draft-state-visit-2025')).toBe(true);
    expect(s.windows).toEqual([]);
  });
  it('the current filter: participants, kinds, statuses and optional items', () => {
    const s = selectCalendarItems(plan, {
      kind: 'filter',
      filter: { participantIds: ['xi'], kinds: [], statuses: ['tentative'], includeOptional: false },
    });
    expect(
      s.events.every((e) => e.participantIds.includes('xi' as never) && e.status === 'tentative' && !e.optional),
    ).toBe(true);
    expect(s.legs.map((l) => l.id).sort()).toEqual(['xi-leg-home', 'xi-leg-out']);
    const summits = selectCalendarItems(plan, {
      kind: 'filter',
      filter: { participantIds: [], kinds: ['summit'], statuses: [], includeOptional: true },
    });
    expect(summits.events.every((e) => e.kind === 'summit')).toBe(true);
    expect(summits.legs).toEqual([]);
    const noOptional = selectCalendarItems(plan, {
      kind: 'filter',
      filter: { participantIds: [], kinds: [], statuses: [], includeOptional: false },
    });
    expect(noOptional.legs.some((l) => l.id === 'draft-leg-rail')).toBe(false);
  });
});

describe('Windows zone names', () => {
  it('map to IANA zones this runtime knows', () => {
    for (const [name, zone] of Object.entries(WINDOWS_TO_IANA))
      expect(isValidZone(zone), `${name} → ${zone}`).toBe(true);
    expect(windowsZoneToIana('China Standard Time')).toBe('Asia/Shanghai');
    expect(windowsZoneToIana('"eastern standard time"')).toBe('America/New_York');
    expect(windowsZoneToIana('Korea Standard Time')).toBe('Asia/Seoul');
    expect(windowsZoneToIana('Romance Standard Time')).toBe('Europe/Paris');
    expect(windowsZoneToIana('Atlantis Standard Time')).toBeUndefined();
  });
});
