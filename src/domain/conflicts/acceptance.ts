/**
 * Accepted conflicts. An acceptance remembers the conflict's id and a fingerprint of its items'
 * revisions (their `updatedAt`, which every repository write stamps, and their `rev` counter). When any item changes, the
 * fingerprint no longer matches and the conflict is open again, with the old note kept for context.
 */
import type { Acceptance, Plan } from '../model';
import { itemRevision, revisionIndex } from '../model';
import type { Conflict, ItemRef } from './types';

export { ACCEPTANCE_NOTE_MAX, type Acceptance } from '../model';

type Revision = [type: ItemRef['type'], id: string, updatedAt: string | null];

/**
 * The items' revisions as one string: JSON of [type, id, revision] sorted by type and id
 * (`null` for an item no longer in the plan, "" for one never stamped). Independent of item order.
 */
export function itemsFingerprint(
  items: readonly Pick<ItemRef, 'type' | 'id'>[],
  plan: Plan | Map<string, string>,
): string {
  const revisions: Revision[] = items
    .map((i): Revision => [i.type, i.id, itemRevision(plan, i.type, i.id)])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  return JSON.stringify(revisions);
}

function parseFingerprint(fingerprint: string): Revision[] {
  try {
    const parsed: unknown = JSON.parse(fingerprint);
    return Array.isArray(parsed) ? (parsed.filter((r) => Array.isArray(r) && r.length === 3) as Revision[]) : [];
  } catch {
    return [];
  }
}

export type AcceptanceState = 'open' | 'accepted' | 'reopened';

export interface ConflictEntry {
  conflict: Conflict;
  /** open: never accepted; accepted: accepted and unchanged since; reopened: accepted, then an item changed. */
  state: AcceptanceState;
  acceptance?: Acceptance;
  /** For a reopened conflict: the items that changed since it was accepted. */
  changedItems: ItemRef[];
}

/** Each conflict with its acceptance state, in the order given. */
export function classifyConflicts(
  conflicts: readonly Conflict[],
  acceptances: readonly Acceptance[],
  plan: Plan,
): ConflictEntry[] {
  const byId = new Map(acceptances.map((a) => [a.id, a]));
  // A conflict's id is built on first use (strings of its items): only for rules someone accepted.
  const rules = new Set(acceptances.map((a) => a.id.slice(0, a.id.indexOf(':'))));
  const revisions = acceptances.length ? revisionIndex(plan) : new Map<string, string>();
  return conflicts.map((conflict): ConflictEntry => {
    const acceptance = rules.has(conflict.rule) ? byId.get(conflict.id) : undefined;
    if (!acceptance) return { conflict, state: 'open', changedItems: [] };
    const now = itemsFingerprint(conflict.items, revisions);
    if (now === acceptance.itemsFingerprint) return { conflict, state: 'accepted', acceptance, changedItems: [] };
    const then = new Map(parseFingerprint(acceptance.itemsFingerprint).map(([t, id, rev]) => [`${t}:${id}`, rev]));
    const changedItems = conflict.items.filter(
      (i) => then.get(`${i.type}:${i.id}`) !== itemRevision(revisions, i.type, i.id),
    );
    return {
      conflict,
      state: 'reopened',
      acceptance,
      changedItems: changedItems.length ? changedItems : [...conflict.items],
    };
  });
}
