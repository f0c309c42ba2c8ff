/**
 * Blackout: an event (not a note or holiday) overlapping a blackout window that applies to one of
 * its participants (a blackout with no participants applies to everyone). Legs are travel and
 * are not checked. One sweep over the time-sorted items: O(n log n + k).
 */
import { describe, duration, listNames, personName, spanAt } from '../describe';
import { build, severityOf, type Built } from '../make';
import type { Node, PlanIndex } from '../nodes';
import type { PairRuleResult } from './double-booking';

export function blackoutRule(index: PlanIndex): PairRuleResult {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const built: Built[] = [];
  const events: Node[] = [];
  const blackouts: Node[] = [];
  const emit = (e: Node, b: Node): boolean => {
    const people = b.participants.length === 0 ? [...e.participants] : e.participants.filter((p) => b.participants.includes(p));
    if (people.length === 0) return true;
    if (built.length >= cap) return false;
    built.push(blackout(index, e, b, people.sort()));
    return true;
  };
  for (let k = 0; k < index.order.length; k++) {
    const x = index.nodes[index.order[k]!]!;
    const isEvent = x.type === 'event' && x.commitment && x.participants.length > 0;
    if (!isEvent && !x.blackout) continue;
    prune(events, x.start);
    prune(blackouts, x.start);
    if (isEvent) {
      for (const b of blackouts) if (!emit(x, b)) return { built, capped: true };
      events.push(x);
    } else {
      for (const e of events) if (!emit(e, x)) return { built, capped: true };
      blackouts.push(x);
    }
  }
  return { built, capped: false };
}

function prune(active: Node[], start: number): void {
  let w = 0;
  for (let j = 0; j < active.length; j++) {
    const a = active[j]!;
    if (a.end > start) active[w++] = a;
  }
  active.length = w;
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
