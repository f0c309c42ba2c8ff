/**
 * The agenda: every event, leg and window as rows grouped by local day in the display zone,
 * each row also giving the local time at its own place.
 */
import type { EventKind, LegMode, Plan, Status } from './model';
import { formatLocalDate, formatLocalTime, localDateOf, localToInstant, toMs } from './time';

export type AgendaItemType = 'event' | 'leg' | 'window';

export interface AgendaRow {
  id: string;
  type: AgendaItemType;
  title: string;
  kind: EventKind | LegMode | 'window' | 'blackout';
  status: Status;
  allDay: boolean;
  optional: boolean;
  startsAt: string;
  endsAt: string;
  /** "11:00 KST" in the display zone, or "All day". */
  displayTime: string;
  /** "11:00 KST in Busan" — local time at the item's place, when that differs from the display zone. */
  localTime?: string;
  placeName?: string;
  participantNames: string[];
}

export interface AgendaDay {
  /** `YYYY-MM-DD` in the display zone. */
  date: string;
  label: string;
  rows: AgendaRow[];
}

export interface AgendaOptions {
  displayZone: string;
  includeOptional: boolean;
  types?: readonly AgendaItemType[];
}

/** Rows sorted by start (then title), grouped by the display-zone day on which they start. */
export function buildAgenda(plan: Plan, options: AgendaOptions): AgendaDay[] {
  const { displayZone, includeOptional } = options;
  const types = new Set(options.types ?? ['event', 'leg', 'window']);
  const placeById = new Map(plan.places.map((p) => [p.id as string, p]));
  const nameById = new Map(plan.participants.map((p) => [p.id as string, p.name]));
  const names = (ids: readonly string[]) => ids.map((id) => nameById.get(id) ?? id);
  const rows: AgendaRow[] = [];

  const localAt = (instant: string, placeId: string | undefined, zone: string) => {
    const place = placeId ? placeById.get(placeId) : undefined;
    const placeZone = place?.timeZone ?? zone;
    if (placeZone === displayZone && !place) return undefined;
    return `${formatLocalTime(instant, placeZone)}${place ? ` in ${place.name}` : ''}`;
  };

  if (types.has('event')) {
    for (const e of plan.events) {
      if (e.optional && !includeOptional) continue;
      const place = e.placeId ? placeById.get(e.placeId) : undefined;
      rows.push({
        id: e.id,
        type: 'event',
        title: e.title,
        kind: e.kind,
        status: e.status,
        allDay: e.allDay,
        optional: e.optional,
        startsAt: e.allDay ? allDayAnchor(e.startDate!, displayZone) : e.startsAt,
        endsAt: e.endsAt,
        displayTime: e.allDay ? 'All day' : formatLocalTime(e.startsAt, displayZone),
        localTime: e.allDay ? (place ? `${e.startDate === e.endDate ? e.startDate : `${e.startDate} – ${e.endDate}`} in ${place.name}` : undefined) : localAt(e.startsAt, e.placeId, e.timeZone),
        placeName: place?.name,
        participantNames: names(e.participantIds),
      });
    }
  }
  if (types.has('leg')) {
    for (const l of plan.legs) {
      if (l.optional && !includeOptional) continue;
      const from = placeById.get(l.fromPlaceId);
      const to = placeById.get(l.toPlaceId);
      const label = [l.carrier, l.number].filter(Boolean).join(' ');
      rows.push({
        id: l.id,
        type: 'leg',
        title: `${from?.name ?? l.fromPlaceId} → ${to?.name ?? l.toPlaceId}${label ? ` (${label})` : ''}`,
        kind: l.mode,
        status: l.status,
        allDay: false,
        optional: l.optional,
        startsAt: l.departsAt,
        endsAt: l.arrivesAt,
        displayTime: `${formatLocalTime(l.departsAt, displayZone)} – ${formatLocalTime(l.arrivesAt, displayZone)}`,
        localTime: `departs ${formatLocalTime(l.departsAt, from?.timeZone ?? displayZone)}, arrives ${formatLocalTime(l.arrivesAt, to?.timeZone ?? displayZone)} local`,
        placeName: from && to ? `${from.name} → ${to.name}` : undefined,
        participantNames: names(l.participantIds),
      });
    }
  }
  if (types.has('window')) {
    for (const w of plan.windows) {
      const place = w.placeId ? placeById.get(w.placeId) : undefined;
      rows.push({
        id: w.id,
        type: 'window',
        title: w.title,
        kind: w.kind,
        status: w.status,
        allDay: true,
        optional: false,
        startsAt: allDayAnchor(w.startDate, displayZone),
        endsAt: w.endsAt,
        displayTime: 'All day',
        localTime: `${w.startDate === w.endDate ? w.startDate : `${w.startDate} – ${w.endDate}`}${place ? ` in ${place.name}` : ''}`,
        placeName: place?.name,
        participantNames: names(w.participantIds),
      });
    }
  }

  rows.sort((a, b) => toMs(a.startsAt) - toMs(b.startsAt) || Number(b.allDay) - Number(a.allDay) || a.title.localeCompare(b.title));
  const days: AgendaDay[] = [];
  for (const row of rows) {
    const date = localDateOf(row.startsAt, displayZone);
    let day = days[days.length - 1];
    if (!day || day.date !== date) {
      day = { date, label: formatLocalDate(row.startsAt, displayZone), rows: [] };
      days.push(day);
    }
    day.rows.push(row);
  }
  return days;
}

/** All-day items sit on their own local date whatever the display zone: anchor them at noon of it. */
function allDayAnchor(date: string, displayZone: string): string {
  return localToInstant(`${date}T12:00`, displayZone);
}
