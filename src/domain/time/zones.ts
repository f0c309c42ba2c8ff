/**
 * Time zones as people know them: canonical IANA names (Asia/Kolkata, never the old
 * Asia/Calcutta that some browsers still list), the countries of each zone, its UTC offset
 * ("UTC+5:30"), and a search over them by city, country, zone name, abbreviation or offset,
 * for the zone picker. Zone data comes from the IANA tz database (zone-table.ts, generated);
 * country names from Intl.
 */
import { LINKS, ZONES } from './zone-table';

const countriesByZone = new Map<string, string[]>();
for (const entry of ZONES.split(' ')) {
  const [zone, codes] = entry.split(':') as [string, string];
  countriesByZone.set(zone, codes.split(','));
}
const canonicalByLink = new Map<string, string>();
for (const entry of LINKS.split(' ')) {
  const [link, target] = entry.split('>') as [string, string];
  canonicalByLink.set(link, target);
}

/** The canonical IANA name of a zone ("Asia/Calcutta" → "Asia/Kolkata"); other names unchanged. */
export function canonicalZone(zone: string): string {
  return canonicalByLink.get(zone) ?? zone;
}

let byLowerName: Map<string, string> | null = null;
/** The canonical zone named `name` in any case, old names included ("asia/calcutta" → Asia/Kolkata); undefined if none. */
export function findZone(name: string): string | undefined {
  if (!byLowerName) {
    byLowerName = new Map([['utc', 'UTC']]);
    for (const z of countriesByZone.keys()) byLowerName.set(z.toLowerCase(), z);
    for (const [link, target] of canonicalByLink) byLowerName.set(link.toLowerCase(), target);
  }
  return byLowerName.get(name.trim().replace(/ /g, '_').toLowerCase());
}

/** Every canonical zone of the tz database, and UTC. */
export function canonicalZones(): string[] {
  return ['UTC', ...countriesByZone.keys()];
}

let regionNames: Intl.DisplayNames | null | undefined;
/** "South Korea" for "KR" (from Intl; the code itself where Intl has no names). */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  return regionNames?.of(code) ?? code;
}

/** The names of the countries that keep a zone's time ("China" for Asia/Shanghai); [] for UTC and the like. */
export function zoneCountries(zone: string): string[] {
  return (countriesByZone.get(canonicalZone(zone)) ?? []).map(countryName);
}

/** "UTC", "UTC+8", "UTC-3", "UTC+5:30" for an offset in minutes. */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** The last part of a zone's name, in words: "New York" for America/New_York, "UTC" for UTC. */
export function zoneCity(zone: string): string {
  const name = canonicalZone(zone);
  return (name.split('/').pop() ?? name).replace(/_/g, ' ');
}

/** Cities people look a zone up by that are not in its name. */
const CITY_ALIASES: Record<string, string[]> = {
  'Asia/Shanghai': ['Beijing', 'Guangzhou', 'Shenzhen', 'Chengdu', 'Hangzhou', 'Xian'],
  'Asia/Seoul': ['Busan', 'Gyeongju', 'Incheon'],
  'Asia/Tokyo': ['Osaka', 'Kyoto', 'Hiroshima'],
  'Asia/Kolkata': ['Delhi', 'New Delhi', 'Mumbai', 'Bengaluru', 'Bangalore', 'Chennai', 'Calcutta'],
  'Asia/Karachi': ['Islamabad', 'Lahore'],
  'Asia/Ho_Chi_Minh': ['Hanoi', 'Saigon'],
  'Asia/Yangon': ['Rangoon', 'Naypyidaw'],
  'Asia/Kathmandu': ['Katmandu'],
  'America/New_York': ['Washington', 'Boston', 'Philadelphia', 'Miami', 'Atlanta', 'Palm Beach'],
  'America/Chicago': ['Dallas', 'Houston', 'Austin', 'New Orleans'],
  'America/Los_Angeles': ['San Francisco', 'Seattle', 'San Diego'],
  'America/Toronto': ['Ottawa', 'Montreal'],
  'America/Edmonton': ['Calgary', 'Kananaskis'],
  'Europe/Zurich': ['Geneva', 'Bern', 'Davos'],
  'Europe/Istanbul': ['Ankara'],
  'Europe/Moscow': ['Saint Petersburg'],
  'Europe/Kyiv': ['Kiev'],
  'Europe/Paris': ['Evian', 'Nice'],
  'Europe/Berlin': ['Munich', 'Frankfurt', 'Hamburg'],
  'Europe/Rome': ['Milan', 'Naples'],
  'Australia/Sydney': ['Canberra'],
  'Asia/Riyadh': ['Jeddah'],
  'Asia/Dubai': ['Abu Dhabi'],
  'Asia/Jerusalem': ['Tel Aviv'],
  'Africa/Johannesburg': ['Pretoria', 'Cape Town'],
  'America/Sao_Paulo': ['Rio de Janeiro', 'Brasilia'],
};

