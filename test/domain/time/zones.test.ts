import { describe, expect, it } from 'vitest';
import {
  canonicalZone,
  clockTime,
  formatLocalRange,
  formatLocalTime,
  formatUtcOffset,
  localParts,
  searchZones,
  setHour12,
  zoneChoices,
  zoneCountries,
  zoneOffsetMinutes,
} from '../../../src/domain/time';

const AT = Date.parse('2025-10-28T05:18:00.000Z');
const choices = zoneChoices(AT, zoneOffsetMinutes);
const find = (q: string) => searchZones(choices, q).map((c) => c.zone);

describe('zones as people know them', () => {
  it('uses canonical names: Asia/Kolkata, never Asia/Calcutta', () => {
    expect(canonicalZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalZone('Asia/Seoul')).toBe('Asia/Seoul');
    const zones = choices.map((c) => c.zone);
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).not.toContain('Asia/Saigon');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('knows the countries of a zone', () => {
    expect(zoneCountries('Asia/Seoul')).toEqual(['South Korea']);
    expect(zoneCountries('Asia/Calcutta')).toEqual(['India']);
    expect(zoneCountries('UTC')).toEqual([]);
  });

  it('writes offsets as UTC±h[:mm]', () => {
    expect(formatUtcOffset(0)).toBe('UTC');
    expect(formatUtcOffset(480)).toBe('UTC+8');
    expect(formatUtcOffset(330)).toBe('UTC+5:30');
    expect(formatUtcOffset(-210)).toBe('UTC-3:30');
  });

  it('orders the list by offset, with the offset at the given instant', () => {
    const seoul = choices.find((c) => c.zone === 'Asia/Seoul')!;
    expect(seoul.offsetText).toBe('UTC+9');
    const ny = choices.find((c) => c.zone === 'America/New_York')!;
    expect(ny.offsetText).toBe('UTC-4');
    for (let i = 1; i < choices.length; i++) expect(choices[i]!.offset).toBeGreaterThanOrEqual(choices[i - 1]!.offset);
  });

  it.each([
    ['Seoul', 'Asia/Seoul'],
    ['seoul', 'Asia/Seoul'],
    ['Korea', 'Asia/Seoul'],
    ['Kolkata', 'Asia/Kolkata'],
    ['Calcutta', 'Asia/Kolkata'],
    ['India', 'Asia/Kolkata'],
    ['New York', 'America/New_York'],
    ['new_york', 'America/New_York'],
    ['America/New_York', 'America/New_York'],
    ['Beijing', 'Asia/Shanghai'],
    ['China', 'Asia/Shanghai'],
    ['Washington', 'America/New_York'],
    ['Sao Paulo', 'America/Sao_Paulo'],
    ['São Paulo', 'America/Sao_Paulo'],
    ['UK', 'Europe/London'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
  ])('finds %s first as %s', (query, zone) => {
    expect(find(query)[0]).toBe(zone);
  });

  it('finds by offset and by abbreviation given by the caller', () => {
    expect(find('UTC+5:30')).toContain('Asia/Kolkata');
    expect(find('+9')).toEqual(expect.arrayContaining(['Asia/Seoul', 'Asia/Tokyo']));
    const byAbbr = searchZones(choices, 'KST', (c) => (c.zone === 'Asia/Seoul' ? 'KST' : ''));
    expect(byAbbr.map((c) => c.zone)).toEqual(['Asia/Seoul']);
  });

  it('finds nothing for nonsense, and everything for nothing', () => {
    expect(find('Atlantis')).toEqual([]);
    expect(find('  ')).toHaveLength(choices.length);
  });
});

describe('the 12/24-hour clock', () => {
  it('shows every formatted time on the chosen clock', () => {
    try {
      setHour12(true);
      expect(clockTime(0, 5)).toBe('12:05 AM');
      expect(clockTime(12, 0)).toBe('12:00 PM');
      expect(clockTime(21, 30)).toBe('9:30 PM');
      expect(formatLocalTime('2025-10-28T05:18:00.000Z', 'Asia/Shanghai')).toBe('1:18 PM CST (China)');
      expect(formatLocalRange('2025-10-30T02:00:00.000Z', '2025-10-30T03:40:00.000Z', 'Asia/Seoul')).toBe(
        '11:00 AM–12:40 PM KST',
      );
      expect(localParts('2025-10-28T05:18:00.000Z', 'Asia/Shanghai').time).toBe('1:18 PM');
    } finally {
      setHour12(false);
    }
    expect(clockTime(9, 5)).toBe('09:05');
    expect(formatLocalTime('2025-10-28T05:18:00.000Z', 'Asia/Shanghai')).toBe('13:18 CST (China)');
  });
});
