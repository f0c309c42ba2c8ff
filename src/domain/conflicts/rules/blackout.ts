/**
 * Blackout: an event (not a note or holiday) overlapping a blackout window that applies to one of
 * its participants (a blackout with no participants applies to everyone). Legs are travel and
 * are not checked. A binary search per blackout over the time-sorted events.
 */
import { describe, duration, listNames, personName, spanAt } from '../describe';
import { build, severityOf, type Built } from '../make';
import type { Node, PlanIndex } from '../nodes';
import type { PairRuleResult } from './double-booking';

export function blackoutRule(index: PlanIndex): PairRuleResult {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const built: Built[] = [];
  const blackouts: Node[] = [];
  for (const x of index.nodes) if (x.blackout) blackouts.push(x);
  if (blackouts.length === 0) return { built, capped: false };
  // Events in start order, with the longest event's length: the events overlapping [s, e) start
  // in [s − longest, e), found by binary search. O(n + B log n + scanned).
  const events: Node[] = [];
  let longest = 0;
  for (let k = 0; k < index.order.length; k++) {
    const x = index.nodes[index.order[k]!]!;
    if (x.type !== 'event' || !x.commitment || x.participants.length === 0) continue;
    events.push(x);
    if (x.end - x.start > longest) longest = x.end - x.start;
  }
  for (const b of blackouts) {
    let lo = 0;
    let hi = events.length;
    const from = b.start - longest;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (events[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < events.length && events[i]!.start < b.end; i++) {
      const e = events[i]!;
      if (e.end <= b.start) continue;
      const people = b.participants.length === 0 ? [...e.participants] : e.participants.filter((p) => b.participants.includes(p));
      if (people.length === 0) continue;
      if (built.length >= cap) return { built, capped: true };
      built.push(blackout(index, e, b, people.sort()));
    }
  }
  return { built, capped: false };
}

function blackout(index: PlanIndex, e: Node, b: Node, people: string[]): Built {
  const start = Math.max(e.start, b.start);
  const end = Math.min(e.end, b.end);
  const inside = end - start;
  return build({
    rule: 'blackout',
    severity: severityOf([e.status, b.status]),
    parties: [e, b],
    participantIds: people,
    atMs: start,
    marginMs: inside,
    margin: `${duration(inside)} inside the blackout`,
    explain: () => {
      const who = listNames(people.map((p) => personName(index, p)));
      const local = e.allDay || e.zone === b.zone ? '' : ` (${spanAt(e.start, e.end, b.zone)} in ${b.zone})`;
      return `${capital(describe(e))} falls on ${describe(b)}, a blackout for ${who}${local}: ${duration(inside)} of it is inside the blackout.`;
    },
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
