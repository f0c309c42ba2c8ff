/**
 * Transit and continuity: a walk along each participant's commitments in time order, tracking
 * where they are.
 *
 * - A timed event or a leg's arrival fixes the participant's place; an all-day item only says
 *   they are in its city at some time during its days (so a leg to or from that city during
 *   those days is consistent, and travel to or from it is judged leniently).
 * - A place is known until `locationHorizonHours` after the item that fixed it, or for as long
 *   as the next item belongs to the same visit (plans rarely list the flight home).
 * - Transit: between a place and a timed event in another city with no leg between them, the
 *   gap must cover the shortest plausible trip (geo.ts); a leg must leave at least the buffer
 *   after the commitment before it ends and arrive at least the buffer before the next one
 *   starts (no buffer when the leg departs from or arrives at the commitment's own place).
 *   Overlapping items are left to the double-booking rule.
 * - Continuity: a leg departs from a city other than where the participant then is.
 * One pass per participant over an already sorted list: O(n) after the sort.
 */
import type { Place } from '../../model';
import { shortestTripMs } from '../../geo';
import {
  capitalize,
  cityName,
  dateTimeAt,
  duration,
  km,
  label,
  listNames,
  personName,
  placeName,
  timeAfter,
  when,
} from '../describe';
import { build, conflictId, severityOf, type Built, type Party } from '../make';
import { legNoun, type Node, type PlanIndex } from '../nodes';
import type { RuleId } from '../types';
import type { ConflictRule } from './rule';

/**
 * Where a participant is, as the walk goes. One object per participant, updated in place
 * (most items only move `item` and `until` on); a conflict keeps a copy (`{ ...stay }`).
 */
interface Stay {
  city: string;
  place: Place;
  /** The item that fixed the place last (the one that ends latest there). */
  item: Node;
  /** The leg that brought the participant to this city, if any. */
  arrival: Node | null;
  until: number;
  /** Known only from an all-day item that has ended: they may have left at its start. */
  fromAllDay: boolean;
}

/** `stay` (or a new object, when null) set to these values. */
function setStay(
  stay: Stay | null,
  city: string,
  place: Place,
  item: Node,
  arrival: Node | null,
  until: number,
  fromAllDay: boolean,
): Stay {
  if (!stay) return { city, place, item, arrival, until, fromAllDay };
  stay.city = city;
  stay.place = place;
  stay.item = item;
  stay.arrival = arrival;
  stay.until = until;
  stay.fromAllDay = fromAllDay;
  return stay;
}

interface DayStay {
  readonly city: string;
  readonly place: Place;
  readonly item: Node;
  readonly end: number;
}

interface Pending {
  rule: RuleId;
  parties: Node[];
  people: string[];
  atMs: number;
  marginMs: number;
  margin: string;
  explain: (who: string, verb: string) => string;
}

export interface TimelineOptions {
  rules: ReadonlySet<RuleId>;
}

