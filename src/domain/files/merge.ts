/**
 * Merging an import into the plan, record by record, by stable id: a record not in the plan is
 * added; one in the plan is updated only if the file's copy was edited later (`updatedAt`) and
 * differs; otherwise the plan's copy is kept. Ties keep the plan's copy. Pure: the database code
 * reads the existing records and writes what this decides.
 */
import { TABLE_NAMES, validateEntity, type EntityOf, type TableName } from '../model';
import type { Acceptance } from './backup';

export type MergeAction = 'add' | 'update' | 'unchanged' | 'keep';

export interface MergeCounts {
  add: number;
  update: number;
  unchanged: number;
  /** In both, the plan's copy newer (or as new) and different: kept. */
  keep: number;
}

export type SummaryTable = TableName | 'acceptances';
export const SUMMARY_TABLES: readonly SummaryTable[] = [...TABLE_NAMES, 'acceptances'];

export interface MergeSummary {
  tables: Record<SummaryTable, MergeCounts>;
  total: MergeCounts;
}

export const emptyCounts = (): MergeCounts => ({ add: 0, update: 0, unchanged: 0, keep: 0 });

export function emptySummary(): MergeSummary {
  const tables = Object.fromEntries(SUMMARY_TABLES.map((t) => [t, emptyCounts()])) as Record<SummaryTable, MergeCounts>;
  return { tables, total: emptyCounts() };
}

export function countAction(summary: MergeSummary, table: SummaryTable, action: MergeAction): void {
  summary.tables[table][action] += 1;
  summary.total[action] += 1;
}

/** JSON with object keys sorted: equal values give equal text whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** A record without the database's stamps (`planId`, `updatedAt`, `rev`, `updatedBy`). */
function content(r: Record<string, unknown>): Record<string, unknown> {
  const { planId: _p, updatedAt: _u, rev: _r, updatedBy: _b, ...rest } = r;
  return rest;
}

/** Content equality ignores the stamps: which plan holds it, `updatedAt`, `rev` and `updatedBy`. */
function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return stableStringify(content(a)) === stableStringify(content(b));
}

export interface MergeDecision<T> {
  action: MergeAction;
  /** What to write for `add` and `update`. */
  record?: T;
}

/**
 * Decide one record. With `fields` (a calendar file), an update changes only those fields of
 * the plan's record and the result is validated again; without, the file's record replaces it.
 * Throws the validator's `ValidationError` if an overlaid record is invalid.
 */
export function decideRecord<T extends TableName>(
  table: T,
  existing: EntityOf<T> | undefined,
  incoming: EntityOf<T>,
  fields?: readonly string[],
): MergeDecision<EntityOf<T>> {
  if (!existing) return { action: 'add', record: incoming };
  let candidate = incoming;
  if (fields) {
    const merged: Record<string, unknown> = { ...(existing as Record<string, unknown>) };
    for (const f of fields) {
      const v = (incoming as Record<string, unknown>)[f];
      if (v === undefined) delete merged[f];
      else merged[f] = v;
    }
    const checked = validateEntity(table, merged);
    if (!checked.ok) throw checked.error;
    candidate = checked.value;
  }
  if (sameContent(candidate as Record<string, unknown>, existing as Record<string, unknown>))
    return { action: 'unchanged' };
  const newer = (incoming.updatedAt ?? '') > (existing.updatedAt ?? '');
  return newer ? { action: 'update', record: candidate } : { action: 'keep' };
}

/** Accepted conflicts merge the same way, `acceptedAt` standing for the last edit. */
export function decideAcceptance(existing: Acceptance | undefined, incoming: Acceptance): MergeDecision<Acceptance> {
  if (!existing) return { action: 'add', record: incoming };
  if (sameContent(existing, incoming)) return { action: 'unchanged' };
  return incoming.acceptedAt > existing.acceptedAt ? { action: 'update', record: incoming } : { action: 'keep' };
}
