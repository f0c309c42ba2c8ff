/**
 * Blackout: an event (not a note or holiday) overlapping a blackout window that applies to one of
 * its participants (a blackout with no participants applies to everyone). Legs are travel and
 * are not checked; an all-day event and a blackout are compared by their local dates. A binary search per blackout over the time-sorted items: O(B log n + scanned).
 */
import { describe, duration, listNames, personName, spanAt } from '../describe';
import { build, severityOfPair, type Built, type ConflictRecord } from '../make';
import { firstNotBelow, type Node, type PlanIndex } from '../nodes';
import type { PairRuleResult } from './double-booking';
import type { ConflictRule } from './rule';
import { onDifferentDays } from '../all-day';

export function blackoutRule(index: PlanIndex): PairRuleResult {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const built: Built[] = [];
  const { all, order, starts, longestEventMs } = index;
  for (const b of index.blackouts) {
    // The events overlapping [start, end) start in [start − longest event, end).
    for (let i = firstNotBelow(starts, b.start - longestEventMs); i < order.length; i++) {
      const e = all[order[i]!]!;
      if (e.start >= b.end) break;
      if (e.type !== 'event' || !e.commitment || e.participants.length === 0 || e.end <= b.start) continue;
      if (onDifferentDays(e, b)) continue;
      const people =
        b.participants.length === 0 ? [...e.participants] : e.participants.filter((p) => b.participants.includes(p));
      if (people.length === 0) continue;
      if (built.length >= cap) return { built, capped: true };
      built.push(blackout(index, e, b, people.sort()));
    }
  }
  return { built, capped: false };
}

function blackout(index: PlanIndex, e: Node, b: Node, people: string[]): Built {
  const start = Math.max(e.start, b.start);
  return build({
    rule: 'blackout',
    severity: severityOfPair(e.status, b.status),
    parties: [e, b],
    participantIds: people,
    atMs: start,
    marginMs: Math.min(e.end, b.end) - start,
    margin: insideBlackout,
    explain: explainBlackout,
    context: index,
  });
}

/** "2 h inside the blackout". */
function insideBlackout(ms: number): string {
  return `${duration(ms)} inside the blackout`;
}

function explainBlackout(index: PlanIndex, c: ConflictRecord): string {
  const e = c.partyAt(0) as Node;
  const b = c.partyAt(1) as Node;
  const who = listNames(c.participantIds.map((p) => personName(index, p)));
  const local = e.allDay || e.zone === b.zone ? '' : ` (${spanAt(e.start, e.end, b.zone)} in ${b.zone})`;
  return `${capital(describe(e))} falls on ${describe(b)}, a blackout for ${who}${local}: ${duration(c.marginMs)} of it is inside the blackout.`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const blackoutConflictRule: ConflictRule = { id: 'blackout', run: blackoutRule };
