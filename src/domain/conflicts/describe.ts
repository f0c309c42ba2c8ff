/**
 * Words for explanations: items, places and times as a planner says them, with the local time
 * and zone abbreviation at each place. Called lazily (only when an explanation is read).
 */
import type { Place } from '../model';
import {
  formatDuration,
  formatLocalDateRange,
  formatLocalDateTime,
  formatLocalTime,
  localDateOf,
  toInstant,
  zoneAbbreviation,
} from '../time';
import { legNoun, type Node, type PlanIndex } from './nodes';

/** "KST", "CST (China)": the zone's label at an instant (epoch ms). */
export function zoneAt(ms: number, zone: string): string {
  return zoneAbbreviation(toInstant(ms), zone);
}

/** "13:18 KST" at a zone. */
export function timeAt(ms: number, zone: string): string {
  return formatLocalTime(toInstant(ms), zone);
}

/** "Tue 28 Oct 2025, 13:18 CST (China)" at a zone. */
export function dateTimeAt(ms: number, zone: string): string {
  return formatLocalDateTime(toInstant(ms), zone);
}

/** The time at a zone, with the date only if it differs from `refMs`'s local date there. */
export function timeAfter(ms: number, zone: string, refMs: number, refZone: string = zone): string {
  const sameDay = localDateOf(toInstant(ms), zone) === localDateOf(toInstant(refMs), refZone);
  return sameDay ? timeAt(ms, zone) : dateTimeAt(ms, zone);
}

export function cityName(index: PlanIndex, place: Place | undefined): string {
  if (!place) return 'an unknown place';
  const city = place.cityId ? index.placeById.get(place.cityId) : undefined;
  return (city ?? place).name;
}

export function placeName(place: Place | undefined): string {
  return place ? place.name : 'an unknown place';
}

/** A participant's name. */
export function personName(index: PlanIndex, id: string): string {
  return index.participantById.get(id)?.name ?? id;
}

export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'no one';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `“Title”` for events and windows; `the flight Beijing Capital → Busan` for legs. */
export function label(node: Node): string {
  if (node.type === 'leg') {
    return `the ${legNoun(node.mode!)} ${placeName(node.place)} → ${placeName(node.toPlace)}`;
  }
  return `“${node.title}”`;
}

/** When an item happens, at its own place: "Fri 25 Sep 2026, 10:00–13:00 EDT". */
export function when(node: Node): string {
  if (node.type === 'leg') {
    return `departs ${dateTimeAt(node.start, node.zone)}, arrives ${timeAfter(node.end, node.toZone, node.start, node.zone)}`;
  }
  if (node.allDay) {
    const src = node.source as { startDate?: string; endDate?: string };
    if (src.startDate && src.endDate)
      return `all day ${formatLocalDateRange(src.startDate, src.endDate)}, ${zoneAt(node.start, node.zone)}`;
    return `${dateTimeAt(node.start, node.zone)} – ${dateTimeAt(node.end, node.zone)}`;
  }
  return spanAt(node.start, node.end, node.zone);
}

/** "Fri 25 Sep 2026, 10:00–13:00 EDT", or both dates when the span crosses a local midnight. */
export function spanAt(start: number, end: number, zone: string): string {
  const startText = dateTimeAt(start, zone);
  if (localDateOf(toInstant(end), zone) !== localDateOf(toInstant(start), zone)) {
    return `${startText} – ${dateTimeAt(end, zone)}`;
  }
  const endText = timeAt(end, zone);
  const startLabel = zoneAt(start, zone);
  return startLabel === zoneAt(end, zone)
    ? `${startText.slice(0, -startLabel.length - 1)}–${endText}`
    : `${startText} – ${endText}`;
}

/** `“Title” (Fri 25 Sep 2026, 10:00–13:00 EDT, The White House)`. */
export function describe(node: Node): string {
  const where = node.type === 'leg' ? '' : node.place ? `, ${node.place.name}` : '';
  return `${label(node)} (${when(node)}${where})`;
}

/** "1 h 40 min". */
export function duration(ms: number): string {
  return formatDuration(ms);
}

/** "1,070 km". */
export function km(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} km`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
