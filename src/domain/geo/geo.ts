/**
 * Geography: great-circle distances and the plausible speed of each mode of travel.
 * Distances in kilometres, durations in milliseconds.
 */
import type { LegMode } from '../model';

export const EARTH_RADIUS_KM = 6371.0088;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in km between two points given in degrees. */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Typical door-to-door cruising speed per mode, km/h (great-circle km over time in motion). */
export const MODE_SPEED_KMH: Record<LegMode, number> = {
  flight: 800,
  rail: 280,
  road: 70,
  sea: 30,
};

/** Ground time around a trip of each mode (transfers, security, boarding), minutes. */
export const MODE_GROUND_MINUTES: Record<LegMode, number> = {
  flight: 90,
  rail: 45,
  road: 15,
  sea: 60,
};

/** The mode a planner would take for an unplanned trip of `km` great-circle kilometres. */
export function plausibleMode(km: number): LegMode {
  if (km <= 150) return 'road';
  return 'flight';
}

/**
 * The shortest plausible time for an unplanned trip between two points: great-circle distance
 * at the mode's speed plus its ground time (ms). Zero for the same point.
 */
export function shortestTripMs(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
  speeds: Record<LegMode, number> = MODE_SPEED_KMH,
  groundMinutes: Record<LegMode, number> = MODE_GROUND_MINUTES,
): { ms: number; km: number; mode: LegMode } {
  const km = greatCircleKm(a, b);
  if (km < 1) return { ms: 0, km, mode: 'road' };
  const mode = plausibleMode(km);
  const ms = (km / speeds[mode]) * 3_600_000 + groundMinutes[mode] * 60_000;
  return { ms, km, mode };
}
