import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/model';
import { buildSamplePlan } from '../../../src/domain/sample';
import { buildSearchEntries, normalize, searchEntries } from '../../../src/features/search/search-index';
import { makeEvent, makeLeg } from '../../helpers/factories';

const dateOf = (instant: string) => instant.slice(0, 10);

function tinyPlan(): Plan {
  const plan = buildSamplePlan();
  return {
    ...plan,
    participants: [
      { id: 'nunez', name: 'Ana Núñez', role: 'Sherpa', country: 'Spain', color: '#123456' },
    ] as Plan['participants'],
    places: [
      {
        id: 'gyeongju',
        name: 'Gyeongju',
        country: 'South Korea',
        lat: 35.8,
        lon: 129.2,
        timeZone: 'Asia/Seoul',
        kind: 'city',
      },
      {
        id: 'icn',
        name: 'Incheon International',
        country: 'South Korea',
        lat: 37.4,
        lon: 126.4,
        timeZone: 'Asia/Seoul',
        kind: 'airport',
        codes: { iata: 'ICN' },
      },
    ] as Plan['places'],
    events: [
      makeEvent({
        id: 'e1' as never,
        title: 'Busan summit',
        startsAt: '2025-10-30T02:00:00.000Z',
        endsAt: '2025-10-30T04:00:00.000Z',
        topics: ['Trade'],
      }),
      makeEvent({
        id: 'e2' as never,
        title: 'Summit dinner in Busan',
        startsAt: '2025-10-29T10:00:00.000Z',
        endsAt: '2025-10-29T12:00:00.000Z',
        participantIds: ['nunez'] as never,
      }),
      makeEvent({
        id: 'e3' as never,
        title: 'Gyeongju walk',
        placeId: 'gyeongju' as never,
        startsAt: '2025-10-28T01:00:00.000Z',
        endsAt: '2025-10-28T02:00:00.000Z',
      }),
      makeEvent({
        id: 'e4' as never,
        title: 'Summit',
        startsAt: '2025-11-30T02:00:00.000Z',
        endsAt: '2025-11-30T04:00:00.000Z',
      }),
    ],
    legs: [makeLeg({ id: 'l1' as never, fromPlaceId: 'icn' as never, toPlaceId: 'gyeongju' as never })],
    windows: [],
    visits: [],
  };
}

const labels = (plan: Plan, q: string, kind?: string) =>
  searchEntries(buildSearchEntries(plan, dateOf), q)
    .filter((g) => !kind || g.kind === kind)
    .flatMap((g) => g.entries.map((e) => e.label));

describe('find anything: ranking', () => {
  it('ignores case and diacritics', () => {
    expect(normalize('Ana NÚÑEZ, Gyeongju!')).toBe('ana nunez gyeongju');
    expect(labels(tinyPlan(), 'nunez', 'participant')).toEqual(['Ana Núñez']);
    expect(labels(tinyPlan(), 'GYEONGJU', 'place')).toEqual(['Gyeongju']);
  });

  it('matches each query word as the start of a word, in any order', () => {
    expect(labels(tinyPlan(), 'bus sum', 'item')).toEqual(['Busan summit', 'Summit dinner in Busan']);
    expect(labels(tinyPlan(), 'ummit', 'item')).toEqual([]);
  });

  it('ranks the whole title first, then titles starting with the query, then words anywhere in the title', () => {
    expect(labels(tinyPlan(), 'summit', 'item')).toEqual(['Summit', 'Summit dinner in Busan', 'Busan summit']);
  });

  it('finds items by their people, places, topics and codes, below title matches', () => {
    const plan = tinyPlan();
    expect(labels(plan, 'nunez', 'item')).toEqual(['Summit dinner in Busan']);
    expect(labels(plan, 'trade', 'item')).toEqual(['Busan summit']);
    expect(labels(plan, 'trade', 'topic')).toEqual(['Trade']);
    expect(labels(plan, 'gyeongju', 'item')).toEqual(['Gyeongju walk', 'Incheon International → Gyeongju']);
    expect(labels(plan, 'icn', 'place')).toEqual(['Incheon International']);
  });

  it('groups results by kind in a fixed order and finds nothing for an empty query', () => {
    const groups = searchEntries(buildSearchEntries(tinyPlan(), dateOf), 'gyeongju');
    expect(groups.map((g) => g.label)).toEqual(['Items', 'Places']);
    expect(searchEntries(buildSearchEntries(tinyPlan(), dateOf), '  ')).toEqual([]);
  });

  it('finds the sample plan’s visits, places and participants', () => {
    const plan = buildSamplePlan();
    expect(labels(plan, 'beijing may', 'visit')).toContain('Trump state visit to Beijing, May 2026');
    expect(labels(plan, 'xi', 'participant').length).toBeGreaterThan(0);
    expect(labels(plan, 'busan').length).toBeGreaterThan(0);
  });
});
