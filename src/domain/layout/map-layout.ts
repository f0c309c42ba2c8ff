/**
 * The route map's geometry, as plain data for the SVG: a Natural Earth projection centred on the
 * narrowest band of longitudes the route covers and fitted to its places and legs; flights and
 * other legs as great circles (d3's geoPath draws a LineString along the sphere); one labelled
 * point per city (airports, stations and venues are grouped under their city, so Beijing, its
 * airport, its station and the Great Hall get one label); labels placed so they do not overlap.
 */
import {
  geoCircle,
  geoGraticule10,
  geoInterpolate,
  geoNaturalEarth1,
  geoPath,
  type GeoPath,
  type GeoProjection,
  type GeoPermissibleObjects,
} from 'd3-geo';
import { centralLongitude, type ItineraryLeg, type ItineraryStop } from '../planning';
import { placeLabels } from './map-labels';
import type { LonLat, MapCity, MapLayout, MapLeg, MapPoint } from './map-types';

export { placeLabels } from './map-labels';
export type { MapCity, MapInset, MapLayout, MapLeg, MapPoint } from './map-types';

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 500;
const PADDING = 28;
/** Radius (degrees) of the area kept around each place, so a one-city visit still shows its region. */
const PLACE_MARGIN_DEG = 3;
/** The same for the close-up inset. */
const INSET_MARGIN_DEG = 1.2;
/** The main map is never cropped below this height, so a close-up inset still fits. */
const MIN_MAP_HEIGHT = 320;

const toLonLat = (c: { lat: number; lon: number }): LonLat => [c.lon, c.lat];

interface CityPoint {
  name: string;
  at: LonLat;
  optional: boolean;
}

function collectCities(stops: readonly ItineraryStop[], drawable: readonly ItineraryLeg[]): Map<string, CityPoint> {
  const cityPoints = new Map<string, CityPoint>();
  for (const s of stops) {
    const at = s.city.cityCoords ?? s.city.coords ?? s.place.coords;
    if (!at) continue;
    const seen = cityPoints.get(s.city.id);
    if (seen) seen.optional = seen.optional && s.optional;
    else cityPoints.set(s.city.id, { name: s.city.name, at: toLonLat(at), optional: s.optional });
  }
  for (const l of drawable) {
    for (const end of [l.from, l.to]) {
      if (!cityPoints.has(end.cityId)) {
        cityPoints.set(end.cityId, {
          name: end.cityName,
          at: toLonLat(end.cityCoords ?? end.coords!),
          optional: l.optional,
        });
      }
    }
  }
  return cityPoints;
}

/** Inset size on the main map, in its units. */
export const INSET_WIDTH = 300;
export const INSET_HEIGHT = 215;
/** Cities closer than this on the main map (px) form a cluster worth a close-up. */
const CLUSTER_PX = 70;

/** Lay out the map for the legs and stops shown. Pure: same input, same output. */
export function layoutMap(
  legs: readonly ItineraryLeg[],
  stops: readonly ItineraryStop[],
  width = MAP_WIDTH,
  height = MAP_HEIGHT,
  options: { inset?: boolean } = {},
): MapLayout {
  const drawable = legs.filter((l) => l.from.coords && l.to.coords);
  const cityPoints = collectCities(stops, drawable);
  const main = layoutCore(drawable, cityPoints, width, height, true, new Set());
  if (options.inset === false) return main;

  const cluster = findCluster(main.cities);
  if (!cluster) return main;
  const group = new Set(cluster.map((c) => c.id));
  const inner = drawable.filter((l) => group.has(l.from.cityId) && group.has(l.to.cityId));
  const touching = drawable.filter((l) => group.has(l.from.cityId) || group.has(l.to.cityId));
  const insetCities = new Map([...cityPoints].filter(([id]) => group.has(id)));
  const layout = layoutCore(
    touching,
    insetCities,
    INSET_WIDTH,
    INSET_HEIGHT,
    false,
    new Set(touching.filter((l) => !inner.includes(l)).map((l) => l.id)),
  );

  const xs = cluster.map((c) => c.x);
  const ys = cluster.map((c) => c.y);
  const marker = {
    x: Math.min(...xs) - 9,
    y: Math.min(...ys) - 9,
    width: Math.max(...xs) - Math.min(...xs) + 18,
    height: Math.max(...ys) - Math.min(...ys) + 18,
  };
  const innerIds = new Set(inner.map((l) => l.id));
  const corner = chooseCorner(main, marker, innerIds, main.width, main.height);
  main.inset = { x: corner.x, y: corner.y, layout, cityIds: [...group], marker, legIds: [...innerIds] };
  // The close-up names the cities inside it and numbers its legs; the main map keeps one name
  // for the cluster (its first stop's city) and relabels around what is left.
  for (const c of main.cities) c.label = null;
  const named = main.cities.filter((c) => !group.has(c.id) || c.id === cluster[0]!.id);
  for (const l of main.legs) if (innerIds.has(l.id)) l.badge = null;
  const outerBadges = main.legs.flatMap((l) => (l.badge ? [l.badge] : []));
  const insetBox = { x: corner.x, y: corner.y, w: INSET_WIDTH, h: INSET_HEIGHT };
  placeLabels(named, outerBadges, main.width, main.height, [
    ...main.cities.map((c) => ({ x0: c.x - 5, y0: c.y - 5, x1: c.x + 5, y1: c.y + 5 })),
    { x0: insetBox.x - 4, y0: insetBox.y - 4, x1: insetBox.x + insetBox.w + 4, y1: insetBox.y + insetBox.h + 4 },
  ]);
  return main;
}

