/**
 * New places and visits from their dialogs' forms: plain records for the repositories, which
 * validate them (a refused record says which field and why). Each save offers Undo.
 */
import { describeWriteError } from '../../db';
import type { GazetteerEntry } from '../../domain/geo';
import { useUndoStore } from '../../store/undo-store';
import { commit } from '../../db/undo-offer';

export interface PlaceForm {
  name: string;
  kind: 'city' | 'airport' | 'rail-station' | 'venue';
  country: string;
  lat: string;
  lon: string;
  timeZone: string;
  code: string;
  cityId: string;
}

export const EMPTY_PLACE: PlaceForm = {
  name: '',
  kind: 'city',
  country: '',
  lat: '',
  lon: '',
  timeZone: 'UTC',
  code: '',
  cityId: '',
};

export function placeFormOf(e: GazetteerEntry, cityId: string): PlaceForm {
  return {
    name: e.name,
    kind: e.kind,
    country: e.country,
    lat: String(e.lat),
    lon: String(e.lon),
    timeZone: e.timeZone,
    code: e.code,
    cityId,
  };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'place';

/** Parse a coordinate typed by the user; NaN when it is not a number. */
export function coordinate(text: string): number {
  return text.trim() === '' ? NaN : Number(text.trim().replace(',', '.'));
}

export function placeRecord(form: PlaceForm, suffix: string): Record<string, unknown> {
  const code = form.code.trim();
  return {
    id: `${slug(form.name)}-${suffix}`,
    name: form.name.trim(),
    country: form.country.trim(),
    lat: coordinate(form.lat),
    lon: coordinate(form.lon),
    timeZone: form.timeZone,
    kind: form.kind,
    ...(code ? { codes: form.kind === 'airport' ? { iata: code } : { station: code } } : {}),
    ...(form.cityId ? { cityId: form.cityId } : {}),
  };
}

export interface VisitForm {
  title: string;
  guestId: string;
  hostCountry: string;
  participantIds: string[];
  status: string;
  notes: string;
}

export function visitRecord(form: VisitForm, suffix: string): Record<string, unknown> {
  const participants = form.participantIds.includes(form.guestId)
    ? form.participantIds
    : [form.guestId, ...form.participantIds];
  return {
    id: `visit-${suffix}`,
    title: form.title.trim(),
    guestId: form.guestId,
    hostCountry: form.hostCountry.trim(),
    participantIds: participants.filter((p) => p !== ''),
    status: form.status,
    ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
    sources: [],
    topics: [],
  };
}

/** Save a new record; null when saved (with Undo in the toast), else why not. */
export async function saveNew(
  table: 'places' | 'visits',
  record: Record<string, unknown>,
  what: string,
): Promise<string | null> {
  try {
    const { offer } = await commit(
      { label: `Added ${what}`, put: { [table]: [record] }, expect: { [`${table}/${String(record.id)}`]: 0 } },
      `Added ${what}`,
    );
    useUndoStore.getState().present(offer);
    return null;
  } catch (err) {
    return describeWriteError(err);
  }
}
