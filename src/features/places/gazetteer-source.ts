/**
 * The gazetteer, fetched from the app's own origin the first time a place is looked up (a
 * hashed JSON asset the service worker precaches, so it works offline), read once and kept.
 * Other coordinates take the zone of the nearest place in it.
 */
import gazetteerUrl from 'virtual:gazetteer-url';
import { nearestEntry, parseGazetteer, type GazetteerEntry } from '../../domain/geo';

let loading: Promise<GazetteerEntry[]> | null = null;

export function loadGazetteer(): Promise<GazetteerEntry[]> {
  loading ??= fetch(gazetteerUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`the place list could not be read (${r.status})`);
      return r.json() as Promise<unknown>;
    })
    .then(parseGazetteer)
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}

/** The zone at a latitude and longitude: the nearest gazetteer place's, and which place that is. */
export async function zoneAt(lat: number, lon: number): Promise<{ zone: string; from: string }> {
  const near = nearestEntry(await loadGazetteer(), lat, lon);
  if (!near) throw new Error('the place list is empty');
  return { zone: near.entry.timeZone, from: `${near.entry.name}, ${Math.round(near.km)} km away` };
}