/**
 * The biggest group of cities within CLUSTER_PX of one another's neighbour on the main map, if
 * it is small compared with the whole map (so a close-up would help). Null otherwise.
 */
function findCluster(cities: readonly MapCity[]): MapCity[] | null {
  if (cities.length < 2) return null;
  const xs = cities.map((c) => c.x);
  const ys = cities.map((c) => c.y);
  const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const seen = new Set<string>();
  let best: MapCity[] = [];
  for (const start of cities) {
    if (seen.has(start.id)) continue;
    const group: MapCity[] = [start];
    seen.add(start.id);
    for (let i = 0; i < group.length; i += 1) {
      const c = group[i]!;
      for (const o of cities) {
        if (!seen.has(o.id) && Math.hypot(o.x - c.x, o.y - c.y) < CLUSTER_PX) {
          seen.add(o.id);
          group.push(o);
        }
      }
    }
    if (group.length > best.length) best = group;
  }
  if (best.length < 2) return null;
  const gx = best.map((c) => c.x);
  const gy = best.map((c) => c.y);
  const size = Math.max(Math.max(...gx) - Math.min(...gx), Math.max(...gy) - Math.min(...gy));
  return spread > 4 * Math.max(size, 20) ? best : null;
}

/** The corner (or edge middle) of the map where the inset hides the least of the route. */
function chooseCorner(
  main: MapLayout,
  marker: { x: number; y: number; width: number; height: number },
  innerIds: ReadonlySet<string>,
  width: number,
  height: number,
): { x: number; y: number } {
  const m = 8;
  const xs = [m, (width - INSET_WIDTH) / 2, width - INSET_WIDTH - m];
  const ys = [m, height - INSET_HEIGHT - m];
  const candidates = ys.flatMap((y) => xs.map((x) => ({ x, y })));
  const inside = (p: { x: number; y: number }, c: { x: number; y: number }) =>
    p.x >= c.x - 6 && p.x <= c.x + INSET_WIDTH + 6 && p.y >= c.y - 6 && p.y <= c.y + INSET_HEIGHT + 6;
  const score = (c: { x: number; y: number }) => {
    let s = 0;
    for (const city of main.cities) if (inside(city, c)) s += 4;
    for (const l of main.legs) {
      if (!innerIds.has(l.id) && l.badge && inside(l.badge, c)) s += 3;
      for (const p of l.samples) if (inside(p, c)) s += 1;
    }
    const overlapsMarker =
      marker.x < c.x + INSET_WIDTH &&
      c.x < marker.x + marker.width &&
      marker.y < c.y + INSET_HEIGHT &&
      c.y < marker.y + marker.height;
    return s + (overlapsMarker ? 1000 : 0);
  };
  return candidates.reduce((best, c) => (score(c) < score(best) ? c : best));
}

/** A Natural Earth projection centred on the route and fitted to it; the height cropped to the route when it is wide. */
function fitProjection(
  lines: readonly [LonLat, LonLat][],
  cityPoints: ReadonlyMap<string, CityPoint>,
  width: number,
  height: number,
  fitLegs: boolean,
): { projection: GeoProjection; height: number } {
  const lons: number[] = [...cityPoints.values()].map((c) => c.at[0]);
  if (fitLegs) {
    for (const [a, b] of lines) {
      const along = geoInterpolate(a, b);
      for (const t of [0.25, 0.5, 0.75]) lons.push(along(t)[0]);
    }
  }
  const projection = geoNaturalEarth1()
    .rotate([-centralLongitude(lons), 0])
    .precision(0.2);
  const fitTo: GeoPermissibleObjects =
    cityPoints.size === 0
      ? { type: 'Sphere' }
      : {
          type: 'FeatureCollection',
          features: [
            ...[...cityPoints.values()].map((c) => ({
              type: 'Feature' as const,
              properties: {},
              geometry: geoCircle()
                .center(c.at)
                .radius(fitLegs ? PLACE_MARGIN_DEG : INSET_MARGIN_DEG)(),
            })),
            ...(fitLegs ? lines : []).map((coordinates) => ({
              type: 'Feature' as const,
              properties: {},
              geometry: { type: 'LineString' as const, coordinates: [...coordinates] },
            })),
          ],
        };
  const pad = fitLegs ? PADDING : 22;
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    fitTo,
  );
  if (fitLegs && cityPoints.size > 0) {
    // Width-bound routes leave bands of empty sea above and below: crop the height to the route.
    const [[, y0], [, y1]] = geoPath(projection).bounds(fitTo);
    const wanted = Math.max(MIN_MAP_HEIGHT, Math.ceil(y1 - y0 + 2 * pad));
    if (wanted < height) {
      const [tx, ty] = projection.translate();
      projection.translate([tx, ty - (y0 - pad) + (wanted - (y1 - y0 + 2 * pad)) / 2]);
      return { projection, height: wanted };
    }
  }
  return { projection, height };
}

