/**
 * Itineraries: a visit read as a route. The visit's legs and events, in time order, become
 * stops (a stay in one city between an arrival and a departure, with what happens there) and
 * legs between them, grouped into days by the local date at each place.
 *
 * Policy:
 * - Places are grouped by city (`Place.cityId`): arriving at PEK and meeting at the Great Hall
 *   is one stop in Beijing. A leg that departs from a city other than the current stop opens a
 *   new stop marked `unplannedArrival` (no leg brings the principal there).
 * - Distances are great-circle kilometres between the leg's two places, whatever the mode.
 * - Durations are `arrivesAt − departsAt` in ms: instants, so right across zones and DST.
 * - Optional items (legs and events) are left out when `includeOptional` is false; the totals
 *   are always given both with and without the optional legs.
 */
import type { Conflict } from '../conflicts';
import { greatCircleKm } from '../geo';
import type { Leg, LegMode, Place, PlaceKind, Plan, PlanEvent, Status, Visit } from '../model';
import { calendarDaysBetween, formatLocalDate, localParts, startOfLocalDay, toInstant, toMs } from '../time';

/** Selection meaning every visit (and the legs outside any visit). */
export const ALL_VISITS = 'all';
/** Key of the itinerary holding legs that belong to no visit. */
export const NO_VISIT = 'no-visit';

export interface ItineraryOptions {
  displayZone: string;
  includeOptional: boolean;
}

export interface PlaceRef {
  id: string;
  name: string;
  kind: PlaceKind | 'unknown';
  timeZone: string;
  /** Degrees; null when the place is missing from the plan. */
  coords: { lat: number; lon: number } | null;
  /** The city the place belongs to (the place itself when it is a city or has none). */
  cityId: string;
  cityName: string;
  cityCoords: { lat: number; lon: number } | null;
  iata?: string;
}

/** An instant seen at a place's zone and in the display zone. */
export interface TimeAt {
  instant: string;
  zone: string;
  /** `YYYY-MM-DD` at `zone`. */
  localDate: string;
  /** "09:00 CST" at `zone`. */
  local: string;
  /** "Tue 28 Oct" at `zone`. */
  localDay: string;
  /** "02:00 GMT" in the display zone. */
  display: string;
  /** "Tue 28 Oct" in the display zone. */
  displayDay: string;
  /** The display zone shows the same day and wall-clock time: no need to repeat it. */
  sameAsDisplay: boolean;
}

export interface ItineraryLeg {
  id: string;
  leg: Leg;
  /** 1-based position among the legs shown (per visit, or across all visits in "all"). */
  seq: number;
  from: PlaceRef;
  to: PlaceRef;
  mode: LegMode;
  status: Status;
  optional: boolean;
  /** Carrier and flight or train number, e.g. "Air China CA817". */
  service: string;
  departs: TimeAt;
  arrives: TimeAt;
  /** arrivesAt − departsAt, ms. */
  durationMs: number;
  /** Great-circle km; null when a place is missing. */
  km: number | null;
  /** Local arrival date minus local departure date, in days (−1 across the date line westward). */
  dayShift: number;
  visitId: string | null;
}

export interface ItineraryEvent {
  id: string;
  event: PlanEvent;
  place: PlaceRef | null;
  allDay: boolean;
  starts: TimeAt;
  ends: TimeAt;
  /** All-day items: first and last local day. */
  startDate?: string;
  endDate?: string;
}

export interface ItineraryStop {
  /** Unique within a route. */
  key: string;
  /** The city of the stop (what the map labels). */
  city: PlaceRef;
  /** The place that opened the stop: the arrival airport or station, or the first event's place. */
  place: PlaceRef;
  arrives?: TimeAt;
  departs?: TimeAt;
  arrivalLegId?: string;
  departureLegId?: string;
  /** Where the principal arrives and leaves from, when that is not the city itself. */
  arrivalPlace?: PlaceRef;
  departurePlace?: PlaceRef;
  events: ItineraryEvent[];
  /** The stop is there only because of optional items. */
  optional: boolean;
  /** A leg leaves from here but no leg brought the principal here from the previous stop. */
  unplannedArrival: boolean;
  /** The previous stop's city, for `unplannedArrival` messages. */
  previousCity?: PlaceRef;
  visitId: string | null;
}

