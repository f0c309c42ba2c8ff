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
import { greatCircleKm } from '../geo';
import type { Leg, Place, Plan, PlanEvent } from '../model';
import { calendarDaysBetween, formatPlainDate, localPartsAt, startOfLocalDay, toMs } from '../time';
import type {
  Itinerary,
  ItineraryDay,
  ItineraryEntry,
  ItineraryEvent,
  ItineraryLeg,
  ItineraryOptions,
  ItineraryStop,
  ItineraryTotals,
  PlaceRef,
  Route,
  RouteTotals,
  TimeAt,
} from './itinerary-types';
import { firstStart, legDurationMs } from './route-helpers';

/** Selection meaning every visit (and the legs outside any visit). */
export const ALL_VISITS = 'all';
/** Key of the itinerary holding legs that belong to no visit. */
export const NO_VISIT = 'no-visit';

type PlaceIndex = Map<string, Place>;

/** Places by id, built once per places array (a route builds one itinerary per visit). */
const placeIndexes = new WeakMap<readonly Place[], PlaceIndex>();
function placeIndex(places: readonly Place[]): PlaceIndex {
  let index = placeIndexes.get(places);
  if (!index) {
    index = new Map(places.map((p) => [p.id as string, p]));
    placeIndexes.set(places, index);
  }
  return index;
}

/** The plan cut down to one visit's records (or, for null, the legs outside any visit): what
 * `buildItinerary` reads, so a route of many visits reads the plan once, not once per visit. */
function perVisit(plan: Plan): (visitId: string | null) => Plan {
  const legs = new Map<string | null, Leg[]>();
  const events = new Map<string | null, PlanEvent[]>();
  const push = <T>(map: Map<string | null, T[]>, key: string | null, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const l of plan.legs) push(legs, l.visitId || null, l);
  for (const e of plan.events) if (e.visitId) push(events, e.visitId, e);
  const visits = new Map(plan.visits.map((v) => [v.id as string, v]));
  return (visitId) => {
    const visit = visitId ? visits.get(visitId) : undefined;
    return {
      ...plan,
      visits: visit ? [visit] : [],
      legs: legs.get(visitId) ?? [],
      events: visitId ? (events.get(visitId) ?? []) : [],
    };
  };
}

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
  const ms = toMs(instant);
  const l = localPartsAt(ms, instant, zone);
  const d = zone === displayZone ? l : localPartsAt(ms, instant, displayZone);
  const local = `${l.time} ${l.abbreviation}`;
  const display = `${d.time} ${d.abbreviation}`;
  return {
    instant,
    zone,
    localDate: l.date,
    local,
    localClock: l.time,
    localDay: l.day,
    display,
    displayClock: d.time,
    displayDay: d.day,
    sameAsDisplay: local === display && l.day === d.day,
  };
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
      day = { date, zone, label: instant ? formatPlainDate(date) : 'Undated', entries: [] };
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
  const index = placeIndex(plan.places);
  const visit = visitId ? (plan.visits.find((v) => v.id === visitId) ?? null) : null;
  const allLegs = plan.legs.filter((l) => (visitId ? l.visitId === visitId : !l.visitId)).sort(compareLegs);
  const events = visitId ? plan.events.filter((e) => e.visitId === visitId) : [];
  const legsShown = allLegs.filter((l) => isShown(l, options.includeOptional));
  const eventsShown = events.filter((e) => isShown(e, options.includeOptional));

  // Each event's start (an all-day one's is a zone computation), once.
  const eventStarts = events.map((e) => eventStartMs(e, index));
  const startOf = new Map<PlanEvent, number>();
  for (let i = 0; i < events.length; i++) startOf.set(events[i]!, eventStarts[i]!);

  type Item = { at: number; order: number; id: string } & ({ type: 'event'; e: PlanEvent } | { type: 'leg'; l: Leg });
  const items: Item[] = [
    ...eventsShown.map((e) => ({
      at: startOf.get(e)!,
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
  return {
    key,
    visit,
    title: visit ? visit.title : 'Legs outside any visit',
    status: visit ? visit.status : null,
    stops,
    legs,
    days: groupDays(entries),
    totals: totalsOf(allMade, options.includeOptional),
    startsAt: firstStart(eventStarts, allLegs),
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
  const planOf = perVisit(plan);
  const itineraries = keys
    .map((k) => buildItinerary(planOf(k), k, options, seqOf))
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