export function timelineRules(index: PlanIndex, options: TimelineOptions): Built[] {
  const { settings } = index;
  const bufferMs = settings.bufferMinutes * 60_000;
  const horizonMs = settings.locationHorizonHours * 3_600_000;
  const doTransit = options.rules.has('transit');
  const doContinuity = options.rules.has('continuity');
  type Trip = { ms: number; km: number; mode: string };
  const trips = new Map<Place, Map<Place, Trip>>();
  const trip = (a: Place, b: Place) => {
    let from = trips.get(a);
    if (!from) trips.set(a, (from = new Map()));
    let t = from.get(b);
    if (!t) {
      t = shortestTripMs(a, b, settings.speedsKmh, settings.groundMinutes);
      from.set(b, t);
    }
    return t;
  };
  const pending = new Map<string, Pending>();
  const add = (p: Omit<Pending, 'people'>, person: string) => {
    const id = conflictId(p.rule, p.parties);
    const seen = pending.get(id);
    if (seen) {
      if (!seen.people.includes(person)) seen.people.push(person);
    } else pending.set(id, { ...p, people: [person] });
  };

  for (const [person, list] of index.timelines) {
    let cur: Stay | null = null;
    // The participant's one Stay object, kept while `cur` is null.
    let spare: Stay | null = null;
    let day: DayStay | null = null;
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!;
      if (x.type === 'event' && x.city === undefined) continue;
      if (day && x.start >= day.end) {
        if (!cur || cur.item.start < day.item.start) {
          cur = setStay(cur ?? spare, day.city, day.place, day.item, null, day.end, true);
        }
        day = null;
      }
      const fresh: boolean =
        cur !== null &&
        ((cur.item.visitId !== undefined && cur.item.visitId === x.visitId) || x.start - cur.until <= horizonMs);
      const c: Stay | null = fresh ? cur : null;

      if (x.type === 'event') {
        const city = x.city!;
        const place = x.place!;
        if (x.allDay) {
          if (day && day.city === city) {
            if (x.end > day.end) day = { city, place, item: x, end: x.end };
            continue;
          }
          if (doTransit && c && c.city !== city && (c.fromAllDay || c.until <= x.start)) {
            const depart = c.fromAllDay ? c.item.start : c.until;
            const t = trip(c.place, place);
            if (depart + t.ms > x.end) {
              const short = depart + t.ms - x.end;
              const was = { ...c };
              add(
                {
                  rule: 'transit',
                  parties: [was.item, x],
                  atMs: x.start,
                  marginMs: short,
                  margin: `short by ${duration(short)}`,
                  explain: (who) =>
                    `${capitalize(leaving(index, was))}; ${label(x)} is in ${cityName(index, place)} (${when(x)}). The shortest plausible trip (${km(t.km)} by ${t.mode}) takes ${duration(t.ms)}, so ${who} cannot get there before its last day ends.`,
                },
                person,
              );
            }
          }
          day = { city, place, item: x, end: x.end };
          continue;
        }
        // A timed event.
        if (doTransit && c) {
          if (c.city !== city) {
            if (c.fromAllDay || c.until <= x.start) {
              const depart = c.fromAllDay ? c.item.start : c.until;
              const gap = x.start - depart;
              const t = trip(c.place, place);
              if (gap < t.ms) {
                const short = t.ms - gap;
                const was = { ...c };
                add(
                  {
                    rule: 'transit',
                    parties: [was.item, x],
                    atMs: x.start,
                    marginMs: short,
                    margin: `short by ${duration(short)}`,
                    explain: (who) =>
                      `${capitalize(leaving(index, was))}, and ${label(x)} starts at ${placeName(place)} at ${timeAfter(x.start, x.zone, depart, was.item.type === 'leg' ? was.item.toZone : was.item.zone)}: ${duration(Math.max(0, gap))} later. With no leg planned from ${cityName(index, was.place)} to ${cityName(index, place)}, the shortest plausible trip (${km(t.km)} by ${t.mode}) takes ${duration(t.ms)}; ${who} would be short by ${duration(short)}.`,
                  },
                  person,
                );
              }
            }
          } else if (c.arrival !== null && c.item === c.arrival) {
            const leg = c.arrival;
            const gap = x.start - leg.end;
            const need = leg.toPlace && leg.toPlace.id === place.id ? 0 : bufferMs;
            if (gap >= 0 && gap < need) {
              const short = need - gap;
              add(
                {
                  rule: 'transit',
                  parties: [leg, x],
                  atMs: x.start,
                  marginMs: short,
                  margin: `short by ${duration(short)}`,
                  explain: () =>
                    `The ${legNoun(leg.mode!)} arrives at ${placeName(leg.toPlace)} at ${dateTimeAt(leg.end, leg.toZone)}, only ${duration(gap)} before ${label(x)} starts at ${placeName(place)} at ${timeAfter(x.start, x.zone, leg.end, leg.toZone)}; at least ${duration(need)} is needed between them.`,
                },
                person,
              );
            }
          }
        }
        if (c && c.city === city && !c.fromAllDay) {
          if (x.end >= c.until) {
            cur = setStay(c, city, place, x, c.arrival, x.end, false);
          }
        } else {
          cur = setStay(cur ?? spare, city, place, x, null, x.end, false);
        }
        continue;
      }

      // A leg.
      if (x.city !== undefined && x.place) {
        const from = x.place;
        const known: string[] = [];
        if (c) known.push(c.city);
        if (day) known.push(day.city);
        if (doContinuity && known.length > 0 && !known.includes(x.city) && !(c && !c.fromAllDay && x.start < c.until)) {
          const day0 = day;
          const was = c ? { ...c } : null;
          const base = was ?? {
            city: day0!.city,
            place: day0!.place,
            item: day0!.item,
            arrival: null,
            until: day0!.item.start,
            fromAllDay: true,
          };
          const depart = base.fromAllDay ? base.item.start : base.until;
          const gap = x.start - depart;
          const t = trip(base.place, from);
          const short = Math.max(0, t.ms - gap);
          const parties: Node[] = [];
          if (c?.arrival) parties.push(c.arrival);
          if (c) parties.push(c.item);
          if (day0 && day0.city !== x.city) parties.push(day0.item);
          parties.push(x);
          const uniq = [...new Set(parties)];
          add(
            {
              rule: 'continuity',
              parties: uniq,
              atMs: x.start,
              marginMs: short,
              margin: short > 0 ? `short by ${duration(short)}` : `${km(t.km)} away, no leg planned`,
              explain: (who, verb) => {
                const where = cityName(index, base.place);
                const facts: string[] = [];
                if (was?.arrival)
                  facts.push(
                    `the ${legNoun(was.arrival.mode!)} arrives in ${placeName(was.arrival.toPlace)} at ${dateTimeAt(was.arrival.end, was.arrival.toZone)}`,
                  );
                if (was && was.item !== was.arrival)
                  facts.push(
                    was.fromAllDay
                      ? `${label(was.item)} is in ${where} (${when(was.item)})`
                      : `${label(was.item)} ends in ${cityName(index, was.place)} at ${was.arrival ? timeAfter(was.item.end, was.item.zone, was.arrival.end, was.arrival.toZone) : dateTimeAt(was.item.end, was.item.zone)}`,
                  );
                if (day0 && day0.city !== x.city)
                  facts.push(`${label(day0.item)} is in ${cityName(index, day0.place)} (${when(day0.item)})`);
                const refMs = was ? (was.fromAllDay ? was.item.end : was.until) : day0!.item.start;
                const refZone = was ? (was.item.type === 'leg' ? was.item.toZone : was.item.zone) : day0!.item.zone;
                const then =
                  known.length > 1
                    ? `in ${cityName(index, was!.place)} or ${cityName(index, day0!.place)}`
                    : `in ${where}`;
                const shortText =
                  short > 0
                    ? ` The quickest trip from ${where} takes ${duration(t.ms)} (${km(t.km)} by ${t.mode}).`
                    : '';
                return `${capitalize(facts.join(' and '))}, but the ${legNoun(x.mode!)} to ${cityName(index, x.toPlace)} leaves ${placeName(from)} at ${timeAfter(x.start, x.zone, refMs, refZone)}: ${who} ${verb} then ${then}, with no leg planned to ${cityName(index, from)}.${shortText}`;
              },
            },
            person,
          );
        } else if (doTransit && c && c.city === x.city && c.item.type === 'event' && !c.item.allDay && !c.fromAllDay) {
          const ev = c.item;
          const until = c.until;
          const gap = x.start - until;
          const need = ev.place && ev.place.id === from.id ? 0 : bufferMs;
          if (gap >= 0 && gap < need) {
            const short = need - gap;
            add(
              {
                rule: 'transit',
                parties: [ev, x],
                atMs: x.start,
                marginMs: short,
                margin: `short by ${duration(short)}`,
                explain: () =>
                  `${capitalize(label(ev))} ends at ${placeName(ev.place)} at ${dateTimeAt(until, ev.zone)}, only ${duration(gap)} before the ${legNoun(x.mode!)} leaves ${placeName(from)} at ${timeAfter(x.start, x.zone, until, ev.zone)}; at least ${duration(need)} is needed between them.`,
              },
              person,
            );
          }
        }
      }
      if (x.toCity !== undefined && x.toPlace) {
        cur = setStay(cur ?? spare, x.toCity, x.toPlace, x, x, x.end, false);
      } else {
        if (cur) spare = cur;
        cur = null;
      }
      if (day && day.city !== x.toCity) day = null;
    }
  }

  const built: Built[] = [];
  for (const p of pending.values()) {
    const people = p.people.sort();
    built.push(
      build({
        rule: p.rule,
        severity: severityOf(p.parties.map((x) => x.status)),
        parties: p.parties as Party[],
        participantIds: people,
        atMs: p.atMs,
        marginMs: p.marginMs,
        margin: p.margin,
        explain: () =>
          p.explain(listNames(people.map((id) => personName(index, id))), people.length > 1 ? 'are' : 'is'),
      }),
    );
  }
  return built;
}

