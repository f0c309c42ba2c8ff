/**
 * The world outline for the route map: Natural Earth 1:110m countries from world-atlas, bundled
 * with the app (no tile server, no request to another origin). This module is only ever loaded
 * with a dynamic import(), so the data stays out of the initial bundle.
 */
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

export interface World {
  land: GeoJSON.MultiPolygon;
  borders: GeoJSON.MultiLineString;
}

let cached: World | null = null;

/** Land as one shape and the borders between countries, converted once. */
export function world(): World {
  if (cached) return cached;
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const geometries = topology.objects.countries.geometries;
  cached = {
    land: merge(topology, geometries as never),
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
  return cached;
}
