/**
 * Where a participant is at a given instant, read from their commitments the way the conflict
 * engine reads them (so the route view, the finder and the conflict list agree):
 * - on a leg in progress: travelling;
 * - in a timed event with a place: there, for certain;
 * - within an all-day item's days: in its city, not for certain (unless a leg or timed event
 *   during those days says otherwise);
 * - otherwise at the last place known (a leg's arrival, an event's place) if that was less than
 *   `locationHorizonHours` ago or the next item belongs to the same visit; else unknown.
 * Events with no place (calls) and notes or holidays say nothing about where anyone is.
 */
import { buildIndex, refOf, type IndexOptions, type Node, type PlanIndex } from '../conflicts';
import type { ItemRef } from '../conflicts';
import type { Plan } from '../model';
import { toInstant, toMs } from '../time';

export interface Whereabouts {
  state: 'at' | 'travelling' | 'unknown';
  /** 'at': the place; 'travelling': the leg's destination. */
  placeId?: string;
  /** City of `placeId` (`place.cityId ?? place.id`). */
  cityId?: string;
  /** 'travelling': the leg's departure place. */
  fromPlaceId?: string;
  /** The item that says so: the event or leg in progress, the all-day item, or the last item known. */
  item?: ItemRef;
  /** True only for an event or leg in progress. */
  certain: boolean;
  /** Since when this is known (the start of the event or leg, or the last item's end), UTC ISO. */
  since?: string;
}

const UNKNOWN: Whereabouts = { state: 'unknown', certain: false };

/** Answers "where is P at T?" for many participants and instants over one plan (built once). */
export class WhereaboutsIndex {
  readonly #index: PlanIndex;
  readonly #timelines: ReadonlyMap<string, Node[]>;

  constructor(plan: Plan, options: IndexOptions = { includeOptional: false }) {
    this.#index = buildIndex(plan, options);
    this.#timelines = this.#index.timelines;
  }

  /** Where `participantId` is at `instant` (UTC ISO or epoch ms). O(items of that participant). */
  at(participantId: string, instant: string | number): Whereabouts {
    const t = typeof instant === 'number' ? instant : toMs(instant);
    const list = this.#timelines.get(participantId);
    if (!list) return UNKNOWN;
    const horizonMs = this.#index.settings.locationHorizonHours * 3_600_000;
    let last: { node: Node; until: number } | null = null;
    let day: Node | null = null;
    let next: Node | null = null;
    for (const x of list) {
      if (x.start > t) {
        next = x;
        break;
      }
      if (x.type === 'leg') {
        if (t < x.end) {
          return {
            state: 'travelling',
            placeId: x.toPlace?.id,
            cityId: x.toCity,
            fromPlaceId: x.place?.id,
            item: refOf(x),
            certain: true,
            since: toInstant(x.start),
          };
        }
        if (x.toPlace) last = { node: x, until: x.end };
        else last = null;
        if (day && day.city !== x.toCity) day = null;
        continue;
      }
      if (!x.place) continue;
      if (x.allDay) {
        if (t < x.end) day = x;
        else if (!last || x.end >= last.until) last = { node: x, until: x.end };
        continue;
      }
      if (t < x.end) {
        return {
          state: 'at',
          placeId: x.place.id,
          cityId: x.city,
          item: refOf(x),
          certain: true,
          since: toInstant(x.start),
        };
      }
      if (!last || x.end >= last.until) last = { node: x, until: x.end };
    }
    if (day && (!last || last.node.start < day.start)) {
      return {
        state: 'at',
        placeId: day.place!.id,
        cityId: day.city,
        item: refOf(day),
        certain: false,
        since: toInstant(day.start),
      };
    }
    if (!last) return UNKNOWN;
    const node = last.node;
    const fresh = t - last.until <= horizonMs || (node.visitId !== undefined && next?.visitId === node.visitId);
    if (!fresh) return UNKNOWN;
    const place = node.type === 'leg' ? node.toPlace! : node.place!;
    return {
      state: 'at',
      placeId: place.id,
      cityId: node.type === 'leg' ? node.toCity : node.city,
      item: refOf(node),
      certain: false,
      since: toInstant(last.until),
    };
  }
}

/**
 * Where `participantId` is at `instant` (UTC ISO or epoch ms), with optional items as in
 * `options` (default: left out). Builds an index of the plan each call: for many questions,
 * use `new WhereaboutsIndex(plan, options)` once.
 */
export function whereIs(
  plan: Plan,
  participantId: string,
  instant: string | number,
  options?: IndexOptions,
): Whereabouts {
  return new WhereaboutsIndex(plan, options).at(participantId, instant);
}
