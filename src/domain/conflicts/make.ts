/**
 * Building conflicts: stable ids, severities from statuses, `onlyWith` from the optional items
 * involved, and explanations computed on first read (most are never read).
 */
import type { Status } from '../model';
import { toInstant } from '../time';
import { RULES, SEVERITIES, type Conflict, type ItemRef, type RuleId, type Severity } from './types';

/** Anything a conflict can name: an engine node or a visit. */
export interface Party {
  ref: ItemRef;
  optional: boolean;
  status: Status;
}

const FIRM: ReadonlySet<Status> = new Set<Status>(['confirmed', 'held']);

/**
 * Severity of a clash among items of these statuses: `error` when every one is confirmed or
 * held, `warning` as soon as one is speculative, proposed or tentative.
 */
export function severityOf(statuses: readonly Status[]): Severity {
  for (const s of statuses) if (!FIRM.has(s)) return 'warning';
  return 'error';
}

/**
 * The stable id of a conflict: `rule:` and the `type:id` of its defining items, sorted, joined
 * by `|` — the same for the same clash across runs, edits of other items and scenarios.
 */
export function conflictId(rule: RuleId, refs: readonly ItemRef[]): string {
  const keys = refs.map((r) => `${r.type}:${r.id}`);
  keys.sort();
  return `${rule}:${keys.join('|')}`;
}

export interface ConflictInput {
  rule: RuleId;
  severity: Severity;
  /** Items named by the conflict, in reading order. */
  parties: readonly Party[];
  /** Items whose ids make the conflict's id (default: all parties). */
  keyParties?: readonly Party[];
  participantIds: readonly string[];
  atMs: number;
  marginMs: number;
  margin: string;
  explain: () => string;
}

/** Internal carrier: the conflict plus its numeric sort key. */
export interface Built {
  conflict: Conflict;
  atMs: number;
}

export function build(input: ConflictInput): Built {
  const items: ItemRef[] = [];
  const onlyWith: ItemRef[] = [];
  const seen = new Set<string>();
  for (const p of input.parties) {
    const key = `${p.ref.type}:${p.ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(p.ref);
    if (p.optional) onlyWith.push(p.ref);
  }
  let text: string | undefined;
  const explain = input.explain;
  const conflict: Conflict = {
    id: conflictId(input.rule, (input.keyParties ?? input.parties).map((p) => p.ref)),
    rule: input.rule,
    severity: input.severity,
    items,
    participantIds: [...input.participantIds],
    at: toInstant(input.atMs),
    marginMs: input.marginMs,
    margin: input.margin,
    get explanation(): string {
      if (text === undefined) text = explain();
      return text;
    },
    onlyWith,
  };
  return { conflict, atMs: input.atMs };
}

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));
const RULE_RANK = new Map<RuleId, number>(RULES.map((r, i) => [r, i]));

/** Deterministic order: time, then severity (errors first), then rule, then id. */
export function sortBuilt(list: Built[]): Conflict[] {
  list.sort(
    (a, b) =>
      a.atMs - b.atMs ||
      SEVERITY_RANK.get(a.conflict.severity)! - SEVERITY_RANK.get(b.conflict.severity)! ||
      RULE_RANK.get(a.conflict.rule)! - RULE_RANK.get(b.conflict.rule)! ||
      (a.conflict.id < b.conflict.id ? -1 : a.conflict.id > b.conflict.id ? 1 : 0),
  );
  return list.map((b) => b.conflict);
}
