/** The route map's geometry as plain data for the SVG. */
import type { GeoPath } from 'd3-geo';
import type { LegMode } from '../model';

export type LonLat = [number, number];

export interface MapLeg {
  id: string;
  seq: number;
  mode: LegMode;
  optional: boolean;
  d: string;
  /** Where the leg's number sits; null when another view of the map numbers it. */
  badge: { x: number; y: number } | null;
  /** Points along the arc, for placing the inset clear of the route. */
  samples: { x: number; y: number }[];
  /** A point near the arrival, and the direction of travel there (degrees), for the arrowhead. */
  arrow: { x: number; y: number; angle: number } | null;
}

export interface MapCity {
  id: string;
  name: string;
  x: number;
  y: number;
  /** Every stop in this city is there only because of optional items. */
  optional: boolean;
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' } | null;
}

export interface MapPoint {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface MapLayout {
  width: number;
  height: number;
  path: GeoPath;
  sphere: string;
  graticule: string;
  legs: MapLeg[];
  cities: MapCity[];
  /** Airports, stations and venues where legs start or end, away from their city's point. */
  places: MapPoint[];
  /** A close-up of a cluster of stops too close together to read at the main map's scale. */
  inset: MapInset | null;
}

export interface MapInset {
  /** Where the inset sits on the main map. */
  x: number;
  y: number;
  layout: MapLayout;
  /** The cities it shows, and the box around them on the main map. */
  cityIds: string[];
  marker: { x: number; y: number; width: number; height: number };
  /** Legs with both ends in the inset: the main map leaves their numbers to the inset. */
  legIds: string[];
}
