/**
 * What-if: how the conflicts change when optional items (or a saved scenario) are taken in.
 * Conflicts are matched by id (rule + item ids), so a conflict that only changes its margin or
 * severity is reported as changed, not as removed and added.
 */
import type { Plan, Scenario } from '../model';
import { formatLocalDate } from '../time';
import { legTitle } from '../model';
import { finderFor } from './find';
import type { FindOptions } from './types';
import { countBySeverity, describeCounts } from './severity';
import type { Conflict, ItemRef } from './types';

export interface ConflictDiff {
  /** In `after` only. */
  added: Conflict[];
  /** In `before` only. */
  removed: Conflict[];
  /** In both, with a different severity or margin. */
  changed: { before: Conflict; after: Conflict }[];
}

/** The conflicts `after` adds to, removes from and changes in `before`, matched by id; order follows the inputs. */
export function diffConflicts(before: readonly Conflict[], after: readonly Conflict[]): ConflictDiff {
  const beforeById = new Map(before.map((c) => [c.id, c]));
  const afterIds = new Set(after.map((c) => c.id));
  const added: Conflict[] = [];
  const changed: ConflictDiff['changed'] = [];
  for (const c of after) {
    const old = beforeById.get(c.id);
    if (!old) added.push(c);
    else if (old.severity !== c.severity || old.marginMs !== c.marginMs) changed.push({ before: old, after: c });
  }
  return { added, removed: before.filter((c) => !afterIds.has(c.id)), changed };
}

/** True when the diff has nothing in it. */
export function isEmptyDiff(diff: ConflictDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** "adds 1 error and 1 warning; removes 1 warning", or "changes no conflict". */
export function summarizeDiff(diff: ConflictDiff): string {
  const parts: string[] = [];
  if (diff.added.length) parts.push(`adds ${describeCounts(countBySeverity(diff.added))}`);
  if (diff.removed.length) parts.push(`removes ${describeCounts(countBySeverity(diff.removed))}`);
  if (diff.changed.length)
    parts.push(`changes ${diff.changed.length === 1 ? '1 conflict' : `${diff.changed.length} conflicts`}`);
  return parts.length ? parts.join('; ') : 'changes no conflict';
}

export interface OptionalItem {
  ref: ItemRef;
  /** "the Beijing South → Shanghai Hongqiao rail leg (Tue 28 Oct 2025)". */
  label: string;
}

/** The plan's optional events and legs, labelled for sentences, in date order. */
export function optionalItems(plan: Plan): OptionalItem[] {
  const zoneOf = (placeId: string) => plan.places.find((p) => p.id === placeId)?.timeZone ?? 'UTC';
  const items: (OptionalItem & { at: string })[] = [];
  for (const l of plan.legs) {
    if (!l.optional) continue;
    const title = legTitle(plan, l);
    items.push({
      ref: { type: 'leg', id: l.id, title },
      label: `the ${title} ${l.mode} leg (${formatLocalDate(l.departsAt, zoneOf(l.fromPlaceId))})`,
      at: l.departsAt,
    });
  }
  for (const e of plan.events) {
    if (!e.optional) continue;
    items.push({
      ref: { type: 'event', id: e.id, title: e.title },
      label: `the optional “${e.title}” (${formatLocalDate(e.startsAt, e.timeZone)})`,
      at: e.startsAt,
    });
  }
  items.sort((a, b) => a.at.localeCompare(b.at) || a.ref.id.localeCompare(b.ref.id));
  return items.map(({ ref, label }) => ({ ref, label }));
}

export type WhatIfCase =
  | { kind: 'item'; key: string; item: OptionalItem; conflicts: Conflict[]; diff: ConflictDiff; sentence: string }
  | { kind: 'all'; key: string; conflicts: Conflict[]; diff: ConflictDiff; sentence: string }
  | { kind: 'scenario'; key: string; scenario: Scenario; conflicts: Conflict[]; diff: ConflictDiff; sentence: string };

export interface WhatIfResult {
  /** The plan without any optional item. */
  base: Conflict[];
  cases: WhatIfCase[];
}

export type ConflictFinder = (plan: Plan, options: FindOptions) => Conflict[];

/**
 * The base plan (no optional items) against: each optional item alone, all optional items
 * together, and each saved scenario. Runs the engine 2 + items + scenarios times.
 */
export function computeWhatIf(plan: Plan, find: ConflictFinder = finderFor(plan)): WhatIfResult {
  const base = find(plan, { includeOptional: false });
  const cases: WhatIfCase[] = [];
  const sentenceFor = (subject: string, diff: ConflictDiff) => `${subject} ${summarizeDiff(diff)}.`;
  const items = optionalItems(plan);
  for (const item of items) {
    const conflicts = find(plan, { includeOptional: [item.ref.id] });
    const diff = diffConflicts(base, conflicts);
    cases.push({
      kind: 'item',
      key: `item:${item.ref.id}`,
      item,
      conflicts,
      diff,
      sentence: sentenceFor(`Including ${item.label}`, diff),
    });
  }
  if (items.length > 1) {
    const conflicts = find(plan, { includeOptional: true });
    const diff = diffConflicts(base, conflicts);
    cases.push({
      kind: 'all',
      key: 'all',
      conflicts,
      diff,
      sentence: sentenceFor(`Including all ${items.length} optional items`, diff),
    });
  }
  for (const scenario of plan.scenarios) {
    const conflicts = find(plan, { includeOptional: scenario.includeOptionalIds, scenario });
    const diff = diffConflicts(base, conflicts);
    cases.push({
      kind: 'scenario',
      key: `scenario:${scenario.id}`,
      scenario,
      conflicts,
      diff,
      sentence: sentenceFor(`The scenario “${scenario.name}”`, diff),
    });
  }
  return { base, cases };
}