export type ItineraryEntry =
  | { type: 'stop'; stop: ItineraryStop }
  | { type: 'leg'; leg: ItineraryLeg }
  | { type: 'event'; event: ItineraryEvent; stopKey: string | null };

export interface ItineraryDay {
  /** `YYYY-MM-DD`, the local date at the place of the day's first entry. */
  date: string;
  /** "Tue 28 Oct 2025" */
  label: string;
  zone: string;
  entries: ItineraryEntry[];
}

export interface RouteTotals {
  legs: number;
  /** Sum of leg durations, ms. */
  travelMs: number;
  /** Sum of great-circle km (legs with a missing place count 0). */
  km: number;
}

export interface ItineraryTotals {
  withOptional: RouteTotals;
  withoutOptional: RouteTotals;
  /** Which of the two the current toggle shows. */
  shown: RouteTotals;
  /** Number of optional legs. */
  optionalLegs: number;
}

export interface Itinerary {
  /** The visit id, or `NO_VISIT`. */
  key: string;
  visit: Visit | null;
  title: string;
  status: Status | null;
  stops: ItineraryStop[];
  /** Legs shown, in order. */
  legs: ItineraryLeg[];
  days: ItineraryDay[];
  totals: ItineraryTotals;
  /** Earliest instant among its items (sort key); null for an empty visit. */
  startsAt: string | null;
}

export interface Route {
  itineraries: Itinerary[];
  /** Every leg shown, across itineraries, in `seq` order. */
  legs: ItineraryLeg[];
  stops: ItineraryStop[];
  totals: ItineraryTotals;
}

type PlaceIndex = Map<string, Place>;

function coordsOf(p: Place | undefined): { lat: number; lon: number } | null {
  return p ? { lat: p.lat, lon: p.lon } : null;
}

function placeRef(index: PlaceIndex, id: string, fallbackZone: string): PlaceRef {
  const p = index.get(id);
  if (!p) {
    return {
      id,
      name: `Unknown place (${id})`,
      kind: 'unknown',
      timeZone: fallbackZone,
      coords: null,
      cityId: id,
      cityName: `Unknown place (${id})`,
      cityCoords: null,
    };
  }
  const city = p.cityId ? index.get(p.cityId) : undefined;
  const ref: PlaceRef = {
    id: p.id,
    name: p.name,
    kind: p.kind,
    timeZone: p.timeZone,
    coords: coordsOf(p),
    cityId: city ? city.id : p.id,
    cityName: city ? city.name : p.name,
    cityCoords: coordsOf(city ?? p),
  };
  if (p.codes?.iata) ref.iata = p.codes.iata;
  return ref;
}

/** An instant at `zone`, with the same instant in the display zone. */
export function timeAt(instant: string, zone: string, displayZone: string): TimeAt {
  const l = localParts(instant, zone);
  const d = zone === displayZone ? l : localParts(instant, displayZone);
  const local = `${l.time} ${l.abbreviation}`;
  const display = `${d.time} ${d.abbreviation}`;
  return {
    instant,
    zone,
    localDate: l.date,
    local,
    localDay: l.day,
    display,
    displayDay: d.day,
    sameAsDisplay: local === display && l.day === d.day,
  };
}

/** Duration of a leg in ms (arrivesAt − departsAt): correct across zones and DST. */
export function legDurationMs(leg: Pick<Leg, 'departsAt' | 'arrivesAt'>): number {
  return toMs(leg.arrivesAt) - toMs(leg.departsAt);
}

