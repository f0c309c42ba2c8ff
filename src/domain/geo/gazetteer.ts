/**
 * The offline gazetteer: cities, airports and major railway stations with coordinates and IANA
 * zones (built from bundled open data by scripts/gazetteer; see README), and a search over them
 * by name, city, country or code ("Incheon", "ICN", "RKSI", "Osan", "Shanghai Hongqiao").
 */

export type GazetteerKind = 'city' | 'airport' | 'rail-station';

export interface GazetteerEntry {
  kind: GazetteerKind;
  name: string;
  /** The city an airport or station serves ('' for a city). */
  city: string;
  country: string;
  lat: number;
  lon: number;
  timeZone: string;
  /** IATA code of an airport, or a station's code. */
  code: string;
  icao: string;
  /** Cities: people (rounded to thousands); 0 for the rest. */
  population: number;
  /** Lower-case name, city and codes, for matching. */
  haystack: string;
}

interface Raw {
  zones: string[];
  countries: string[];
  airports: [string, string, number, number, number, number, string, string][];
  cities: [string, number, number, number, number, number][];
  stations: [string, string, number, number, number, number, string][];
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function entry(
  kind: GazetteerKind,
  name: string,
  city: string,
  country: string,
  lat: number,
  lon: number,
  timeZone: string,
  code: string,
  icao: string,
  population: number,
): GazetteerEntry {
  const haystack = fold([name, city, code, icao, country].join(' '));
  return { kind, name, city, country, lat, lon, timeZone, code, icao, population, haystack };
}

/** Read the gazetteer's JSON (as scripts/gazetteer/build.mjs writes it). Throws on a malformed file. */
export function parseGazetteer(data: unknown): GazetteerEntry[] {
  const raw = data as Raw;
  if (!raw || !Array.isArray(raw.zones) || !Array.isArray(raw.cities) || !Array.isArray(raw.airports))
    throw new Error('The place list is damaged.');
  const { zones, countries } = raw;
  const out: GazetteerEntry[] = [];
  for (const [name, country, lat, lon, z, thousands] of raw.cities)
    out.push(entry('city', name, '', countries[country] ?? '', lat, lon, zones[z]!, '', '', thousands * 1000));
  for (const [name, city, country, lat, lon, z, iata, icao] of raw.airports)
    out.push(entry('airport', name, city, countries[country] ?? '', lat, lon, zones[z]!, iata, icao, 0));
  for (const [name, city, country, lat, lon, z, code] of raw.stations ?? [])
    out.push(entry('rail-station', name, city, countries[country] ?? '', lat, lon, zones[z]!, code, '', 0));
  return out;
}

/**
 * How well `e` matches the folded query `q` (higher is better; 0: no match). An exact IATA,
 * ICAO or station code beats a name; a name that starts with the query beats one that only
 * contains a word starting with it (the only match for three letters or fewer); bigger cities and stations and airports come first among equals.
 */
function score(e: GazetteerEntry, q: string, words: readonly string[]): number {
  const upper = q.toUpperCase();
  if (e.code !== '' && (e.code === upper || e.icao === upper)) return 1000;
  if (!words.every((w) => e.haystack.includes(w))) return 0;
  const name = fold(e.name);
  let s = 0;
  if (name === q) s = 600;
  else if (name.startsWith(q)) s = 500;
  else if (words.every((w) => (' ' + e.haystack).includes(' ' + w))) s = 300;
  // Three letters inside a word are noise ("ICN" in "Picnic Point"): short queries match word starts.
  else if (q.length <= 3) return 0;
  else s = 100;
  if (e.kind === 'rail-station') s += 60;
  else if (e.kind === 'airport') s += 40;
  else s += Math.min(80, Math.log10(Math.max(1, e.population)) * 10);
  return s;
}

/** The best `limit` entries for `query` (at least 2 characters), best first. */
export function searchGazetteer(entries: readonly GazetteerEntry[], query: string, limit = 12): GazetteerEntry[] {
  const q = fold(query.trim()).replace(/\s+/g, ' ');
  if (q.length < 2) return [];
  const words = q.split(' ');
  const hits: { e: GazetteerEntry; s: number }[] = [];
  for (const e of entries) {
    const s = score(e, q, words);
    if (s > 0) hits.push({ e, s });
  }
  hits.sort((a, b) => b.s - a.s || a.e.name.localeCompare(b.e.name));
  return hits.slice(0, limit).map((h) => h.e);
}

/** "Incheon International Airport (ICN) — Seoul, South Korea · Asia/Seoul". */
export function describeGazetteerEntry(e: GazetteerEntry): string {
  const code = e.code ? ` (${e.code})` : '';
  const where = [e.city, e.country].filter((x) => x !== '').join(', ');
  return `${e.name}${code} — ${where} · ${e.timeZone}`;
}

/**
 * The zone of the gazetteer entry nearest to `lat`, `lon` (great-circle distance), with that
 * entry and the distance in km: a zone for coordinates that match no entry. Cities' zones come
 * from time-zone boundaries (tz-lookup) when the gazetteer is built, so away from a border the
 * nearest entry's zone is the place's. Undefined for an empty gazetteer.
 */
export function nearestEntry(
  entries: readonly GazetteerEntry[],
  lat: number,
  lon: number,
): { entry: GazetteerEntry; km: number } | undefined {
  const rad = Math.PI / 180;
  const cosLat = Math.cos(lat * rad);
  let best: GazetteerEntry | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const e of entries) {
    let dLon = Math.abs(e.lon - lon);
    if (dLon > 180) dLon = 360 - dLon;
    // Equirectangular distance: enough to rank neighbours.
    const x = dLon * cosLat;
    const y = e.lat - lat;
    const d = x * x + y * y;
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  if (!best) return undefined;
  const h =
    Math.sin(((best.lat - lat) * rad) / 2) ** 2 +
    Math.cos(lat * rad) * Math.cos(best.lat * rad) * Math.sin(((best.lon - lon) * rad) / 2) ** 2;
  return { entry: best, km: 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h))) };
}
