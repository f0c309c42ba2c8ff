import { describe, expect, it } from 'vitest';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { localToInstant } from '../../../src/domain/time/time';
import { WhereaboutsIndex, whereIs } from '../../../src/domain/planning/whereabouts';
import { allDay, leg, plan, timed } from '../conflicts/fixtures';

const CN = 'Asia/Shanghai';
const KR = 'Asia/Seoul';
const sample = buildSamplePlan();

describe('whereIs on the sample plan', () => {
  it.each<[string, string, string, { state: string; placeId?: string; certain?: boolean; item?: string }]>([
    [
      'Trump in the Great Hall during the draft talks',
      'trump',
      localToInstant('2025-10-27T11:00', CN),
      { state: 'at', placeId: 'great-hall', certain: true, item: 'draft-welcome-talks' },
    ],
    [
      'Trump in Beijing the evening after the banquet (same visit)',
      'trump',
      localToInstant('2025-10-27T23:00', CN),
      { state: 'at', placeId: 'great-hall', certain: false, item: 'draft-state-banquet' },
    ],
    [
      'Trump on the flight to Busan',
      'trump',
      localToInstant('2025-10-28T19:00', CN),
      { state: 'travelling', placeId: 'pus', certain: true, item: 'draft-leg-2' },
    ],
    [
      'Trump in Gyeongju on 29 Oct (all day)',
      'trump',
      localToInstant('2025-10-29T15:00', KR),
      { state: 'at', placeId: 'gyeongju', certain: false, item: 'trump-gyeongju-2025-10-29' },
    ],
    [
      'Trump on Marine One',
      'trump',
      localToInstant('2025-10-30T10:00', KR),
      { state: 'travelling', placeId: 'pus', item: 'korea-leg-marine-one' },
    ],
    [
      'Trump at Gimhae for the Busan meeting',
      'trump',
      localToInstant('2025-10-30T11:30', KR),
      { state: 'at', placeId: 'pus', certain: true, item: 'busan-summit-2025' },
    ],
    ['Trump a month after Busan: unknown', 'trump', '2025-12-01T00:00:00.000Z', { state: 'unknown' }],
    ['Someone with no items: unknown', 'lee', '2024-01-01T00:00:00.000Z', { state: 'unknown' }],
  ])('%s', (_label, who, instant, expected) => {
    const w = whereIs(sample, who, instant);
    expect(w.state).toBe(expected.state);
    if (expected.placeId) expect(w.placeId).toBe(expected.placeId);
    if (expected.certain !== undefined) expect(w.certain).toBe(expected.certain);
    if (expected.item) expect(w.item?.id).toBe(expected.item);
  });

  it('takes optional items in only when asked: in Shanghai after the rail leg, else still in Beijing', () => {
    const afternoon = localToInstant('2025-10-28T14:00', CN);
    expect(whereIs(sample, 'trump', afternoon).placeId).toBe('great-hall');
    const withRail = whereIs(sample, 'trump', afternoon, { includeOptional: true });
    expect([withRail.state, withRail.placeId, withRail.cityId, withRail.item?.id]).toEqual([
      'at',
      'shanghai-hongqiao',
      'shanghai',
      'draft-leg-rail',
    ]);
    expect(
      whereIs(sample, 'trump', localToInstant('2025-10-28T10:00', CN), { includeOptional: ['draft-leg-rail'] }),
    ).toMatchObject({
      state: 'travelling',
      fromPlaceId: 'beijing-south',
      placeId: 'shanghai-hongqiao',
    });
  });
});

describe('WhereaboutsIndex', () => {
  it('answers many questions over one plan, with epoch ms or ISO instants; calls say nothing about place', () => {
    const p = plan({
      events: [
        timed('2025-10-27T10:00', '2025-10-27T12:00', CN, { placeId: 'great-hall', participantIds: ['xi'] }),
        timed('2025-10-27T13:00', '2025-10-27T14:00', CN, { kind: 'call', participantIds: ['xi'] }),
        allDay('2025-10-29', '2025-10-29', KR, { placeId: 'gyeongju', participantIds: ['xi'] }),
      ],
      legs: [leg('pek', 'pus', '2025-10-28T08:00', CN, '2025-10-28T11:00', KR, { participantIds: ['xi'] })],
    });
    const index = new WhereaboutsIndex(p);
    expect(index.at('xi', localToInstant('2025-10-27T13:30', CN))).toMatchObject({
      state: 'at',
      placeId: 'great-hall',
      certain: false,
    });
    expect(index.at('xi', Date.parse(localToInstant('2025-10-28T09:00', CN)))).toMatchObject({
      state: 'travelling',
      fromPlaceId: 'pek',
      placeId: 'pus',
    });
    expect(index.at('xi', localToInstant('2025-10-28T20:00', KR))).toMatchObject({
      state: 'at',
      placeId: 'pus',
      cityId: 'busan',
      certain: false,
    });
    expect(index.at('xi', localToInstant('2025-10-29T12:00', KR))).toMatchObject({
      state: 'at',
      placeId: 'gyeongju',
      certain: false,
    });
    expect(index.at('xi', localToInstant('2025-11-05T12:00', KR)).state).toBe('unknown');
  });
});