/** Great-circle km of a leg between two known places; null if either is missing. */
export function legDistanceKm(leg: Pick<Leg, 'fromPlaceId' | 'toPlaceId'>, places: readonly Place[]): number | null {
  const a = places.find((p) => p.id === leg.fromPlaceId);
  const b = places.find((p) => p.id === leg.toPlaceId);
  return a && b ? greatCircleKm(a, b) : null;
}

function sumTotals(legs: readonly { durationMs: number; km: number | null }[]): RouteTotals {
  return {
    legs: legs.length,
    travelMs: legs.reduce((s, l) => s + l.durationMs, 0),
    km: legs.reduce((s, l) => s + (l.km ?? 0), 0),
  };
}

function totalsOf(
  all: readonly { durationMs: number; km: number | null; optional: boolean }[],
  includeOptional: boolean,
): ItineraryTotals {
  const withOptional = sumTotals(all);
  const withoutOptional = sumTotals(all.filter((l) => !l.optional));
  return {
    withOptional,
    withoutOptional,
    shown: includeOptional ? withOptional : withoutOptional,
    optionalLegs: all.filter((l) => l.optional).length,
  };
}

function serviceOf(leg: Leg): string {
  return [leg.carrier, leg.number].filter((s): s is string => !!s && s.trim().length > 0).join(' ');
}

function makeLeg(leg: Leg, index: PlaceIndex, options: ItineraryOptions, seq: number): ItineraryLeg {
  const from = placeRef(index, leg.fromPlaceId, options.displayZone);
  const to = placeRef(index, leg.toPlaceId, options.displayZone);
  const departs = timeAt(leg.departsAt, from.timeZone, options.displayZone);
  const arrives = timeAt(leg.arrivesAt, to.timeZone, options.displayZone);
  return {
    id: leg.id,
    leg,
    seq,
    from,
    to,
    mode: leg.mode,
    status: leg.status,
    optional: leg.optional,
    service: serviceOf(leg),
    departs,
    arrives,
    durationMs: legDurationMs(leg),
    km: from.coords && to.coords ? greatCircleKm(from.coords, to.coords) : null,
    dayShift: calendarDaysBetween(departs.localDate, arrives.localDate),
    visitId: leg.visitId ?? null,
  };
}

function makeEvent(e: PlanEvent, index: PlaceIndex, options: ItineraryOptions): ItineraryEvent {
  const place = e.placeId ? placeRef(index, e.placeId, e.timeZone) : null;
  const zone = place && place.kind !== 'unknown' ? place.timeZone : e.timeZone;
  const out: ItineraryEvent = {
    id: e.id,
    event: e,
    place,
    allDay: e.allDay,
    starts: timeAt(
      e.allDay && e.startDate ? startOfLocalDay(e.startDate, zone) : e.startsAt,
      zone,
      options.displayZone,
    ),
    ends: timeAt(e.endsAt, zone, options.displayZone),
  };
  if (e.allDay) {
    out.startDate = e.startDate;
    out.endDate = e.endDate;
    out.starts.localDate = e.startDate ?? out.starts.localDate;
  }
  return out;
}

/** Sort key of an event: all-day items at the start of their first local day. */
function eventStartMs(e: PlanEvent, index: PlaceIndex): number {
  if (!e.allDay || !e.startDate) return toMs(e.startsAt);
  const place = e.placeId ? index.get(e.placeId) : undefined;
  return toMs(startOfLocalDay(e.startDate, place?.timeZone ?? e.timeZone));
}

/** Legs by departure, then arrival, then id: the order the route is flown and driven in. */
export function compareLegs(a: Leg, b: Leg): number {
  return a.departsAt.localeCompare(b.departsAt) || a.arrivesAt.localeCompare(b.arrivesAt) || a.id.localeCompare(b.id);
}

function isShown(item: { optional: boolean }, includeOptional: boolean): boolean {
  return includeOptional || !item.optional;
}

