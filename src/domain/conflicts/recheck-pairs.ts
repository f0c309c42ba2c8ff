/**
 * The incremental recheck of the pair rules (double booking, overlap, local hours, blackout),
 * after `keptOf` in ./recheck.ts kept the old conflicts of unchanged items: the conflicts of the
 * changed items found over the items around them in time, and the capped rules kept as they were
 * (`isAfter`) or run whole.
 */
import type { Analysis } from './engine';
import { keysOf } from './keys';
import { RULE_RANK, type Built } from './make';
import { firstNotBelow, longestSpan, timelinesOf, type Node, type PlanIndex } from './nodes';
import type { PlanDiff } from './recompile';
import { overlapTotalAfter } from './rules/overlap';
import { RULE_REGISTRY } from './rules/registry';
import type { CapStop, RuleResult } from './rules/rule';
import type { RuleId } from './types';

export const LOCAL: ReadonlySet<RuleId> = new Set<RuleId>(['double-booking', 'overlap', 'local-hours', 'blackout']);
export const CAPPED: ReadonlySet<RuleId> = new Set<RuleId>(['double-booking', 'overlap', 'blackout']);

/** What an edit touched, as the rules' rechecks need it. */
export interface Edit {
  diff: PlanDiff;
  /** The added items in force. */
  changed: ReadonlySet<Node>;
  /** Participants with a commitment removed or added (transit, continuity walk them again). */
  people: ReadonlySet<string>;
  /** Visits with an item removed or added (window checks them again). */
  visits: ReadonlySet<string>;
  /** True when the conflict names one of the removed items. */
  involvesRemoved: (c: Built) => boolean;
  /** The removed items marked by `n` (their place in the previous compile). */
  gone: Uint8Array;
}

/**
 * What a recheck has so far: which of the previous conflicts it keeps (by position in
 * `prev.conflicts`, so they stay in order) and the conflicts it made.
 */
export interface Outcome {
  keep: Uint8Array;
  fresh: Built[];
}

/** The capped pair rules as the recheck found them: kept as they were (`still`) or run whole (`whole`), and the kept counts. */
export interface PairState {
  still: ReadonlySet<RuleId>;
  whole: Set<RuleId>;
  counts: Uint32Array;
}

/**
 * Double booking, overlap, local hours, blackout, after `keptOf` kept the old conflicts of
 * unchanged items: the conflicts of the changed items added. A capped rule kept as it was
 * (`still`) gets its total again; one that stopped at its cap and cannot be kept, or that would
 * reach it now, is run again over the whole index (added to `whole`; none of its old conflicts
 * kept). Returns the capped rules (kept or run whole), with their results.
 */
export function pairRules(
  prev: Analysis,
  index: PlanIndex,
  edit: Edit,
  on: ReadonlySet<RuleId>,
  { still, whole, counts }: PairState,
  out: Outcome,
): Map<RuleId, RuleResult> {
  const cap = Math.max(0, index.settings.overlapPairCap);
  const { changed, diff } = edit;
  const wasWhole = new Set(whole);
  // The new conflicts of the changed items, by rule.
  const made = new Map<RuleId, Built[]>();
  if (changed.size > 0) {
    let sub: PlanIndex | undefined;
    for (const rule of RULE_REGISTRY) {
      if (!LOCAL.has(rule.id) || !on.has(rule.id) || whole.has(rule.id) || still.has(rule.id)) continue;
      // Local hours looks at each item alone; blackout needs a blackout in force.
      let over: PlanIndex;
      if (rule.id === 'local-hours') over = { ...index, nodes: [...changed] };
      else if (rule.id === 'blackout' && index.blackouts.length === 0) continue;
      else over = sub ??= around(index, changed);
      const r = rule.run(over);
      if (r.capped) {
        whole.add(rule.id);
        continue;
      }
      const mine: Built[] = [];
      for (const c of r.built) if (c.involvesAny(changed)) mine.push(c);
      made.set(rule.id, mine);
    }
  }
  for (const rule of CAPPED) {
    if (on.has(rule) && !still.has(rule) && counts[RULE_RANK[rule]]! + (made.get(rule)?.length ?? 0) >= cap) {
      whole.add(rule);
    }
  }
  // A rule run whole from here on keeps none of its old conflicts.
  const ruleOf = keysOf(prev.conflicts).rule;
  for (const rule of whole) {
    if (wasWhole.has(rule)) continue;
    const r = RULE_RANK[rule];
    for (let i = 0; i < ruleOf.length; i++) if (ruleOf[i] === r) out.keep[i] = 0;
  }
  const results = new Map<RuleId, RuleResult>();
  for (const rule of still) {
    const stop = prev.capStops[rule]!;
    if (rule !== 'overlap') results.set(rule, { built: [], capped: true, stop });
    else {
      // The same pairs listed; the total moves by the pairs of the items taken away and brought.
      const total = overlapTotalAfter(prev.overlapPairsTotal, index, diff.removed, diff.added);
      results.set(rule, { built: [], capped: total > counts[RULE_RANK.overlap]!, total, stop });
    }
  }
  for (const rule of RULE_REGISTRY) {
    if (!LOCAL.has(rule.id) || !on.has(rule.id)) continue;
    if (whole.has(rule.id)) {
      const r = rule.run(index);
      results.set(rule.id, r);
      for (const c of r.built) out.fresh.push(c);
    } else for (const c of made.get(rule.id) ?? []) out.fresh.push(c);
  }
  return results;
}

/** True when no item the edit took away or brought can change the list of a rule that stopped at `stop` (see `CapStop`). */
export function isAfter(stop: CapStop, diff: PlanDiff): boolean {
  const { at, person, first } = stop;
  let after: (x: Node) => boolean;
  if (person === undefined || first === undefined) after = (x) => x.start > at;
  else {
    const swept = new Set(stop.swept);
    after = (x) => {
      if (!x.commitment) return true;
      if (x.participants.some((p) => swept.has(p))) return false;
      return x.start > (x.participants.includes(person) ? at : first);
    };
  }
  for (const x of diff.removed) if (!after(x)) return false;
  return diff.added.every(after);
}

/** The items in force that share an instant with one of `changed` (themselves included), as an index. */
function around(index: PlanIndex, changed: ReadonlySet<Node>): PlanIndex {
  const { order, starts, ends, all } = index;
  const span = longestSpan(starts, ends);
  const picked = new Set<number>();
  for (const x of changed) {
    for (let k = firstNotBelow(starts, x.start - span); k < order.length && starts[k]! < x.end; k++)
      if (ends[k]! > x.start) picked.add(k);
  }
  const ks = Uint32Array.from(picked).sort();
  const subOrder = new Uint32Array(ks.length);
  const subStarts = new Float64Array(ks.length);
  const subEnds = new Float64Array(ks.length);
  for (let i = 0; i < ks.length; i++) {
    subOrder[i] = order[ks[i]!]!;
    subStarts[i] = starts[ks[i]!]!;
    subEnds[i] = ends[ks[i]!]!;
  }
  return {
    ...index,
    nodes: Array.from(subOrder, (n) => all[n]!),
    order: subOrder,
    starts: subStarts,
    ends: subEnds,
    timelines: timelinesOf(all, subOrder),
  };
}