/** Other names of countries ("USA", "UK", "Korea"). */
const COUNTRY_ALIASES: Record<string, string> = {
  US: 'US USA America',
  GB: 'UK Britain England',
  KR: 'ROK',
  KP: 'DPRK',
  CN: 'PRC',
  AE: 'UAE Emirates',
};

/** The zones most asked for, first among equals ("US" gives New York first, "Korea" Seoul). */
const PROMINENT = [
  'America/New_York',
  'Europe/London',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Asia/Jakarta',
  'Europe/Madrid',
  'Africa/Johannesburg',
];
function prominence(zone: string): number {
  const i = PROMINENT.indexOf(zone);
  return i === -1 ? PROMINENT.length : i;
}

function countryAliases(zone: string): string {
  return (countriesByZone.get(zone) ?? []).map((c) => COUNTRY_ALIASES[c] ?? '').join(' ');
}

/** One zone as the picker offers it. */
export interface ZoneChoice {
  /** Canonical IANA name. */
  zone: string;
  /** "New York" */
  city: string;
  /** "United States" */
  countries: string[];
  /** The offset now (at the instant the list was made), in minutes. */
  offset: number;
  /** "UTC-5" */
  offsetText: string;
  /** Folded words looked through, the city first. */
  haystack: string;
}

/** Lower case without accents. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Every canonical zone with its city, countries and offset at `atMs` (its label is added by the
 * caller, which knows the abbreviations), ordered by offset and then city.
 */
export function zoneChoices(atMs: number, offsetOf: (ms: number, zone: string) => number): ZoneChoice[] {
  const out = canonicalZones().map((zone): ZoneChoice => {
    const codes = countriesByZone.get(zone) ?? [];
    const countries = codes.map(countryName);
    const offset = offsetOf(atMs, zone);
    const city = zoneCity(zone);
    const words = [
      city,
      ...(CITY_ALIASES[zone] ?? []),
      ...countries,
      countryAliases(zone),
      zone.replace(/[/_]/g, ' '),
      formatUtcOffset(offset),
    ];
    return { zone, city, countries, offset, offsetText: formatUtcOffset(offset), haystack: foldText(words.join(' ')) };
  });
  return out.sort((a, b) => a.offset - b.offset || a.city.localeCompare(b.city));
}

const WORD_START = /[\s(/+-]/;

/** True if every word of the folded query starts a word of the haystack (offsets like "+8" match "utc+8"). */
function matchesAll(haystack: string, words: readonly string[]): boolean {
  return words.every((w) => {
    for (let i = haystack.indexOf(w); i !== -1; i = haystack.indexOf(w, i + 1))
      if (i === 0 || WORD_START.test(haystack[i - 1]!) || /^[+-]/.test(w)) return true;
    return false;
  });
}

/**
 * The zones matching a query by city ("Seoul", "Beijing", "New York"), country ("Korea"),
 * zone name ("Asia/Kolkata", or an old name like "Calcutta"), abbreviation ("KST", given in
 * `extra`) or offset ("UTC+8", "+5:30"); best first: the zone's own city, then its other
 * cities, then its country, then the rest. An empty query gives every zone.
 */
export function searchZones(
  choices: readonly ZoneChoice[],
  query: string,
  extra: (choice: ZoneChoice) => string = () => '',
): ZoneChoice[] {
  const q = foldText(query.trim()).replace(/_/g, ' ');
  if (q === '') return [...choices];
  const words = q.split(/[\s/,]+/).filter(Boolean);
  const canonical = foldText(canonicalZone(query.trim())).replace(/_/g, ' ');
  const scored: [number, ZoneChoice][] = [];
  for (const c of choices) {
    const hay = `${c.haystack} ${foldText(extra(c))}`;
    if (!matchesAll(hay, words)) continue;
    const city = foldText(c.city);
    const zone = foldText(c.zone).replace(/_/g, ' ');
    const countryWords = foldText(`${c.countries.join(' ')} ${countryAliases(c.zone)}`).split(/\s+/);
    let score = 1;
    if (zone === q || zone === canonical || city === q) score = 6;
    else if (words.length === 1 && countryWords.includes(q)) score = 5;
    else if (city.startsWith(q)) score = 4;
    else if (matchesAll(foldText((CITY_ALIASES[c.zone] ?? []).join(' ')), words)) score = 3;
    else if (countryWords.some((w) => w.startsWith(words[0]!))) score = 2;
    scored.push([score * 100 - prominence(c.zone), c]);
  }
  return scored.sort((a, b) => b[0] - a[0]).map(([, c]) => c);
}