function entryDate(entry: ItineraryEntry): { date: string; zone: string; instant: string } {
  if (entry.type === 'leg')
    return { date: entry.leg.departs.localDate, zone: entry.leg.departs.zone, instant: entry.leg.departs.instant };
  if (entry.type === 'event')
    return { date: entry.event.starts.localDate, zone: entry.event.starts.zone, instant: entry.event.starts.instant };
  const s = entry.stop;
  const t = s.arrives ?? s.events[0]?.starts ?? s.departs;
  if (t) return { date: t.localDate, zone: t.zone, instant: t.instant };
  return { date: '', zone: s.city.timeZone, instant: '' };
}

/** Group entries into days: a new day whenever the local date at the entry's place changes. */
function groupDays(entries: readonly ItineraryEntry[]): ItineraryDay[] {
  const days: ItineraryDay[] = [];
  for (const entry of entries) {
    const { date, zone, instant } = entryDate(entry);
    let day = days[days.length - 1];
    if (!day || day.date !== date) {
      day = { date, zone, label: instant ? formatLocalDate(instant, zone) : 'Undated', entries: [] };
      days.push(day);
    }
    day.entries.push(entry);
  }
  return days;
}

/**
 * The itinerary of one visit (or, with `visitId` null, of the legs that belong to no visit).
 * Legs are numbered by `seqOf` (1-based); a leg missing from it is numbered by its order here.
 */
export function buildItinerary(
  plan: Plan,
  visitId: string | null,
  options: ItineraryOptions,
  seqOf?: ReadonlyMap<string, number>,
): Itinerary {
  const index: PlaceIndex = new Map(plan.places.map((p) => [p.id as string, p]));
  const visit = visitId ? (plan.visits.find((v) => v.id === visitId) ?? null) : null;
  const allLegs = plan.legs.filter((l) => (visitId ? l.visitId === visitId : !l.visitId)).sort(compareLegs);
  const events = visitId ? plan.events.filter((e) => e.visitId === visitId) : [];
  const legsShown = allLegs.filter((l) => isShown(l, options.includeOptional));
  const eventsShown = events.filter((e) => isShown(e, options.includeOptional));

  type Item = { at: number; order: number; id: string } & ({ type: 'event'; e: PlanEvent } | { type: 'leg'; l: Leg });
  const items: Item[] = [
    ...eventsShown.map((e) => ({
      at: eventStartMs(e, index),
      order: 0,
      id: e.id as string,
      type: 'event' as const,
      e,
    })),
    ...legsShown.map((l) => ({ at: toMs(l.departsAt), order: 1, id: l.id as string, type: 'leg' as const, l })),
  ];
  items.sort((a, b) => a.at - b.at || a.order - b.order || a.id.localeCompare(b.id));

  const key = visitId ?? NO_VISIT;
  const stops: ItineraryStop[] = [];
  const legs: ItineraryLeg[] = [];
  const entries: ItineraryEntry[] = [];
  let current: ItineraryStop | undefined;

  const openStop = (place: PlaceRef, init: Partial<ItineraryStop>): ItineraryStop => {
    const previous = current;
    const stop: ItineraryStop = {
      key: `${key}:${stops.length + 1}`,
      city: placeRef(index, place.cityId, place.timeZone),
      place,
      events: [],
      optional: false,
      unplannedArrival: false,
      visitId,
      ...init,
    };
    if (stop.city.kind === 'unknown') stop.city = place;
    if (previous) stop.previousCity = previous.city;
    stops.push(stop);
    entries.push({ type: 'stop', stop });
    current = stop;
    return stop;
  };

  for (const item of items) {
    if (item.type === 'event') {
      const ev = makeEvent(item.e, index, options);
      if (ev.place && (!current || current.city.id !== ev.place.cityId)) {
        openStop(ev.place, { unplannedArrival: false, optional: item.e.optional });
      }
      if (current) {
        current.events.push(ev);
        if (!item.e.optional && !current.arrivalLegId) current.optional = false;
      }
      entries.push({ type: 'event', event: ev, stopKey: current?.key ?? null });
    } else {
      const l = item.l;
      const leg = makeLeg(l, index, options, seqOf?.get(l.id) ?? legs.length + 1);
      if (!current || current.city.id !== leg.from.cityId) {
        openStop(leg.from, { unplannedArrival: stops.length > 0, optional: false });
      }
      const origin = current!;
      if (!origin.departs) {
        origin.departs = leg.departs;
        origin.departureLegId = leg.id;
        if (leg.from.id !== origin.city.id) origin.departurePlace = leg.from;
      }
      legs.push(leg);
      entries.push({ type: 'leg', leg });
      const stop = openStop(leg.to, { arrives: leg.arrives, arrivalLegId: leg.id, optional: leg.optional });
      if (leg.to.id !== stop.city.id) stop.arrivalPlace = leg.to;
    }
  }

  const allMade = allLegs.map((l) => {
    const a = index.get(l.fromPlaceId);
    const b = index.get(l.toPlaceId);
    return { durationMs: legDurationMs(l), km: a && b ? greatCircleKm(a, b) : null, optional: l.optional };
  });
  const starts = [...events.map((e) => toInstant(eventStartMs(e, index))), ...allLegs.map((l) => l.departsAt)].sort();
  return {
    key,
    visit,
    title: visit ? visit.title : 'Legs outside any visit',
    status: visit ? visit.status : null,
    stops,
    legs,
    days: groupDays(entries),
    totals: totalsOf(allMade, options.includeOptional),
    startsAt: starts[0] ?? null,
  };
}

