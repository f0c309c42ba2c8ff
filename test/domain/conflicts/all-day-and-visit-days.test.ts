import { describe, expect, it } from 'vitest';
import { analyzeConflicts, findConflicts, type RuleId } from '../../../src/domain/conflicts';
import type { Plan } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { allDay, leg, plan, timed, visit, window } from './fixtures';

const CN = 'Asia/Shanghai';
const KR = 'Asia/Seoul';
const MY = 'Asia/Kuala_Lumpur';
const NY = 'America/New_York';

const only = (p: Plan, rule: RuleId) => findConflicts(p, { includeOptional: true }).filter((c) => c.rule === rule);

describe('visit days made by the date finder', () => {
  const day = (id: string, visitId: string, start: string, end: string) =>
    timed(start, end, CN, {
      id,
      kind: 'visit-day',
      status: 'tentative',
      placeId: 'beijing',
      participantIds: ['trump'],
      visitId,
    });

  it('a programme item inside the visit day of the same visit is not a double booking', () => {
    const p = plan({
      visits: [visit('v', { status: 'tentative', participantIds: ['trump'] })],
      events: [
        day('d1', 'v', '2025-11-10T09:00', '2025-11-10T18:00'),
        timed('2025-11-10T10:00', '2025-11-10T12:00', CN, {
          id: 'talks',
          placeId: 'great-hall',
          participantIds: ['trump', 'xi'],
          visitId: 'v',
        }),
      ],
      legs: [
        leg('pek', 'hongqiao', '2025-11-10T16:00', CN, '2025-11-10T18:15', CN, {
          id: 'fl',
          participantIds: ['trump'],
          visitId: 'v',
        }),
      ],
    });
    expect(only(p, 'double-booking')).toEqual([]);
    // Nor an overlap worth listing: the visit day holds them. The leg and the talks do not overlap.
    expect(only(p, 'overlap')).toEqual([]);
    const capped = analyzeConflicts(p, { includeOptional: true, rules: ['overlap'], settings: { overlapPairCap: 0 } });
    expect(capped.overlapPairsTotal).toBe(0);
  });

  it('an item of another visit, or of no visit, inside the visit day still clashes', () => {
    const other = timed('2025-11-10T10:00', '2025-11-10T12:00', CN, {
      id: 'other',
      placeId: 'shanghai',
      participantIds: ['trump'],
      visitId: 'w',
    });
    const loose = timed('2025-11-10T13:00', '2025-11-10T14:00', CN, {
      id: 'loose',
      placeId: 'shanghai',
      participantIds: ['trump'],
    });
    const p = plan({
      visits: [visit('v', { participantIds: ['trump'] }), visit('w', { participantIds: ['trump'] })],
      events: [day('d1', 'v', '2025-11-10T09:00', '2025-11-10T18:00'), other, loose],
    });
    const found = only(p, 'double-booking').map((c) => c.items.map((r) => r.id).sort());
    expect(found).toEqual([
      ['d1', 'other'],
      ['d1', 'loose'],
    ]);
  });

  it('two programme items of the same visit that overlap each other still clash', () => {
    const p = plan({
      visits: [visit('v', { participantIds: ['trump'] })],
      events: [
        day('d1', 'v', '2025-11-10T09:00', '2025-11-10T18:00'),
        timed('2025-11-10T10:00', '2025-11-10T12:00', CN, {
          id: 'a',
          placeId: 'great-hall',
          participantIds: ['trump'],
          visitId: 'v',
        }),
        timed('2025-11-10T11:00', '2025-11-10T13:00', CN, {
          id: 'b',
          placeId: 'great-hall',
          participantIds: ['trump'],
          visitId: 'v',
        }),
      ],
    });
    expect(only(p, 'double-booking').map((c) => c.items.map((r) => r.id).sort())).toEqual([['a', 'b']]);
  });
});