/** "the flight arrives in Busan at 21:10 KST" / "“Talks” ends in Beijing at 12:30 CST (China)". */
function leaving(index: PlanIndex, c: Stay): string {
  if (c.item.type === 'leg') {
    return `the ${legNoun(c.item.mode!)} arrives at ${placeName(c.item.toPlace)} at ${dateTimeAt(c.item.end, c.item.toZone)}`;
  }
  if (c.fromAllDay) return `${label(c.item)} is in ${cityName(index, c.place)} (${when(c.item)})`;
  return `${label(c.item)} ends in ${cityName(index, c.place)} at ${dateTimeAt(c.until, c.item.zone)}`;
}

/** One walk of the timelines per index gives both rules' conflicts; each rule takes its own. */
const walked = new WeakMap<PlanIndex, Built[]>();
const BOTH: ReadonlySet<RuleId> = new Set<RuleId>(['transit', 'continuity']);

function timelineRule(id: 'transit' | 'continuity'): ConflictRule {
  return {
    id,
    run: (index) => {
      let all = walked.get(index);
      if (!all) {
        all = timelineRules(index, { rules: BOTH });
        walked.set(index, all);
      }
      return { built: all.filter((c) => c.rule === id), capped: false };
    },
  };
}

export const transit = timelineRule('transit');
export const continuity = timelineRule('continuity');
