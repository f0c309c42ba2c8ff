/** The date finder's request, result and shared constants (see date-finder.ts for the rules). */
import { DEFAULT_SETTINGS } from '../conflicts';
import type { Scenario } from '../model';

export const DAY_MS = 86_400_000;
/**
 * After a visit, a participant's leg from another city must leave more than this long after it:
 * until then the conflict engine takes them to be still at the host (its `locationHorizonHours`,
 * end included), with no leg planned away. A minute over the horizon.
 */
export const LOCATION_HORIZON_MS = DEFAULT_SETTINGS.locationHorizonHours * 3_600_000 + 60_000;
/** Slack added to a plausible trip before a commitment elsewhere counts as reachable, ms. */
export const TRAVEL_SLACK_MS = 2 * 3_600_000;
/** How near (calendar days) a blackout or commitment must be to cost points. */
export const NEAR_DAYS = 7;
/** How far (days) a landmark may be and still be named as "clear of". */
export const FAR_DAYS = 60;
export const MAX_RANGE_DAYS = 3 * 366;

export type WindowRelation = 'within' | 'before' | 'after';

export interface FinderRequest {
  participantIds: readonly string[];
  /** Days at the host (1–60). When moving a visit, its own length is used instead. */
  lengthDays: number;
  /** First and last local day (in `timeZone`) the visit may occupy, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** The host place's zone: days and hours are local there. */
  timeZone: string;
  hostPlaceId?: string;
  /** Local hours needed each day, `HH:mm`, start before end. Not used when moving a visit. */
  dayStart: string;
  dayEnd: string;
  avoidBlackouts: boolean;
  /** Whole days to keep clear between the visit and other commitments of its participants. */
  minGapDays: number;
  /** In or around a window or event: `within` (up to `days` outside it), or ending/starting at most `days` before/after it. */
  window?: { itemId: string; relation: WindowRelation; days: number };
  /** Events or windows the visit must not meet. */
  avoidItemIds: readonly string[];
  /** Move this visit (its events and legs) instead of creating a new one. */
  moveVisitId?: string;
  /** Weekend days cost points. */
  preferWeekdays: boolean;
  /** Which optional items are in, or a scenario (its optional items and alternative dates). */
  includeOptional: boolean | readonly string[];
  scenario?: Scenario | null;
  /** How many candidates to return (default 8). */
  limit?: number;
  /** Return only candidates that do not overlap a better one (default true). */
  distinct?: boolean;
  /** Check the best candidates with the conflict engine and score its findings (default true). */
  engineCheck?: boolean;
}

export type ReasonKind = 'clear' | 'near' | 'window' | 'days' | 'engine';

export interface Reason {
  kind: ReasonKind;
  /** Plain words: "Clear of UNGA 81 general debate (ends Mon 28 Sep, 3 days before)". */
  text: string;
  /** Added to the score (0 for a reason that only informs). */
  points: number;
  itemId?: string;
  /** The conflict engine's explanation, for an `engine` reason. */
  detail?: string;
}

export interface Interval {
  startsAt: string;
  endsAt: string;
  /** A day's hours or a moved event (checked against blackouts), or a moved leg (travel: not). */
  type: 'event' | 'leg';
  /** Where it is (a leg: where it leaves from, and `endPlaceId` where it arrives). */
  placeId?: string;
  endPlaceId?: string;
}

export interface Candidate {
  /** First and last local day at the host (inclusive). */
  startDate: string;
  endDate: string;
  /** "Wed 12 – Fri 14 Aug 2026". */
  label: string;
  /** The whole span the visit occupies (UTC). */
  startsAt: string;
  endsAt: string;
  /** A new visit: its hours each day. A moved visit: its items' new times. */
  footprint: Interval[];
  /** Days the visit moves by (when moving one). */
  offsetDays?: number;
  score: number;
  reasons: Reason[];
}

export interface Blocker {
  itemId: string;
  title: string;
  /** "during", "a blackout", "too close", "outside the window". */
  why: string;
  /** How many start days it ruled out. */
  startDays: number;
}

export interface FinderResult {
  candidates: Candidate[];
  /** Start days tried and start days that passed every hard rule. */
  considered: number;
  feasible: number;
  /** What ruled days out, most first. */
  blockers: Blocker[];
  /** What is wrong with the request, in plain words; no search is made when not empty. */
  problems: string[];
}

/** A busy interval, padded (`start`, `end`) or not (`rawStart`, `rawEnd`). */
export interface Busy {
  start: number;
  end: number;
  /** The unpadded interval (for "during" vs "too close"). */
  rawStart: number;
  rawEnd: number;
  id: string;
  title: string;
  kind: 'commitment' | 'blackout' | 'avoid' | 'window';
  /** First and last local day of the item in its own zone (computed on first use). */
  days: () => { first: string; last: string };
  /** "a blackout for Xi Jinping", "Donald J. Trump", … */
  who: string;
}

/** Items that are not happening never block a date. */
export const NOT_HAPPENING = new Set(['cancelled', 'postponed']);
