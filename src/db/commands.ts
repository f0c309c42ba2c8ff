/**
 * The one write path. Every change to the plan — an editor save, a drag, a route edit, a date
 * finder move, a scenario promotion, an acceptance, an import, a reset, an undo — is a command:
 * records to put and ids to delete across tables, with a label in plain words. `runCommand`
 * validates every record through the registry (src/domain/model/records), checks the revision
 * each edit was made from (saves and deletes alike: a stale one is refused with a
 * `StaleEditError`), stamps `rev`/`updatedAt`/`updatedBy`, turns deletes into tombstones, and
 * writes a history entry holding each record before and after — all in one transaction, so
 * either everything is written or nothing is. Undo is another command (see src/db/undo.ts).
 */
import {
  cleanDeep,
  cleanLine,
  cleanPlanName,
  parseRecord,
  recordTitle,
  tombstoneKey,
  WRITABLE_TABLES,
  type AddedColumns,
  type HistoryChange,
  type HistoryEntry,
  type HistoryKind,
  type PlanId,
  type RecordOf,
  type Tombstone,
  type WritableTable,
} from '../domain/model';
import { thisDevice, type Device } from './device';
import { StaleEditError } from './errors';
import { isPlanScoped, openPlanId } from './open-plan';
import { systemClock, type Clock } from './clock';
import type { MetaRow, SummitryDb } from './schema';

export interface Command {
  /** What the change did, in plain words: "Moved 'Busan meeting' to 30 Oct 11:00 KST". */
  label: string;
  kind?: HistoryKind;
  /** For an undo: the entry it undoes. */
  undoes?: string;
  put?: { [T in WritableTable]?: readonly unknown[] };
  remove?: { [T in WritableTable]?: readonly string[] };
  /**
   * The revision each edit was made from, by `table/id` (0: the record was not stored). A stored
   * revision that differs refuses the whole command with a `StaleEditError`; for a put and a
   * delete alike.
   */
  expect?: Readonly<Record<string, number>>;
  /** `meta` values to set (the plan's name, the seed marker); `undefined` removes the key. */
  meta?: Readonly<Record<string, unknown>>;
  /** The plan the history entry belongs to (default: the open plan). */
  planId?: string;
  /**
   * Every record was already validated through the same registry schemas (an import: the restore
   * path ran them on every record; a reset: the sample plan was validated), so they are not
   * parsed a second time. Only for records that come straight from those paths.
   */
  validated?: boolean;
  /** Records keep their own `updatedAt` (an import carries when each record was edited; merge compares it). */
  keepUpdatedAt?: boolean;
  /**
   * A compact history entry: each change keeps the record's full `before` (what Undo writes
   * back) but only the `id` and `rev` of its `after` (`brief`), since the record itself is in its
   * table. An import of 5,000 items would otherwise store every one of them twice.
   */
  compact?: boolean;
}

/** Builds the command inside the write transaction, from what is stored now (reads only). */
export type CommandBuilder = (db: SummitryDb) => Promise<Command>;

export interface RunOptions {
  clock?: Clock;
  device?: Device;
  /** Called after each chunk of records is written, with records written and the total. */
  onProgress?: (written: number, total: number) => void;
  /** Records per write request (default 2,500). */
  chunkSize?: number;
}

export interface CommandResult {
  /** The history entry written; `undefined` when the command changed nothing. */
  entry: HistoryEntry | undefined;
  /** What was stored, by table (stamped). */
  stored: { [T in WritableTable]?: RecordOf<T>[] };
}

/** The tables every command's transaction spans. */
export function commandTables(db: SummitryDb) {
  return [...WRITABLE_TABLES.map((t) => db.table(t)), db.meta, db.plans, db.history, db.tombstones];
}

type Parsed = { [T in WritableTable]?: { id: string; rev?: number }[] };

