import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeGazetteerEntry,
  nearestEntry,
  parseGazetteer,
  searchGazetteer,
  type GazetteerEntry,
} from '../../../src/domain/geo';
// The same builder the app's build runs, over the bundled open data.
import { buildGazetteer } from '../../../scripts/gazetteer/build.mjs';

let entries: GazetteerEntry[];
beforeAll(() => {
  entries = parseGazetteer(JSON.parse(JSON.stringify(buildGazetteer())));
}, 60_000);

const top = (q: string) => searchGazetteer(entries, q, 5);

describe('the offline gazetteer', () => {
  it('holds airports, cities of 15,000+ people and major stations, each with an IANA zone', () => {
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['airport', 'city', 'rail-station']);
    expect(entries.filter((e) => e.kind === 'city').length).toBeGreaterThan(20_000);
    expect(entries.filter((e) => e.kind === 'airport').length).toBeGreaterThan(5_000);
    expect(entries.every((e) => e.timeZone.includes('/') || e.timeZone === 'UTC')).toBe(true);
  });

  it('finds an airport by its IATA or ICAO code first', () => {
    expect(top('ICN')[0]).toMatchObject({ kind: 'airport', code: 'ICN', timeZone: 'Asia/Seoul' });
    expect(top('rksi')[0]).toMatchObject({ kind: 'airport', code: 'ICN' });
    // Nothing that merely holds the letters inside a word ("Picnic Point").
    expect(top('ICN').filter((e) => !/(^|[\s(-])icn/i.test(`${e.name} ${e.city} ${e.code} ${e.icao}`))).toEqual([]);
    expect(describeGazetteerEntry(top('ICN')[0]!)).toBe(
      'Incheon International Airport (ICN) — Seoul, South Korea · Asia/Seoul',
    );
  });

  it('finds a city by name, with its zone from its coordinates', () => {
    const incheon = top('Incheon');
    expect(incheon.map((e) => e.kind)).toContain('city');
    expect(incheon.find((e) => e.kind === 'city')).toMatchObject({ name: 'Incheon', timeZone: 'Asia/Seoul' });
    const osan = top('Osan');
    expect(osan.some((e) => e.kind === 'airport' && e.code === 'OSN')).toBe(true);
    expect(osan.some((e) => e.kind === 'city' && e.country === 'South Korea')).toBe(true);
  });

  it('finds a major railway station and the airport of the same name', () => {
    const hongqiao = top('Shanghai Hongqiao');
    expect(hongqiao[0]).toMatchObject({ kind: 'rail-station', name: 'Shanghai Hongqiao', timeZone: 'Asia/Shanghai' });
    expect(hongqiao.some((e) => e.kind === 'airport' && e.code === 'SHA')).toBe(true);
  });

  it('needs two characters and tells nothing for an unknown name', () => {
    expect(top('I')).toEqual([]);
    expect(top('Qqzzxx')).toEqual([]);
  });

  it('gives other coordinates the zone of the nearest place, and says how far it is', () => {
    // Camp Humphreys, near Pyeongtaek: no entry of its own.
    const near = nearestEntry(entries, 36.9656, 127.0314)!;
    expect(near.entry.timeZone).toBe('Asia/Seoul');
    expect(near.km).toBeLessThan(20);
    // Across the Tumen river from Korea: China.
    expect(nearestEntry(entries, 42.98, 129.5)!.entry.timeZone).toBe('Asia/Shanghai');
    expect(nearestEntry([], 0, 0)).toBeUndefined();
  });

  it('refuses a damaged file with a message', () => {
    expect(() => parseGazetteer({ zones: 'x' })).toThrow('The place list is damaged.');
  });
});
