/** The shapes of an itinerary and a route (see itinerary.ts). */
import type { Leg, LegMode, PlaceKind, PlanEvent, Status, Visit } from '../model';

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
  /** "09:00 CST (China)" at `zone`. */
  local: string;
  /** "09:00" at `zone` (the clock only, without the zone's label). */
  localClock: string;
  /** "Tue 28 Oct" at `zone`. */
  localDay: string;
  /** "02:00 GMT" in the display zone. */
  display: string;
  /** "02:00" in the display zone. */
  displayClock: string;
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