function parseCommand(command: Command): Parsed {
  const parsed: Parsed = {};
  for (const table of WRITABLE_TABLES) {
    const rows = command.put?.[table];
    if (!rows?.length) continue;
    parsed[table] = command.validated
      ? (rows as { id: string; rev?: number }[])
      : rows.map((r) => parseRecord(table, r) as { id: string; rev?: number });
    const seen = new Set<string>();
    for (const r of parsed[table]) {
      if (seen.has(r.id)) throw new RangeError(`A change may not write ${table}/${r.id} twice.`);
      seen.add(r.id);
    }
    const removing = new Set(command.remove?.[table] ?? []);
    const both = parsed[table].find((r) => removing.has(r.id));
    if (both) throw new RangeError(`A change may not both write and delete ${table}/${both.id}.`);
  }
  return parsed;
}

let sequence = 0;

function entryId(now: string): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  const random = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `h-${now}-${String(++sequence).padStart(6, '0')}-${random}`;
}

type Row = { id: string; rev?: number } & Record<string, unknown>;

function checkRevision(command: Command, table: WritableTable, id: string, stored: Row | undefined) {
  const expected = command.expect?.[tombstoneKey(table, id)];
  if (expected === undefined) return;
  if ((stored?.rev ?? 0) !== expected)
    throw new StaleEditError(table, id, expected, stored ? (stored.rev ?? 0) : null, stored);
}

interface Stamp {
  now: string;
  device: Device;
  progress: { written: number; total: number; onProgress?: RunOptions['onProgress']; chunkSize: number };
  /** The open plan: a record written without `planId` (and not stored yet) goes into it. */
  planId?: string;
}

/** The plan a written record belongs to: its own `planId`, else the stored one's, else the open plan. */
function planIdFor(table: WritableTable, row: Row, stored: Row | undefined, stamp: Stamp): { planId?: PlanId } {
  if (!isPlanScoped(table)) return {};
  const planId = (row.planId ?? stored?.planId ?? stamp.planId) as PlanId | undefined;
  return planId ? { planId } : {};
}

/** Above this many ids, what is stored is found by a key scan first (far cheaper than thousands of misses). */
const SCAN_ABOVE = 200;

/** Inside the transaction: the stored records and tombstones of `ids`, in order. */
async function readStored(db: SummitryDb, table: WritableTable, ids: readonly string[]) {
  if (ids.length <= SCAN_ABOVE)
    return Promise.all([
      db.table(table).bulkGet([...ids]) as Promise<(Row | undefined)[]>,
      db.tombstones.bulkGet(ids.map((id) => tombstoneKey(table, id))),
    ]);
  const [keys, graveKeys] = await Promise.all([
    db.table(table).toCollection().primaryKeys() as Promise<string[]>,
    db.tombstones.where(':id').startsWith(`${table}/`).primaryKeys(),
  ]);
  const present = new Set(keys);
  const buried = new Set(graveKeys);
  const storedIds = ids.filter((id) => present.has(id));
  const graveIds = ids.map((id) => tombstoneKey(table, id)).filter((k) => buried.has(k));
  const [rows, graves] = await Promise.all([
    storedIds.length ? (db.table(table).bulkGet(storedIds) as Promise<(Row | undefined)[]>) : [],
    graveIds.length ? db.tombstones.bulkGet(graveIds) : [],
  ]);
  const byId = new Map(storedIds.map((id, i) => [id, rows[i]]));
  const graveById = new Map(graveIds.map((k, i) => [k, graves[i]]));
  return [ids.map((id) => byId.get(id)), ids.map((id) => graveById.get(tombstoneKey(table, id)))] as const;
}

async function putChunked(db: SummitryDb, table: WritableTable, records: readonly Row[], stamp: Stamp) {
  const { progress } = stamp;
  for (let i = 0; i < records.length; i += progress.chunkSize) {
    const chunk = records.slice(i, i + progress.chunkSize);
    await db.table(table).bulkPut(chunk);
    progress.written += chunk.length;
    progress.onProgress?.(progress.written, progress.total);
  }
}

