import { describe, expect, it } from 'vitest';
import { analyzeConflicts, findConflicts, type Conflict } from '../../../src/domain/conflicts';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';

const plan = buildSamplePlan();
const base = findConflicts(plan, { includeOptional: false });
const withOptional = findConflicts(plan, { includeOptional: true });
const ruled = (list: Conflict[]) => list.filter((c) => c.rule !== 'overlap');
const ids = (c: Conflict) => c.items.map((r) => r.id).sort();

describe('the sample plan, base (optional items left out)', () => {
  it('has exactly these conflicts besides overlaps, all warnings', () => {
    expect(ruled(base).map((c) => [c.rule, c.severity, ids(c).join(' + ')])).toEqual([
      ['local-hours', 'warning', 'trump-xi-call-2025-11-24'],
      ['double-booking', 'warning', 'unga-2026 + xi-visit-talks'],
      ['blackout', 'warning', 'mid-autumn-2026 + xi-visit-talks'],
      ['double-booking', 'warning', 'unga-2026 + xi-visit-dinner'],
      ['blackout', 'warning', 'mid-autumn-2026 + xi-visit-dinner'],
    ]);
  });

  it('invents no errors: none at all, and nothing between the Busan meeting and the Marine One leg or in the May 2026 visit', () => {
    expect(base.filter((c) => c.severity === 'error')).toEqual([]);
    expect(withOptional.filter((c) => c.severity === 'error')).toEqual([]);
    const touches = (c: Conflict, id: string) => c.items.some((r) => r.id === id);
    for (const c of ruled(withOptional)) {
      expect(touches(c, 'busan-summit-2025') || touches(c, 'korea-leg-marine-one')).toBe(false);
      expect(c.items.some((r) => r.id.startsWith('may-'))).toBe(false);
    }
  });

  it('the 24 Nov 2025 call at 09:00 EST is 22:00 CST (China) in Beijing: local hours for Xi', () => {
    const [call] = base.filter((c) => c.rule === 'local-hours');
    expect(call!.participantIds).toEqual(['xi']);
    expect(call!.at).toBe('2025-11-24T14:00:00.000Z');
    expect(call!.explanation).toBe(
      '“Trump–Xi phone call: April visit accepted, Xi invited to the US” is at Mon 24 Nov 2025, 09:00 EST, but it is Mon 24 Nov 2025, 22:00–23:00 CST (China) for Xi Jinping (Asia/Shanghai): night there (local night is 22:00–07:00).',
    );
  });

  it("Xi's tentative White House talks double-book Trump with the UNGA general debate", () => {
    const c = base.find((x) => x.rule === 'double-booking' && ids(x).includes('xi-visit-talks'))!;
    expect(c.severity).toBe('warning');
    expect(c.participantIds).toEqual(['trump']);
    expect(c.margin).toBe('overlaps by 3 h');
    expect(c.explanation).toContain(
      'Donald J. Trump is double-booked in New York (UN Headquarters) and in Washington, DC at once',
    );
    expect(c.explanation).toContain('all day Tue 22 – Mon 28 Sep 2026, EDT');
    expect(c.explanation).toContain('Fri 25 Sep 2026, 10:00–13:00 EDT, The White House');
  });

  it('and fall on the Mid-Autumn blackout for Xi, shown in Beijing time', () => {
    const c = base.find((x) => x.rule === 'blackout' && ids(x).includes('xi-visit-talks'))!;
    expect(c.severity).toBe('warning');
    expect(c.participantIds).toEqual(['xi']);
    expect(c.explanation).toContain(
      'falls on “Mid-Autumn Festival holiday (China)” (all day Fri 25 – Sun 27 Sep 2026, CST (China))',
    );
    expect(c.explanation).toContain(
      'Fri 25 Sep 2026, 22:00 CST (China) – Sat 26 Sep 2026, 01:00 CST (China) in Asia/Shanghai',
    );
  });

  it('has no conflict that names an optional item', () => {
    for (const c of base) expect(c.onlyWith).toEqual([]);
  });
});

describe('the sample plan with the optional rail leg and Shanghai programme', () => {
  const extra = ruled(withOptional).filter((c) => c.onlyWith.length > 0);

  it('adds only a continuity conflict, and only with the optional items', () => {
    expect(extra.map((c) => [c.rule, c.severity])).toEqual([['continuity', 'warning']]);
    expect(
      ruled(withOptional)
        .filter((c) => c.onlyWith.length === 0)
        .map((c) => c.id),
    ).toEqual(ruled(base).map((c) => c.id));
    const [c] = extra;
    expect(ids(c!)).toEqual(['draft-leg-2', 'draft-leg-rail', 'draft-shanghai-programme']);
    expect(c!.onlyWith.map((r) => r.id).sort()).toEqual(['draft-leg-rail', 'draft-shanghai-programme']);
    expect(c!.onlyWith.find((r) => r.id === 'draft-leg-rail')!.title).toBe(
      'Beijing South → Shanghai Hongqiao (rail leg)',
    );
    expect(c!.participantIds).toEqual(['trump']);
  });

  it('explains it with local times: the 18:00 CST (China) flight to Busan leaves Beijing while Trump is in Shanghai', () => {
    const [c] = extra;
    expect(c!.at).toBe('2025-10-28T10:00:00.000Z');
    expect(c!.explanation).toBe(
      'The rail leg arrives in Shanghai Hongqiao at Tue 28 Oct 2025, 13:18 CST (China) and “Shanghai programme (with the rail leg)” ends in Shanghai at 16:30 CST (China), but the flight to Busan leaves Beijing Capital International Airport at 18:00 CST (China): Donald J. Trump is then in Shanghai, with no leg planned to Beijing. The quickest trip from Shanghai takes 2 h 51 min (1,078 km by flight).',
    );
    expect(c!.margin).toBe('short by 1 h 21 min');
  });

  it('with only the rail leg, the conflict depends on the rail leg alone', () => {
    const found = ruled(findConflicts(plan, { includeOptional: ['draft-leg-rail'] })).filter(
      (c) => c.onlyWith.length > 0,
    );
    expect(found.map((c) => [c.rule, ids(c).join(' + ')])).toEqual([['continuity', 'draft-leg-2 + draft-leg-rail']]);
    expect(found[0]!.explanation).toMatch(
      /^The rail leg arrives in Shanghai Hongqiao at Tue 28 Oct 2025, 13:18 CST \(China\), but the flight to Busan leaves Beijing Capital International Airport at 18:00 CST \(China\): Donald J\. Trump is then in Shanghai/,
    );
  });

  it('counts its overlaps exactly', () => {
    const report = analyzeConflicts(plan, { includeOptional: true });
    expect(report.overlapPairsTotal).toBe(report.overlapPairsReported);
    expect(report.truncated).toEqual([]);
    expect(report.overlapPairsTotal).toBe(withOptional.filter((c) => c.rule === 'overlap').length);
  });
});
