/**
 * Undo and restore, as commands of their own (each enters History too). Undoing an entry writes
 * back every record's `before` (deleting what the entry created, restoring what it deleted), but
 * only when none of its records has changed since; otherwise it is refused with a plain reason
 * and nothing is written. Restoring a delete entry brings its deleted items back.
 */
import {
  entryChanges,
  WRITABLE_TABLES,
  type HistoryChange,
  type HistoryEntry,
  type WritableTable,
} from '../domain/model';
import { runCommand, type Command, type CommandResult, type RunOptions } from './commands';
import type { SummitryDb } from './schema';

/** An undo or restore that cannot be done; the message says why, for a person. */
export class UndoRefusedError extends Error {
  override readonly name = 'UndoRefusedError';
}

const quoted = (title: string) => `'${title}'`;

function isWritable(table: string): table is WritableTable {
  return (WRITABLE_TABLES as readonly string[]).includes(table);
}

async function current(db: SummitryDb, change: HistoryChange): Promise<Record<string, unknown> | undefined> {
  if (change.table === 'meta') return db.meta.get(change.id) as Promise<Record<string, unknown> | undefined>;
  return db.table(change.table).get(change.id) as Promise<Record<string, unknown> | undefined>;
}

/** What every change's record holds now, read a table at a time (an import's undo checks thousands). */
async function currentAll(db: SummitryDb, changes: readonly HistoryChange[]) {
  const ids = new Map<string, string[]>();
  for (const c of changes) if (c.table !== 'meta') (ids.get(c.table) ?? ids.set(c.table, []).get(c.table)!).push(c.id);
  const now = new Map<string, Record<string, unknown> | undefined>();
  await Promise.all(
    [...ids].map(async ([table, list]) => {
      const rows = (await db.table(table).bulkGet(list)) as (Record<string, unknown> | undefined)[];
      list.forEach((id, i) => now.set(`${table}/${id}`, rows[i]));
    }),
  );
  return (change: HistoryChange) =>
    change.table === 'meta' ? current(db, change) : Promise.resolve(now.get(`${change.table}/${change.id}`));
}

const changeOf = (entry: HistoryEntry | undefined, table: string, id: string) =>
  (entry ? entryChanges(entry) : []).find((c) => c.table === table && c.id === id);

/**
 * True when the record at revision `rev` holds what it held at revision `wanted`: the same
 * revision, or an undo wrote it back to that state (an undo writes a record's `before` under a
 * new revision, so undoing the latest entry and then the one before it works; recursively).
 */
async function sameState(db: SummitryDb, table: string, id: string, rev: number, wanted: number): Promise<boolean> {
  let entries: HistoryEntry[] | undefined;
  for (let guard = 0; guard < 100; guard++) {
    if (rev === wanted) return true;
    entries ??= await db.history.where('itemKeys').equals(`${table}/${id}`).toArray();
    const writer = entries.find((e) => e.undoes && changeOf(e, table, id)?.after?.rev === rev);
    if (!writer) return false;
    const undone = changeOf(await db.history.get(writer.undoes!), table, id);
    const back = undone?.before?.rev;
    if (typeof back !== 'number') return false;
    rev = back;
  }
  return false;
}

/** True when the record is still as the entry left it. */
async function unchangedSince(
  db: SummitryDb,
  change: HistoryChange,
  now: Record<string, unknown> | undefined,
): Promise<boolean> {
  if (change.after === null) return now === undefined;
  if (now === undefined) return false;
  if (change.table === 'meta') return JSON.stringify(now.value) === JSON.stringify(change.after.value);
  return sameState(
    db,
    change.table,
    change.id,
    (now.rev as number | undefined) ?? 0,
    (change.after.rev as number) ?? 0,
  );
}

async function entryOrRefuse(db: SummitryDb, entryId: string): Promise<HistoryEntry> {
  const entry = await db.history.get(entryId);
  if (!entry) throw new UndoRefusedError('This change is no longer in the history.');
  return entry;
}

async function refuseChanged(db: SummitryDb, entry: HistoryEntry, change: HistoryChange): Promise<never> {
  const undone = await db.history.filter((h) => h.undoes === entry.id).first();
  if (undone) throw new UndoRefusedError(`“${entry.label}” has already been undone. Nothing was changed.`);
  const what = change.title ? quoted(change.title) : 'An item it changed';
  throw new UndoRefusedError(
    `Cannot undo “${entry.label}”: ${what} has been changed since (by a later change or in another tab). Undo the later changes first, or edit it by hand. Nothing was changed.`,
  );
}

/**
 * The command that puts every record of `changes` back as it was before them. `revs`: each
 * record's revision now (`table/id`), checked again when the command writes.
 */
function inverseOf(changes: readonly HistoryChange[], label: string, revs: Record<string, number> = {}): Command {
  const put: Record<string, unknown[]> = {};
  const remove: Record<string, string[]> = {};
  const expect: Record<string, number> = {};
  const meta: Record<string, unknown> = {};
  for (const change of changes) {
    if (change.table === 'meta') {
      meta[change.id] = change.before ? change.before.value : undefined;
      continue;
    }
    if (!isWritable(change.table)) continue;
    const key = `${change.table}/${change.id}`;
    expect[key] = revs[key] ?? (change.after ? ((change.after.rev as number | undefined) ?? 0) : 0);
    if (change.before) (put[change.table] ??= []).push(change.before);
    else (remove[change.table] ??= []).push(change.id);
  }
  return { label, put, remove, expect, meta };
}

/** Undo one entry (the latest or an older one), if its records have not changed since. */
export function undoEntry(db: SummitryDb, entryId: string, options: RunOptions = {}): Promise<CommandResult> {
  return runCommand(
    db,
    async () => {
      const entry = await entryOrRefuse(db, entryId);
      const revs: Record<string, number> = {};
      const changes = entryChanges(entry);
      const read = await currentAll(db, changes);
      for (const change of changes) {
        const now = await read(change);
        if (!(await unchangedSince(db, change, now))) await refuseChanged(db, entry, change);
        if (now && change.table !== 'meta') revs[`${change.table}/${change.id}`] = (now.rev as number | undefined) ?? 0;
      }
      return {
        ...inverseOf(entryChanges(entry), `Undid: ${entry.label}`, revs),
        kind: 'undo',
        undoes: entry.id,
        ...(entry.planId ? { planId: entry.planId } : {}),
      };
    },
    options,
  );
}

/** The items an entry deleted (for "Restore"). */
export function deletedIn(entry: HistoryEntry): HistoryChange[] {
  return entryChanges(entry).filter((c) => c.before && !c.after && c.table !== 'meta');
}

/** Bring back the items an entry deleted, if they are still deleted. */
export function restoreDeleted(db: SummitryDb, entryId: string, options: RunOptions = {}): Promise<CommandResult> {
  return runCommand(
    db,
    async () => {
      const entry = await entryOrRefuse(db, entryId);
      const deleted = deletedIn(entry);
      if (deleted.length === 0)
        throw new UndoRefusedError('This change deleted nothing, so there is nothing to restore.');
      for (const change of deleted)
        if ((await current(db, change)) !== undefined)
          throw new UndoRefusedError(`${quoted(change.title)} is already in the plan. Nothing was changed.`);
      const label =
        deleted.length === 1 ? `Restored ${quoted(deleted[0]!.title)}` : `Restored ${deleted.length} deleted items`;
      return {
        ...inverseOf(deleted, label),
        kind: 'undo' as const,
        undoes: entry.id,
        ...(entry.planId ? { planId: entry.planId } : {}),
      };
    },
    options,
  );
}