async function writeTable(
  db: SummitryDb,
  command: Command,
  table: WritableTable,
  rows: readonly { id: string; rev?: number }[],
  stamp: Stamp,
  changes: HistoryChange[],
  addedByTable: Record<string, AddedColumns>,
): Promise<Row[]> {
  const removeIds = [...new Set(command.remove?.[table] ?? [])];
  const ids = [...rows.map((r) => r.id), ...removeIds];
  const [stored, tombs] = await readStored(db, table, ids);
  ids.forEach((id, i) => checkRevision(command, table, id, stored[i]));
  const added: AddedColumns = { ids: [], titles: [], revs: [] };
  const records = rows.map((r, i) => {
    const rev = Math.max(stored[i]?.rev ?? 0, tombs[i]?.rev ?? 0, r.rev ?? 0) + 1;
    const own = r as { updatedAt?: string; updatedBy?: string };
    const record = {
      ...r,
      ...planIdFor(table, r as Row, stored[i], stamp),
      updatedAt: (command.keepUpdatedAt && own.updatedAt) || stamp.now,
      updatedBy: (command.keepUpdatedAt && own.updatedBy) || stamp.device.id,
      rev,
    } as Row;
    const title = recordTitle(record);
    const before = stored[i] ?? null;
    if (command.compact && !before) {
      added.ids.push(r.id);
      added.titles.push(title);
      added.revs.push(rev);
    } else
      changes.push(
        command.compact
          ? { table, id: r.id, title, before, after: { id: r.id, rev }, brief: true }
          : { table, id: r.id, title, before, after: record },
      );
    return record;
  });
  const graves: Tombstone[] = [];
  removeIds.forEach((id, j) => {
    const before = stored[rows.length + j];
    if (!before) return;
    changes.push({ table, id, title: recordTitle(before), before, after: null });
    graves.push({
      id: tombstoneKey(table, id),
      table,
      recordId: id,
      deletedAt: stamp.now,
      record: before,
      ...planIdFor(table, before, before, stamp),
      rev: (before.rev ?? 0) + 1,
      updatedAt: stamp.now,
      updatedBy: stamp.device.id,
    });
  });
  if (records.length) await putChunked(db, table, records, stamp);
  const revived = rows.filter((_r, i) => tombs[i]).map((r) => tombstoneKey(table, r.id));
  if (revived.length) await db.tombstones.bulkDelete(revived);
  if (graves.length) {
    await db.table(table).bulkDelete(graves.map((g) => g.recordId));
    await db.tombstones.bulkPut(graves);
  }
  if (added.ids.length) addedByTable[table] = added;
  return records;
}

