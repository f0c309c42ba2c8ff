/**
 * The field-level change of one record, in words: each field that differs, as "field: before →
 * after", with instants shown in the record's own zone ("Thu 30 Oct 2025, 11:00 KST").
 */
import { KIND_LABELS, MODE_LABELS, STATUS_LABELS } from '../../domain/model';
import { formatLocalDateTime } from '../../domain/time';

export interface FieldRow {
  field: string;
  before: string;
  after: string;
}

/** The write path's stamps: they change with every write and say nothing to a person. */
const STAMPS = new Set(['id', 'rev', 'updatedAt', 'updatedBy', 'planId']);

const FIELD_WORDS: Record<string, string> = {
  title: 'Title',
  name: 'Name',
  kind: 'Kind',
  status: 'Status',
  startsAt: 'Starts',
  endsAt: 'Ends',
  departsAt: 'Departs',
  arrivesAt: 'Arrives',
  startDate: 'First day',
  endDate: 'Last day',
  allDay: 'All day',
  timeZone: 'Time zone',
  placeId: 'Place',
  fromPlaceId: 'From',
  toPlaceId: 'To',
  visitId: 'Visit',
  guestId: 'Guest',
  hostId: 'Host',
  participantIds: 'Participants',
  optional: 'Optional',
  notes: 'Notes',
  sources: 'Sources',
  topics: 'Topics',
  mode: 'Mode',
  carrier: 'Carrier',
  number: 'Number',
  value: 'Value',
  note: 'Note',
  acceptedAt: 'Accepted',
};

/** A field's name in words: the known ones, else "someField" → "Some field". */
export function fieldWords(field: string): string {
  const known = FIELD_WORDS[field];
  if (known) return known;
  const spaced = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Fields that hold another record's id: shown by that record's name when it still exists. */
const REFERENCES = new Set(['placeId', 'fromPlaceId', 'toPlaceId', 'visitId', 'guestId', 'hostId', 'participantIds']);

/** The name of a place, participant or visit by id (undefined when it is gone). */
export type NameOf = (id: string) => string | undefined;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** One value in words; `zone` shows instants in the record's own zone, `nameOf` names references. */
export function valueWords(field: string, value: unknown, zone: string, nameOf?: NameOf): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (nameOf && REFERENCES.has(field)) {
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length === 0) return 'none';
    return ids.map((id) => (typeof id === 'string' && nameOf(id)) || String(id)).join(', ');
  }
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return formatLocalDateTime(value, zone);
    if (field === 'kind') return (KIND_LABELS as Record<string, string>)[value] ?? value;
    if (field === 'status') return (STATUS_LABELS as Record<string, string>)[value] ?? value;
    if (field === 'mode') return (MODE_LABELS as Record<string, string>)[value] ?? value;
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value
      .map((v) =>
        v && typeof v === 'object' ? String((v as { title?: unknown }).title ?? JSON.stringify(v)) : String(v),
      )
      .join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between `before` and `after` (either may be null: added, deleted), in
 * the order the record lists them. `zoneOf` gives the zone a record's instant field is shown in;
 * `nameOf` turns the ids of places, participants and visits into their names.
 */
export function fieldRows(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  zoneOf: (record: Record<string, unknown>, field: string) => string,
  nameOf?: NameOf,
): FieldRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows: FieldRow[] = [];
  for (const field of fields) {
    if (STAMPS.has(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (before && after && same(a, b)) continue;
    if (a === undefined && b === undefined) continue;
    rows.push({
      field: fieldWords(field),
      before: before ? valueWords(field, b, zoneOf(before, field), nameOf) : '—',
      after: after ? valueWords(field, a, zoneOf(after, field), nameOf) : '—',
    });
  }
  return rows;
}
