/**
 * Double booking: two commitments (events that are not notes or holidays, and legs) sharing a
 * participant overlap. An all-day item only says the participant is in its city that day, so
 * with an all-day item involved it is a double booking only when both places are known and in
 * different cities (a meeting on the sidelines of an all-day summit is not; a leg to or from
 * the all-day item's city is the arrival or departure day). Two all-day items on different local
 * days never clash, whatever their zones; a visit's "visit day" block holds that visit's own
 * programme and legs, so they do not clash with it. Per-participant sweep: O(n log n + k).
 */
import { cityName, describe, duration, listNames, personName } from '../describe';
import { build, severityOfPair, type Built, type ConflictRecord } from '../make';
import { overlapsBy } from './overlap';
import { isVisitProgramme, onDifferentDays } from '../all-day';
import { compareNodes, legNoun, type Node, type PlanIndex } from '../nodes';
import type { CapStop, ConflictRule, RuleResult } from './rule';

/** True when overlapping commitments `a` and `b` of one participant can both be kept. */
export function isCompatible(a: Node, b: Node): boolean {
  if (isVisitProgramme(a, b)) return true;
  if (!a.allDay && !b.allDay) return false;
  if (onDifferentDays(a, b)) return true;
  const day = a.allDay ? a : b;
  const other = a.allDay ? b : a;
  if (day.city === undefined) return true;
  if (other.type === 'leg') {
    if (other.city === undefined || other.toCity === undefined) return true;
    return other.city === day.city || other.toCity === day.city;
  }
  if (other.city === undefined) return true;
  return other.city === day.city;
}

/** A pair rule's result (double booking, blackout). */
export type PairRuleResult = RuleResult;

export function doubleBookingRule(index: PlanIndex): PairRuleResult {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const width = index.all.length;
  const built: Built[] = [];
  // Pairs whose items both have several participants, by their numbers: the pair may be met again.
  const pairs = new Map<number, { a: Node; b: Node; people: string[] }>();
  let found = 0;
  let stop: CapStop | undefined;
  // The participants swept whole so far.
  const swept: string[] = [];
  // Each participant's commitments swept as in the overlap rule (see `sweepPairs`).
  const active: Node[] = [];
  outer: for (const [person, list] of index.timelines) {
    let live = 0;
    let latest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!;
      const s = x.start;
      if (s >= latest) live = 0;
      else {
        let w = 0;
        for (let j = 0; j < live; j++) {
          const a = active[j]!;
          if (a.end > s) active[w++] = a;
        }
        live = w;
        for (let j = 0; j < w; j++) {
          const a = active[j]!;
          if (isCompatible(a, x)) continue;
          // A pair is met once per participant the two share: once only when either has one.
          const once = a.participants.length === 1 || x.participants.length === 1;
          const key = once ? -1 : a.n < x.n ? a.n * width + x.n : x.n * width + a.n;
          const seen = once ? undefined : pairs.get(key);
          if (seen) seen.people.push(person);
          else {
            if (found >= cap) {
              stop = { at: s, swept, person, first: list[0]!.start };
              break outer;
            }
            found++;
            if (once) built.push(doubleBooking(index, a, x, [person]));
            else pairs.set(key, { a, b: x, people: [person] });
          }
        }
      }
      if (live === 0 || x.end > latest) latest = x.end;
      active[live++] = x;
    }
    swept.push(person);
  }
  for (const { a, b, people } of pairs.values()) built.push(doubleBooking(index, a, b, people));
  return stop ? { built, capped: true, stop } : { built, capped: false };
}

function doubleBooking(index: PlanIndex, a: Node, b: Node, people: string[]): Built {
  const ab = compareNodes(a, b) < 0;
  const start = ab ? b.start : a.start;
  people.sort();
  return build({
    rule: 'double-booking',
    severity: severityOfPair(a.status, b.status),
    parties: ab ? [a, b] : [b, a],
    participantIds: people,
    atMs: start,
    marginMs: Math.min(a.end, b.end) - start,
    margin: overlapsBy,
    explain: explainDoubleBooking,
    context: index,
  });
}

function explainDoubleBooking(index: PlanIndex, c: ConflictRecord): string {
  const first = c.partyAt(0) as Node;
  const second = c.partyAt(1) as Node;
  const people = c.participantIds;
  const who = listNames(people.map((p) => personName(index, p)));
  const verb = people.length > 1 ? 'are' : 'is';
  const why =
    first.allDay || second.allDay ? ` ${whereabouts(index, first)} and ${whereabouts(index, second)} at once` : '';
  return `${who} ${verb} double-booked${why}: ${describe(first)} and ${describe(second)} overlap by ${duration(c.marginMs)}.`;
}

function whereabouts(index: PlanIndex, node: Node): string {
  if (node.type === 'leg') return `on the ${legNoun(node.mode!)}`;
  return `in ${cityName(index, node.place)}`;
}

export const doubleBookingConflictRule: ConflictRule = { id: 'double-booking', run: doubleBookingRule };