async function writeMeta(db: SummitryDb, meta: Readonly<Record<string, unknown>>, changes: HistoryChange[]) {
  for (const [key, value] of Object.entries(meta)) {
    const before = (await db.meta.get(key)) ?? null;
    const after: MetaRow | null =
      value === undefined
        ? null
        : { key, value: key === 'planName' ? cleanPlanName(value, 'Untitled plan') : cleanDeep(value) };
    if (before === null && after === null) continue;
    if (after) await db.meta.put(after);
    else await db.meta.delete(key);
    changes.push({
      table: 'meta',
      id: key,
      title: key,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
  }
}

/**
 * The key every compact entry (an import, a reset) is indexed under, besides its changed
 * records: History finds those entries through it (they are few) when it filters by item.
 */
export const COMPACT_KEY = '*compact';

/**
 * The `table/id` keys an entry is indexed under (History filters by item through them). A
 * compact entry leaves out the records it only added: indexing 5,000 keys would cost more than
 * a fifth of a 5,000-item import's write time; it is found through `COMPACT_KEY` instead.
 */
function itemKeysOf(changes: readonly HistoryChange[], compact: boolean | undefined): string[] {
  const keys = new Set<string>();
  for (const c of changes) if (!compact || c.before) keys.add(tombstoneKey(c.table, c.id));
  if (compact) keys.add(COMPACT_KEY);
  return [...keys];
}

/**
 * The entry, validated through the registry like every stored record. A `validated` command's
 * entry is built here from records already validated and is not parsed again (for 5,000 records
 * that parse would cost more than the write).
 */
function historyEntry(command: Command, entry: HistoryEntry): HistoryEntry {
  return command.validated ? entry : parseRecord('history', entry);
}

/**
 * The plan whose records a change wrote, when they all belong to one: the entry belongs there
 * even if another plan is open (a shared plan's records arriving, say), so that plan's History
 * and its sync outbox see it.
 */
function planOfChanges(changes: readonly HistoryChange[]): string | undefined {
  let found: string | undefined;
  for (const c of changes) {
    const planId = (c.after ?? c.before)?.planId;
    if (typeof planId !== 'string') continue;
    if (found !== undefined && found !== planId) return undefined;
    found = planId;
  }
  return found;
}

async function execute(db: SummitryDb, command: Command, parsed: Parsed, stamp: Stamp): Promise<CommandResult> {
  const changes: HistoryChange[] = [];
  // A compact command's added records, in columns (see the history entry's `added`).
  const added: Record<string, AddedColumns> = {};
  const stored: CommandResult['stored'] = {};
  stamp.planId = await openPlanId(db);
  stamp.progress.total = WRITABLE_TABLES.reduce((n, t) => n + (parsed[t]?.length ?? 0), 0);
  for (const table of WRITABLE_TABLES) {
    const rows = parsed[table] ?? [];
    if (rows.length === 0 && !command.remove?.[table]?.length) continue;
    (stored as Record<string, Row[]>)[table] = await writeTable(db, command, table, rows, stamp, changes, added);
  }
  if (command.meta) await writeMeta(db, command.meta, changes);
  const anyAdded = Object.keys(added).length > 0;
  if (changes.length === 0 && !anyAdded) return { entry: undefined, stored };
  const planId = command.planId ?? planOfChanges(changes) ?? stamp.planId;
  const entry = historyEntry(command, {
    id: entryId(stamp.now),
    ...(planId ? { planId: planId as PlanId } : {}),
    at: stamp.now,
    deviceId: stamp.device.id,
    deviceName: cleanLine(stamp.device.name, 'This browser', 60),
    label: cleanLine(command.label, 'Changed the plan'),
    kind: command.kind ?? 'edit',
    ...(command.undoes ? { undoes: command.undoes } : {}),
    itemKeys: itemKeysOf(changes, command.compact),
    changes,
    ...(anyAdded ? { added } : {}),
  });
  await db.history.add(entry);
  stamp.progress.onProgress?.(stamp.progress.total, stamp.progress.total);
  return { entry, stored };
}

/**
 * Run one command: validate, check revisions, stamp, write every record, tombstone every
 * delete and write the history entry, in one transaction. An invalid record (`ValidationError`)
 * or a stale revision (`StaleEditError`) refuses the whole command and nothing is written.
 */
export async function runCommand(
  db: SummitryDb,
  command: Command | CommandBuilder,
  options: RunOptions = {},
): Promise<CommandResult> {
  const stamp: Stamp = {
    now: (options.clock ?? systemClock)(),
    device: options.device ?? thisDevice(),
    progress: { written: 0, total: 0, onProgress: options.onProgress, chunkSize: options.chunkSize ?? 2500 },
  };
  const ready = typeof command === 'function' ? null : { command, parsed: parseCommand(command) };
  return db.transaction('rw', commandTables(db), async () => {
    if (ready) return execute(db, ready.command, ready.parsed, stamp);
    const built = await (command as CommandBuilder)(db);
    return execute(db, built, parseCommand(built), stamp);
  });
}

/** The expected revision of each record, for `Command.expect`: `{ 'events/x': 3 }`. */
export function expectRevs(
  table: WritableTable,
  records: readonly ({ id: string; rev?: number } | undefined)[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) if (r) out[tombstoneKey(table, r.id)] = r.rev ?? 0;
  return out;
}