/**
 * The route for a selection: one visit's itinerary, or (`ALL_VISITS`) every visit's in order of
 * their first item, followed by the legs outside any visit if there are some. Legs are numbered
 * 1, 2, … in time order across the selection.
 */
export function buildRoute(plan: Plan, selection: string, options: ItineraryOptions): Route {
  const keys: (string | null)[] =
    selection === ALL_VISITS
      ? [...plan.visits.map((v) => v.id as string), ...(plan.legs.some((l) => !l.visitId) ? [null] : [])]
      : plan.visits.some((v) => v.id === selection)
        ? [selection]
        : [];
  const inSelection = new Set(keys);
  const numbered = plan.legs
    .filter((l) => inSelection.has(l.visitId ?? null) && isShown(l, options.includeOptional))
    .sort(compareLegs);
  const seqOf = new Map(numbered.map((l, i) => [l.id as string, i + 1]));
  const itineraries = keys
    .map((k) => buildItinerary(plan, k, options, seqOf))
    .sort((a, b) => {
      if (a.visit === null || b.visit === null) return a.visit === null ? (b.visit === null ? 0 : 1) : -1;
      if (a.startsAt === null || b.startsAt === null)
        return a.startsAt === null ? (b.startsAt === null ? a.title.localeCompare(b.title) : 1) : -1;
      return a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title);
    });
  const legs = itineraries.flatMap((i) => i.legs).sort((a, b) => a.seq - b.seq);
  const sum = (pick: (t: ItineraryTotals) => RouteTotals): RouteTotals => ({
    legs: itineraries.reduce((s, i) => s + pick(i.totals).legs, 0),
    travelMs: itineraries.reduce((s, i) => s + pick(i.totals).travelMs, 0),
    km: itineraries.reduce((s, i) => s + pick(i.totals).km, 0),
  });
  const withOptional = sum((t) => t.withOptional);
  const withoutOptional = sum((t) => t.withoutOptional);
  return {
    itineraries,
    legs,
    stops: itineraries.flatMap((i) => i.stops),
    totals: {
      withOptional,
      withoutOptional,
      shown: options.includeOptional ? withOptional : withoutOptional,
      optionalLegs: itineraries.reduce((s, i) => s + i.totals.optionalLegs, 0),
    },
  };
}