describe('all-day items in different zones', () => {
  // 27 Oct ends at 16:00 UTC in Kuala Lumpur (UTC+8); 28 Oct starts at 15:00 UTC in Korea (UTC+9).
  const kl = allDay('2025-10-25', '2025-10-27', MY, { id: 'kl', placeId: 'kuala-lumpur', participantIds: ['trump'] });
  const apec = window('2025-10-28', '2025-11-01', KR, { id: 'apec', placeId: 'gyeongju' });

  it('are compared by their local dates: consecutive days do not overlap by the zone difference', () => {
    const p = plan({ events: [kl], windows: [apec] });
    expect(only(p, 'overlap')).toEqual([]);
  });

  it('on consecutive local days they are not a double booking either', () => {
    const summit = allDay('2025-10-28', '2025-10-28', KR, {
      id: 'summit',
      placeId: 'gyeongju',
      participantIds: ['trump'],
    });
    expect(only(plan({ events: [kl, summit] }), 'double-booking')).toEqual([]);
  });

  it('a window ending in New York the day before a holiday in China starts shares no day with it', () => {
    const xi = window('2026-09-20', '2026-09-30', NY, { id: 'xi-window', placeId: 'washington' });
    const golden = window('2026-10-01', '2026-10-07', CN, { id: 'golden', kind: 'blackout', participantIds: ['xi'] });
    const talks = allDay('2026-09-30', '2026-09-30', NY, {
      id: 'talks',
      placeId: 'washington',
      participantIds: ['xi'],
    });
    const p = plan({ events: [talks], windows: [xi, golden] });
    const rules = findConflicts(p, { includeOptional: true }).map(
      (c) =>
        `${c.rule}:${c.items
          .map((r) => r.id)
          .sort()
          .join('+')}`,
    );
    expect(rules).toEqual(['overlap:talks+xi-window']);
  });

  it('on the same local dates in different cities with no one in common they are not listed', () => {
    const g7 = allDay('2026-06-14', '2026-06-16', 'Europe/Madrid', {
      id: 'g7',
      placeId: 'madrid',
      participantIds: ['trump'],
    });
    const holiday = window('2026-06-15', '2026-06-15', CN, { id: 'hol', placeId: 'beijing', participantIds: ['xi'] });
    expect(only(plan({ events: [g7], windows: [holiday] }), 'overlap')).toEqual([]);
    const shared = window('2026-06-15', '2026-06-15', CN, { id: 'hol', placeId: 'beijing', participantIds: ['trump'] });
    expect(only(plan({ events: [g7], windows: [shared] }), 'overlap')).toHaveLength(1);
  });

  it('a capped overlap list still counts exactly the pairs it would list', () => {
    const g7 = allDay('2026-06-14', '2026-06-16', 'Europe/Madrid', {
      id: 'g7',
      placeId: 'madrid',
      participantIds: ['trump'],
    });
    const holiday = window('2026-06-15', '2026-06-15', CN, { id: 'hol', placeId: 'beijing', participantIds: ['xi'] });
    const a = timed('2026-06-15T10:00', '2026-06-15T11:00', CN, { id: 'a', placeId: 'beijing' });
    const b = timed('2026-06-15T10:30', '2026-06-15T11:30', CN, { id: 'b', placeId: 'beijing' });
    const p = plan({ events: [g7, a, b], windows: [holiday] });
    const full = analyzeConflicts(p, { includeOptional: true, rules: ['overlap'] });
    const capped = analyzeConflicts(p, { includeOptional: true, rules: ['overlap'], settings: { overlapPairCap: 1 } });
    expect(full.overlapPairsTotal).toBe(full.conflicts.length);
    expect(full.conflicts).toHaveLength(5); // every pair but the G7 and the holiday
    expect(capped.conflicts).toHaveLength(1);
    expect(capped.overlapPairsTotal).toBe(5);
  });

  it('the sample plan has no all-day overlaps across a date boundary, and the midterms once', () => {
    const p = buildSamplePlan();
    const found = only(p, 'overlap').map((c) =>
      c.items
        .map((r) => r.id)
        .sort()
        .join('+'),
    );
    expect(found).not.toContain('apec-2025-week+kl-talks-2025');
    expect(found.filter((x) => x.includes('golden-week-2026') && x.includes('xi-us-visit-window'))).toEqual([]);
    const midterms = [...p.events, ...p.windows].filter((x) => x.title === 'US midterm elections');
    expect(midterms.map((x) => x.id)).toEqual(['us-midterms-2026']);
  });
});
