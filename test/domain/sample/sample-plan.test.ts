import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, validateEntity } from '../../../src/domain/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';

const plan = buildSamplePlan();
const event = (id: string) => {
  const e = plan.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};
const leg = (id: string) => {
  const l = plan.legs.find((x) => x.id === id);
  if (!l) throw new Error(`no leg ${id}`);
  return l;
};

describe('sample plan against FACTS.md (in UTC)', () => {
  it('is valid, record by record', () => {
    for (const table of TABLE_NAMES) {
      for (const record of plan[table] as unknown[]) {
        const result = validateEntity(table, record);
        expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
      }
    }
  });

  it('has unique ids in every table', () => {
    for (const table of TABLE_NAMES) {
      const ids = (plan[table] as { id: string }[]).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('refers only to places, participants, visits and windows that exist', () => {
    const places = new Set(plan.places.map((p) => p.id as string));
    const people = new Set(plan.participants.map((p) => p.id as string));
    const visits = new Set(plan.visits.map((v) => v.id as string));
    const windows = new Set(plan.windows.map((w) => w.id as string));
    for (const e of plan.events) {
      if (e.placeId) expect(places.has(e.placeId), e.id).toBe(true);
      if (e.visitId) expect(visits.has(e.visitId), e.id).toBe(true);
      if (e.windowId) expect(windows.has(e.windowId), e.id).toBe(true);
      for (const p of e.participantIds) expect(people.has(p), `${e.id}: ${p}`).toBe(true);
    }
    for (const l of plan.legs) {
      expect(places.has(l.fromPlaceId) && places.has(l.toPlaceId), l.id).toBe(true);
      if (l.visitId) expect(visits.has(l.visitId), l.id).toBe(true);
    }
  });

  it('the Trump–Xi call starts at 2025-09-19T12:00Z (08:00 EDT)', () => {
    const call = event('trump-xi-call-2025-09-19');
    expect(call.startsAt).toBe('2025-09-19T12:00:00.000Z');
    expect(call.timeZone).toBe('America/New_York');
    expect(call.status).toBe('held');
  });

  it('the Madrid talks cover 14–15 Sep 2025 as local days in Europe/Madrid (CEST)', () => {
    const madrid = event('madrid-talks-2025');
    expect(madrid.allDay).toBe(true);
    expect([madrid.startDate, madrid.endDate]).toEqual(['2025-09-14', '2025-09-15']);
    expect(madrid.startsAt).toBe('2025-09-13T22:00:00.000Z');
    expect(madrid.endsAt).toBe('2025-09-15T22:00:00.000Z');
    expect(madrid.topics).toEqual(expect.arrayContaining(['TikTok', 'critical minerals', 'fentanyl']));
  });

  it("the APEC leaders' meeting covers 31 Oct–1 Nov 2025 as local days in Asia/Seoul", () => {
    const apec = event('apec-leaders-2025');
    expect([apec.startDate, apec.endDate, apec.timeZone]).toEqual(['2025-10-31', '2025-11-01', 'Asia/Seoul']);
    expect(apec.startsAt).toBe('2025-10-30T15:00:00.000Z');
    expect(apec.endsAt).toBe('2025-11-01T15:00:00.000Z');
    const week = plan.windows.find((w) => w.id === 'apec-2025-week')!;
    expect([week.startDate, week.endDate]).toEqual(['2025-10-27', '2025-11-01']);
  });

  it('the Busan meeting runs 11:00–12:40 KST on 30 Oct 2025 (02:00–03:40Z)', () => {
    const busan = event('busan-summit-2025');
    expect([busan.startsAt, busan.endsAt]).toEqual(['2025-10-30T02:00:00.000Z', '2025-10-30T03:40:00.000Z']);
  });

  it('the optional rail leg Beijing South → Shanghai Hongqiao takes 4 h 18 min', () => {
    const rail = leg('draft-leg-rail');
    expect(rail.optional).toBe(true);
    expect(rail.mode).toBe('rail');
    expect([rail.fromPlaceId, rail.toPlaceId]).toEqual(['beijing-south', 'shanghai-hongqiao']);
    expect(Date.parse(rail.arrivesAt) - Date.parse(rail.departsAt)).toBe((4 * 60 + 18) * 60_000);
    expect(rail.arrivesAt).toBe('2025-10-28T05:18:00.000Z');
  });

  it('keeps the first-set 2026 visit as postponed and the May visit as held, 13–15 May', () => {
    expect(plan.visits.find((v) => v.id === 'trump-china-2026-first')!.status).toBe('postponed');
    expect(event('trump-china-2026-first-dates').status).toBe('postponed');
    const may = plan.legs.filter((l) => l.visitId === 'trump-china-2026');
    expect(may.map((l) => l.arrivesAt.slice(0, 10))).toContain('2026-05-13');
    expect(event('may-talks').startsAt.slice(0, 10)).toBe('2026-05-14');
  });

  it("has Xi's return visit as tentative, inside the Aug–Sep 2026 window, overlapping UNGA and Mid-Autumn", () => {
    const xi = plan.visits.find((v) => v.id === 'xi-us-2026')!;
    expect(xi.status).toBe('tentative');
    const talks = event('xi-visit-talks');
    const unga = event('unga-2026');
    const midAutumn = plan.windows.find((w) => w.id === 'mid-autumn-2026')!;
    expect(talks.startsAt < unga.endsAt && unga.startsAt < talks.endsAt).toBe(true);
    expect(talks.startsAt < midAutumn.endsAt && midAutumn.startsAt < talks.endsAt).toBe(true);
  });

  it('has the 2026 anchors on their dates', () => {
    const anchors: Record<string, [string, string]> = {
      'g7-2026': ['2026-06-14', '2026-06-16'],
      'nato-2026': ['2026-07-07', '2026-07-08'],
      'unga-2026': ['2026-09-22', '2026-09-28'],
      'apec-shenzhen-2026': ['2026-11-18', '2026-11-19'],
      'g20-doral-2026': ['2026-12-14', '2026-12-15'],
    };
    for (const [id, dates] of Object.entries(anchors))
      expect([event(id).startDate, event(id).endDate], id).toEqual(dates);
    const w = (id: string) => plan.windows.find((x) => x.id === id)!;
    expect([w('two-sessions-2026').startDate, w('two-sessions-2026').endDate]).toEqual(['2026-03-04', '2026-03-12']);
    expect([w('mid-autumn-2026').startDate, w('mid-autumn-2026').endDate]).toEqual(['2026-09-25', '2026-09-27']);
    expect([w('golden-week-2026').startDate, w('golden-week-2026').endDate]).toEqual(['2026-10-01', '2026-10-07']);
    expect(w('us-midterms-2026').startDate).toBe('2026-11-03');
  });

  it('gives every dated commitment at least one source, except the statutory midterms', () => {
    const unsourced = plan.events.filter(
      (e) => e.sources.length === 0 && e.visitId === undefined && e.kind !== 'holiday',
    );
    expect(unsourced.map((e) => e.id)).toEqual([]);
  });
});