/** The visits in the order a selector lists them: by first item, then title; empty visits last. */
export function orderVisits(plan: Plan): Visit[] {
  const first = new Map<string, string>();
  const note = (id: string | undefined, at: string) => {
    if (!id) return;
    const prev = first.get(id);
    if (!prev || at < prev) first.set(id, at);
  };
  for (const e of plan.events) note(e.visitId, e.startsAt);
  for (const l of plan.legs) note(l.visitId, l.departsAt);
  return [...plan.visits].sort((a, b) => {
    const fa = first.get(a.id);
    const fb = first.get(b.id);
    if (fa && fb) return fa.localeCompare(fb) || a.title.localeCompare(b.title);
    if (fa || fb) return fa ? -1 : 1;
    return a.title.localeCompare(b.title);
  });
}

/** Conflicts by the id of each item they concern (an item may be in several). */
export function conflictsByItem(conflicts: readonly Conflict[]): Map<string, Conflict[]> {
  const out = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    for (const item of c.items) {
      const list = out.get(item.id);
      if (list) {
        if (!list.includes(c)) list.push(c);
      } else out.set(item.id, [c]);
    }
  }
  return out;
}

/**
 * Swap two legs' places in time, keeping each leg's duration and the gap between them: the later
 * leg takes the earlier one's departure, and the earlier leg departs after it by the same gap as
 * before (a negative gap, for overlapping legs, counts as none). Returns [the leg now first, the
 * leg now second], with new `departsAt`/`arrivesAt` (UTC ISO instants).
 */
export function swapLegSlots<L extends Pick<Leg, 'departsAt' | 'arrivesAt'>>(a: L, b: L): [L, L] {
  const [earlier, later] = toMs(a.departsAt) <= toMs(b.departsAt) ? [a, b] : [b, a];
  const gap = Math.max(0, toMs(later.departsAt) - toMs(earlier.arrivesAt));
  const firstDeparts = toMs(earlier.departsAt);
  const firstArrives = firstDeparts + legDurationMs(later);
  const secondDeparts = firstArrives + gap;
  const secondArrives = secondDeparts + legDurationMs(earlier);
  return [
    { ...later, departsAt: toInstant(firstDeparts), arrivesAt: toInstant(firstArrives) },
    { ...earlier, departsAt: toInstant(secondDeparts), arrivesAt: toInstant(secondArrives) },
  ];
}

/**
 * The central meridian (degrees, in [−180, 180)) of the narrowest band of longitudes holding all
 * of `lons`: the middle of the circle minus its widest empty gap. 0 for no points.
 */
export function centralLongitude(lons: readonly number[]): number {
  if (lons.length === 0) return 0;
  const sorted = lons.map((l) => ((((l + 180) % 360) + 360) % 360) - 180).sort((a, b) => a - b);
  let widest = -1;
  let gapEnd = sorted[0]!;
  for (let i = 0; i < sorted.length; i += 1) {
    const here = sorted[i]!;
    const next = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + 360;
    if (next - here > widest) {
      widest = next - here;
      gapEnd = next;
    }
  }
  const span = 360 - widest;
  const centre = gapEnd + span / 2;
  return ((((centre + 180) % 360) + 360) % 360) - 180;
}

/** "14 h 40 min", "26 h 10 min", "45 min": hours are not folded into days (travel totals). */
export function formatTravelTime(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "1,067 km" (whole km, grouped); "—" for an unknown distance. */
export function formatKm(km: number | null): string {
  if (km === null || !Number.isFinite(km)) return '—';
  return `${Math.round(km).toLocaleString('en-GB')} km`;
}

/** True if an item's status is settled (confirmed or held); anything else prints as DRAFT. */
export function isSettled(status: Status): boolean {
  return status === 'confirmed' || status === 'held';
}

/** "Asia/Shanghai" → "Shanghai", "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}
