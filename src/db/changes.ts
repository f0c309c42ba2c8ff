/**
 * Undoable multi-table writes. A change set names rows to put and ids to remove in several
 * tables; `applyChanges` validates every row first, then writes them all in one transaction and
 * returns the inverse change set (what puts the rows back as they were), which the undo toast
 * applies the same way.
 */
import { parseEntity, type EntityOf, type TableName } from '../domain/model';
import { systemClock, type Clock } from './repositories';
import type { SummitryDb } from './schema';

export interface ChangeSet {
  put?: { [T in TableName]?: readonly unknown[] };
  remove?: { [T in TableName]?: readonly string[] };
}

/**
 * A validated row stamped for writing over `stored` (the row now in the table, if any): the
 * edit time and the next revision, as the repositories stamp them. Throws the validator's
 * `ValidationError`.
 */
export function stampRow<T extends TableName>(
  table: T,
  value: unknown,
  stored: { rev?: number } | undefined,
  now: string,
): EntityOf<T> {
  const parsed = parseEntity(table, value) as EntityOf<T> & { rev?: number };
  return { ...parsed, updatedAt: now, rev: Math.max(stored?.rev ?? 0, parsed.rev ?? 0) + 1 } as EntityOf<T>;
}

function tablesOf(changes: ChangeSet): TableName[] {
  return [...new Set([...Object.keys(changes.put ?? {}), ...Object.keys(changes.remove ?? {})])] as TableName[];
}

/** True when a change set changes nothing. */
export function isEmptyChange(changes: ChangeSet): boolean {
  return (
    Object.values(changes.put ?? {}).every((rows) => !rows || rows.length === 0) &&
    Object.values(changes.remove ?? {}).every((ids) => !ids || ids.length === 0)
  );
}

/**
 * Write a change set atomically: every row is validated before anything is written, and either
 * every put and remove happens or none does. Returns the inverse change set.
 */
export async function applyChanges(db: SummitryDb, changes: ChangeSet, clock: Clock = systemClock): Promise<ChangeSet> {
  const now = clock();
  const puts = new Map<TableName, { id: string }[]>();
  for (const [table, rows] of Object.entries(changes.put ?? {}) as [TableName, readonly unknown[]][]) {
    puts.set(
      table,
      (rows ?? []).map((r) => parseEntity(table, r) as { id: string }),
    );
  }
  const tables = tablesOf(changes);
  return db.transaction(
    'rw',
    tables.map((t) => db.table(t)),
    async () => {
      const inverse: Required<ChangeSet> = { put: {}, remove: {} };
      const restore = (table: TableName, rows: unknown[]) => {
        if (rows.length > 0) inverse.put[table] = [...(inverse.put[table] ?? []), ...rows];
      };
      const drop = (table: TableName, ids: string[]) => {
        if (ids.length > 0) inverse.remove[table] = [...(inverse.remove[table] ?? []), ...ids];
      };
      for (const table of tables) {
        const rows = puts.get(table) ?? [];
        const removeIds = [...(changes.remove?.[table] ?? [])];
        const before = await db.table(table).bulkGet([...rows.map((r) => r.id), ...removeIds]);
        const previous = before.slice(0, rows.length);
        restore(
          table,
          previous.filter((p) => p !== undefined),
        );
        drop(
          table,
          rows.filter((_, i) => previous[i] === undefined).map((r) => r.id),
        );
        restore(
          table,
          before.slice(rows.length).filter((p) => p !== undefined),
        );
        if (rows.length > 0)
          await db
            .table(table)
            .bulkPut(rows.map((r, i) => stampRow(table, r, previous[i] as { rev?: number } | undefined, now)));
        if (removeIds.length > 0) await db.table(table).bulkDelete(removeIds);
      }
      return inverse;
    },
  );
}
