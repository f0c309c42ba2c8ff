/**
 * Building conflicts: stable ids, severities from statuses, `onlyWith` from the optional items
 * involved, and explanations computed on first read (most are never read).
 */
import type { Status } from '../model';
import { toInstant } from '../time';
import { compareNodes, refOf, sortByKey, type Node } from './nodes';
import { RULES, SEVERITIES, type Conflict, type ItemRef, type RuleId, type Severity } from './types';

/** Anything a conflict can name: an engine node or a visit. */
export type Party = Node | VisitParty;

export interface VisitParty {
  type: 'visit';
  id: string;
  title: string;
  optional: false;
  status: Status;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Each rule's position in RULES (fewer than 8 rules: see `rank`). */
export const RULE_RANK = Object.fromEntries(RULES.map((r, i) => [r, i])) as Record<RuleId, number>;

function partyRef(p: Party): ItemRef {
  return p.type === 'visit' ? { type: 'visit', id: p.id, title: p.title } : refOf(p);
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

/** `severityOf` for two statuses, without a list. */
export function severityOfPair(a: Status, b: Status): Severity {
  return FIRM.has(a) && FIRM.has(b) ? 'error' : 'warning';
}

/**
 * The stable id of a conflict: `rule:` and the `type:id` of its defining items, sorted, joined
 * by `|` — the same for the same clash across runs, edits of other items and scenarios.
 */
export function conflictId(rule: RuleId, refs: readonly { type: string; id: string }[]): string {
  if (refs.length === 1) return `${rule}:${refs[0]!.type}:${refs[0]!.id}`;
  if (refs.length === 2) {
    const a = `${refs[0]!.type}:${refs[0]!.id}`;
    const b = `${refs[1]!.type}:${refs[1]!.id}`;
    return a < b ? `${rule}:${a}|${b}` : `${rule}:${b}|${a}`;
  }
  const keys = refs.map((r) => `${r.type}:${r.id}`);
  keys.sort();
  return `${rule}:${keys.join('|')}`;
}

export interface ConflictInput {
  rule: RuleId;
  severity: Severity;
  /** Items named by the conflict, in reading order (repeats are dropped); one item as itself. */
  parties: Party | readonly Party[];
  /** Items whose ids make the conflict's id (default: all parties). */
  keyParties?: Party | readonly Party[];
  /**
   * Owned by the conflict from here on. Left out: every participant of the parties, sorted,
   * listed when first read.
   */
  participantIds?: string[];
  atMs: number;
  marginMs: number;
  /** The margin in words, or a function of `marginMs` that gives them (called on first read). */
  margin: string | ((marginMs: number) => string);
  /** Called (once) when the explanation is first read, with `context` and the conflict. */
  explain: (context: never, conflict: ConflictRecord) => string;
  context?: unknown;
}

/**
 * A conflict as the engine returns it. Plain data fields: atMs, marginMs and rank. Everything
 * else is a getter: `rule` and `severity` read from the rank, `at` written from atMs; `id`,
 * `margin`, `items`, `onlyWith`, `explanation` and (when the rule left them to it)
 * `participantIds` computed on first read and then kept (a large plan has many conflicts and a
 * view reads few). Getters are not own properties: copy a conflict with `toPlainConflict` (or
 * JSON), not with `{ ...conflict }` or `structuredClone`.
 */
export class ConflictRecord implements Conflict {
  /** `at` in epoch ms. */
  readonly atMs: number;
  readonly marginMs: number;
  /** Severity (errors first) and rule as one small integer: the engine's order after time. */
  readonly rank: number;
  #participantIds: string[] | undefined;
  #id: string | undefined;
  #parties: Party | readonly Party[];
  /** Undefined: the same as `#parties`. */
  #keyParties: Party | readonly Party[] | undefined;
  #margin: string | ((marginMs: number) => string);
  /** The explanation once read; before, the function that writes it. */
  #text: string | ((context: unknown, conflict: ConflictRecord) => string);
  #context: unknown;
  #refs: { items: ItemRef[]; onlyWith: ItemRef[] } | undefined;

  constructor(input: ConflictInput) {
    this.atMs = input.atMs;
    this.marginMs = input.marginMs;
    this.rank = SEVERITY_RANK[input.severity] * 8 + RULE_RANK[input.rule];
    this.#participantIds = input.participantIds;
    this.#parties = input.parties;
    this.#keyParties = input.keyParties;
    this.#margin = input.margin;
    this.#text = input.explain as (context: unknown, conflict: ConflictRecord) => string;
    this.#context = input.context;
  }

  get rule(): RuleId {
    return RULES[this.rank & 7]!;
  }

  get severity(): Severity {
    return SEVERITIES[this.rank >> 3]!;
  }

  /** The rule's position in RULES. */
  get ruleIndex(): number {
    return this.rank & 7;
  }

  get participantIds(): string[] {
    if (this.#participantIds === undefined) {
      const people: string[] = [];
      for (const p of listOf(this.#parties)) {
        if (p.type === 'visit') continue;
        for (const id of p.participants) if (!people.includes(id)) people.push(id);
      }
      this.#participantIds = people.length > 1 ? people.sort() : people;
    }
    return this.#participantIds;
  }

  /** The `i`-th item this conflict names, in reading order (for the rules' explanations). */
  partyAt(i: number): Party {
    const mine = this.#parties;
    return isList(mine) ? mine[i]! : mine;
  }

  get id(): string {
    if (this.#id === undefined) this.#id = conflictId(this.rule, listOf(this.#keyParties ?? this.#parties));
    return this.#id;
  }

  /**
   * The order of two conflicts of one rule at one instant: by their key items, in the order the
   * rule gives them, each item by `compareNodes` (start, end, type, id), a visit before any
   * item and visits by id; then fewer items first. Conflicts of different rules go by id.
   * Depends only on what the items are, not on how a compile numbered them, so a recheck's list
   * and a full run's agree.
   */
  compareItems(other: ConflictRecord): number {
    if ((this.rank & 7) !== (other.rank & 7)) {
      const ia = this.id;
      const ib = other.id;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    }
    const xs = this.#keyParties ?? this.#parties;
    const ys = other.#keyParties ?? other.#parties;
    if (!isList(xs) && !isList(ys)) return compareParties(xs, ys);
    const a = listOf(xs);
    const b = listOf(ys);
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) {
      const order = compareParties(a[i]!, b[i]!);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }

  get margin(): string {
    if (typeof this.#margin !== 'string') this.#margin = this.#margin(this.marginMs);
    return this.#margin;
  }

  get at(): string {
    return toInstant(this.atMs);
  }

  /** True when one of the items (or visits) behind this conflict is in `parties` (by identity). */
  involvesAny(parties: ReadonlySet<object>): boolean {
    const mine = this.#parties;
    if (!isList(mine)) return parties.has(mine);
    for (const p of mine) if (parties.has(p)) return true;
    return false;
  }

  /**
   * The `n` of this conflict's items, written at `i` of `a` and `b` (-1: no second item), or -2
   * in `a` when they are not one or two engine nodes (a visit, or more than two items).
   */
  writeNumbers(a: Int32Array, b: Int32Array, i: number): void {
    const list = listOf(this.#parties);
    const x = list[0];
    const y = list[1];
    if (list.length > 2 || !x || x.type === 'visit' || (y && y.type === 'visit')) {
      a[i] = -2;
      b[i] = -2;
    } else {
      a[i] = x.n;
      b[i] = y ? y.n : -1;
    }
  }

  /** The visit this conflict is about (a visit outside its window), if any. */
  get aboutVisit(): string | undefined {
    const mine = this.#parties;
    if (!isList(mine)) return mine.type === 'visit' ? mine.id : undefined;
    for (const p of mine) if (p.type === 'visit') return p.id;
    return undefined;
  }

  get items(): ItemRef[] {
    return (this.#refs ??= this.#makeRefs()).items;
  }

  get onlyWith(): ItemRef[] {
    return (this.#refs ??= this.#makeRefs()).onlyWith;
  }

  get explanation(): string {
    if (typeof this.#text !== 'string') {
      this.#text = this.#text(this.#context, this);
      this.#context = undefined;
    }
    return this.#text;
  }

  #makeRefs(): { items: ItemRef[]; onlyWith: ItemRef[] } {
    const items: ItemRef[] = [];
    const onlyWith: ItemRef[] = [];
    const parties = listOf(this.#parties);
    for (let i = 0; i < parties.length; i++) {
      const p = parties[i]!;
      let repeated = false;
      for (let j = 0; j < i; j++) if (parties[j]!.type === p.type && parties[j]!.id === p.id) repeated = true;
      if (repeated) continue;
      const ref = partyRef(p);
      items.push(ref);
      if (p.optional) onlyWith.push(ref);
    }
    return { items, onlyWith };
  }

  toJSON(): Conflict {
    return toPlainConflict(this);
  }
}

/** A conflict as a plain object with every field an own property (for cloning, storing, posting). */
export function toPlainConflict(c: Conflict): Conflict {
  return {
    id: c.id,
    rule: c.rule,
    severity: c.severity,
    items: c.items.map((r) => ({ ...r })),
    participantIds: [...c.participantIds],
    at: c.at,
    marginMs: c.marginMs,
    margin: c.margin,
    explanation: c.explanation,
    onlyWith: c.onlyWith.map((r) => ({ ...r })),
  };
}

/** The parties as a list (one party stored as itself is not yet in one). */
function listOf(parties: Party | readonly Party[]): readonly Party[] {
  return isList(parties) ? parties : [parties];
}

/** Items in time order (`compareNodes`); visits before items, and by id. */
function compareParties(x: Party, y: Party): number {
  if (x === y) return 0;
  if (x.type === 'visit' || y.type === 'visit') {
    if (x.type !== y.type) return x.type === 'visit' ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  }
  return compareNodes(x, y);
}

function isList(parties: Party | readonly Party[]): parties is readonly Party[] {
  return Array.isArray(parties);
}

export function build(input: ConflictInput): ConflictRecord {
  return new ConflictRecord(input);
}

/** Kept for the rules' signatures: a built conflict. */
export type Built = ConflictRecord;

/** Deterministic order: time, then severity (errors first), then rule, then items (`compareItems`). */
export function sortBuilt(list: ConflictRecord[]): ConflictRecord[] {
  // Each rule lists its conflicts mostly in time order: with few out of order, a merge sort
  // that takes in ordered runs (the engine's own sort) compares about n log(runs) times.
  let descents = 0;
  for (let i = 1; i < list.length; i++) if (compareBuilt(list[i - 1]!, list[i]!) > 0) descents++;
  if (descents * 4 < list.length) {
    list.sort(compareBuilt);
    return list;
  }
  // Else one integer key for (time, severity, rule), radix-sorted; ties go by items.
  const keys = new Float64Array(list.length);
  let integral = true;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    keys[i] = c.atMs * 32 + c.rank;
    if (!Number.isSafeInteger(keys[i]!)) integral = false;
  }
  if (!integral) {
    list.sort(compareBuilt);
    return list;
  }
  const order = sortByKey(keys, (a, b) => byItems(list[a]!, list[b]!));
  const sorted = new Array<ConflictRecord>(list.length);
  for (let k = 0; k < order.length; k++) sorted[k] = list[order[k]!]!;
  for (let k = 0; k < sorted.length; k++) list[k] = sorted[k]!;
  return list;
}

function byItems(a: ConflictRecord, b: ConflictRecord): number {
  return a.compareItems(b);
}

/** The order `sortBuilt` gives: negative when `a` comes first, positive when `b` does. */
export function compareBuilt(a: ConflictRecord, b: ConflictRecord): number {
  return a.atMs - b.atMs || a.rank - b.rank || byItems(a, b);
}