/** Each leg as a great-circle path with its number's spot, an arrow near its end and points along it. */
function mapLegsOf(
  drawable: readonly ItineraryLeg[],
  lines: readonly [LonLat, LonLat][],
  path: GeoPath,
  project: (p: LonLat) => [number, number],
  noBadge: ReadonlySet<string>,
): MapLeg[] {
  const pairCount = new Map<string, number>();
  return drawable.map((l, i) => {
    const [a, b] = lines[i]!;
    const pair = [l.from.cityId, l.to.cityId].sort().join('|');
    const k = pairCount.get(pair) ?? 0;
    pairCount.set(pair, k + 1);
    // Legs over the same pair of cities put their numbers at different points along the arc.
    const offset = k === 0 ? 0 : (k % 2 === 1 ? -1 : 1) * 0.13 * Math.ceil(k / 2);
    // Measured from the same end whichever way the leg goes, so return legs do not stack.
    const t = 0.5 + (l.from.cityId <= l.to.cityId ? offset : -offset);
    const along = geoInterpolate(a, b);
    const [bx, by] = project(along(t));
    const tip = project(along(0.9));
    const back = project(along(0.85));
    const arrowOk =
      [tip[0], tip[1], back[0], back[1]].every(Number.isFinite) && Math.hypot(tip[0] - back[0], tip[1] - back[1]) > 0.5;
    const samples = Array.from({ length: 21 }, (_, j) => {
      const [x, y] = project(along(j / 20));
      return { x, y };
    }).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    return {
      id: l.id,
      seq: l.seq,
      mode: l.mode,
      optional: l.optional,
      d: path({ type: 'LineString', coordinates: [a, b] }) ?? '',
      badge: noBadge.has(l.id) ? null : { x: bx, y: by },
      arrow: arrowOk
        ? { x: tip[0], y: tip[1], angle: (Math.atan2(tip[1] - back[1], tip[0] - back[0]) * 180) / Math.PI }
        : null,
      samples,
    };
  });
}

/** Airports, stations and venues that sit visibly apart from their city's point. */
function separatePlaces(
  drawable: readonly ItineraryLeg[],
  cityPoints: ReadonlyMap<string, CityPoint>,
  visibleCities: readonly MapCity[],
  project: (p: LonLat) => [number, number],
): MapPoint[] {
  const places: MapPoint[] = [];
  const seenPlaces = new Set<string>();
  for (const l of drawable) {
    for (const end of [l.from, l.to]) {
      if (end.id === end.cityId || seenPlaces.has(end.id) || !cityPoints.has(end.cityId)) continue;
      seenPlaces.add(end.id);
      const [x, y] = project(toLonLat(end.coords!));
      const city = visibleCities.find((c) => c.id === end.cityId);
      // Only worth a dot of its own when it sits visibly apart from its city's point.
      if (Number.isFinite(x) && (!city || Math.hypot(city.x - x, city.y - y) > 4))
        places.push({ id: end.id, name: end.name, x, y });
    }
  }
  return places;
}

function layoutCore(
  drawable: readonly ItineraryLeg[],
  cityPoints: ReadonlyMap<string, CityPoint>,
  width: number,
  requestedHeight: number,
  fitLegs: boolean,
  noBadge: ReadonlySet<string>,
): MapLayout {
  const lines = drawable.map((l): [LonLat, LonLat] => [toLonLat(l.from.coords!), toLonLat(l.to.coords!)]);
  const { projection, height } = fitProjection(lines, cityPoints, width, requestedHeight, fitLegs);
  const path = geoPath(projection);
  const project = (p: LonLat): [number, number] => projection(p) ?? [NaN, NaN];
  const mapLegs = mapLegsOf(drawable, lines, path, project, noBadge);
  const cities = [...cityPoints.entries()].map(([id, c]) => {
    const [x, y] = project(c.at);
    return { id, name: c.name, x, y, optional: c.optional, label: null } as MapCity;
  });
  const visibleCities = cities.filter((c) => Number.isFinite(c.x) && Number.isFinite(c.y));
  placeLabels(
    visibleCities,
    mapLegs.flatMap((l) => (l.badge ? [l.badge] : [])),
    width,
    height,
  );
  return {
    width,
    height,
    path,
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    legs: mapLegs,
    cities: visibleCities,
    places: separatePlaces(drawable, cityPoints, visibleCities, project),
    inset: null,
  };
}
