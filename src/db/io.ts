/**
 * Import and export transactions. Files are read, decrypted and validated (src/domain/files/restore.ts)
 * before anything here runs; each import is then one Dexie transaction over every plan table, so
 * a failure at any record leaves the database exactly as it was. Nothing but Dexie is awaited
 * inside a transaction, and no BulkError is caught there.
 */
import { buildBackup, encodeBackup, type Acceptance, type BackupScope } from '../domain/files';
import { TABLE_NAMES, type EntityOf, type PlanId, type TableName } from '../domain/model';
import { decideAcceptance, decideRecord, countAction, emptySummary, type MergeSummary } from '../domain/files';
import type { Plan } from '../domain/model';
import { findDanglingReferences, restoreBackup, type Restored } from '../domain/files';
import type { HistoryEntry } from '../domain/model';
import { commandTables, runCommand, type Command } from './commands';
import type { BackupRow, SummitryDb } from './schema';
import { intoOpenPlan } from './import-into-plan';
import { inPlan, openPlanId, planName as nameOfPlan } from './open-plan';

export type ImportMode = 'replace' | 'merge';

/** Automatic backups kept; older ones are deleted when a new one is made. */
export const MAX_AUTOMATIC_BACKUPS = 10;

export interface PlanSnapshot {
  plan: Plan;
  planName: string;
  acceptances: Acceptance[];
}

const planTables = (db: SummitryDb) => TABLE_NAMES.map((n) => db.table(n));

async function readSnapshot(db: SummitryDb): Promise<PlanSnapshot> {
  // All reads are requested at once: one wait for IndexedDB instead of one per table.
  const planId = await openPlanId(db);
  const mine = inPlan(planId);
  const [tables, accepted, planName] = await Promise.all([
    Promise.all(TABLE_NAMES.map((name) => db.table(name).toArray())),
    db.acceptances.toArray(),
    nameOfPlan(db, planId),
  ]);
  const plan = Object.fromEntries(
    TABLE_NAMES.map((name, i) => [name, (tables[i] as { planId?: string }[]).filter(mine)]),
  ) as unknown as Plan;
  const acceptances = accepted.filter(mine).map((a) => ({
    id: a.id,
    note: a.note,
    acceptedAt: a.acceptedAt,
    itemsFingerprint: a.itemsFingerprint,
  }));
  return { plan, planName, acceptances };
}

/** The whole plan, its name and accepted conflicts, read in one transaction. */
export function loadSnapshot(db: SummitryDb): Promise<PlanSnapshot> {
  return db.transaction('r', [...planTables(db), db.acceptances, db.meta, db.plans], () => readSnapshot(db));
}

/** A JSON backup of the plan (or one visit of it), as text. */
export async function exportBackup(
  db: SummitryDb,
  scope: BackupScope,
  options: { appVersion: string; now: string },
): Promise<string> {
  const snapshot = await loadSnapshot(db);
  return encodeBackup(buildBackup({ ...snapshot, scope, appVersion: options.appVersion, exportedAt: options.now }));
}

export interface ImportPreview {
  mode: ImportMode;
  /** Merge: what will be added, updated, left unchanged and kept. Replace: everything is added. */
  summary: MergeSummary;
  /** Replace: how many records the plan holds now (all of them are replaced). */
  replacedCount: number;
  /** References to items neither in the file nor in the plan. */
  dangling: string[];
}

/** Why a mode cannot be used for this file, or undefined if it can. */
export function modeRefusal(restored: Restored, mode: ImportMode): string | undefined {
  if (mode === 'merge') return undefined;
  if (restored.source !== 'backup') return 'A calendar file is merged into the plan; it cannot replace it.';
  if (restored.scope?.kind === 'visit')
    return 'A backup of one visit is merged into the plan; it cannot replace the whole plan.';
  if (restored.scope?.kind === 'partial')
    return 'This backup holds only some records, not a whole plan: it is merged into the plan.';
  return undefined;
}

interface Decided {
  summary: MergeSummary;
  writes: Partial<Record<TableName, unknown[]>>;
  acceptances: Acceptance[];
}

/** Inside a transaction: the plan's copies of the records in `incoming` that it has, by id. */
async function readShared<T extends TableName>(
  db: SummitryDb,
  name: T,
  incoming: readonly EntityOf<T>[],
): Promise<Map<string, EntityOf<T>>> {
  const present = new Set((await db.table(name).toCollection().primaryKeys()) as string[]);
  const shared = incoming.filter((r) => present.has(r.id as string)).map((r) => r.id as string);
  if (shared.length === 0) return new Map();
  const found = (await db.table(name).bulkGet(shared)) as (EntityOf<T> | undefined)[];
  const byId = new Map<string, EntityOf<T>>();
  found.forEach((r, i) => r && byId.set(shared[i]!, r));
  return byId;
}

/** Records decided between two turns of the page. */
const DECIDE_SLICE = 5_000;
/**
 * Any key (what the read finds is not used): awaiting a read in the transaction gives the page a
 * turn and keeps the transaction open, where awaiting anything else would let it commit.
 */
const PAUSE_KEY = '\uffff pause';

/** Inside a transaction: read the records the file names and decide each one. */
async function decideMerge(db: SummitryDb, restored: Restored): Promise<Decided> {
  const summary = emptySummary();
  const writes: Partial<Record<TableName, unknown[]>> = {};
  const names = TABLE_NAMES.filter((name) => restored.plan[name].length > 0);
  // Every table is read at once (one wait for IndexedDB, not one per table), and only the records
  // the plan has: a key scan is far cheaper than thousands of misses.
  const [stored, existingAcceptances] = await Promise.all([
    Promise.all(names.map((name) => readShared(db, name, restored.plan[name] as EntityOf<typeof name>[]))),
    restored.acceptances.length ? db.acceptances.bulkGet(restored.acceptances.map((a) => a.id)) : [],
  ]);
  for (let t = 0; t < names.length; t++) {
    const name = names[t]!;
    const incoming = restored.plan[name] as EntityOf<typeof name>[];
    const byId = stored[t]!;
    const fields = restored.fields?.[name];
    const out: unknown[] = [];
    for (let i = 0; i < incoming.length; i++) {
      // A file of 50,000 records takes this loop 50 ms or more, longer with a collection in it:
      // the page gets a turn every few thousand (a read in this transaction keeps it open).
      if (i > 0 && i % DECIDE_SLICE === 0) await db.table(name).get(PAUSE_KEY);
      const record = incoming[i]!;
      const existing = byId.get(record.id);
      const decision = decideRecord(name, existing, record, fields?.get(record.id));
      countAction(summary, name, decision.action);
      // The write path numbers the revision on from the stored one's.
      if (decision.record) out.push(decision.record);
    }
    writes[name] = out;
  }
  const acceptances: Acceptance[] = [];
  if (restored.acceptances.length) {
    restored.acceptances.forEach((a, i) => {
      const decision = decideAcceptance(existingAcceptances[i], a);
      countAction(summary, 'acceptances', decision.action);
      if (decision.record) acceptances.push(decision.record);
    });
  }
  return { summary, writes, acceptances };
}

function replaceSummary(restored: Restored): MergeSummary {
  const summary = emptySummary();
  for (const name of TABLE_NAMES)
    for (let i = 0; i < restored.plan[name].length; i++) countAction(summary, name, 'add');
  for (let i = 0; i < restored.acceptances.length; i++) countAction(summary, 'acceptances', 'add');
  return summary;
}

/** What an import would do, without writing anything. */
export async function previewImport(db: SummitryDb, original: Restored, mode: ImportMode): Promise<ImportPreview> {
  const refusal = modeRefusal(original, mode);
  if (refusal) throw new Error(refusal);
  return db.transaction('r', [...planTables(db), db.acceptances, db.meta, db.plans], async () => {
    const open = await intoOpenPlan(db, original);
    const restored = open.restored;
    const mine = inPlan(open.planId);
    let replacedCount = 0;
    const known: Partial<Record<TableName, string[]>> = {};
    let summary: MergeSummary;
    if (mode === 'replace') {
      for (const name of TABLE_NAMES) replacedCount += await db.table(name).filter(mine).count();
      summary = replaceSummary(restored);
    } else {
      for (const name of ['places', 'participants', 'visits', 'windows'] as const)
        known[name] = ((await db.table(name).filter(mine).toArray()) as { id: string }[]).map((r) => r.id);
      summary = (await decideMerge(db, restored)).summary;
    }
    return { mode, summary, replacedCount, dangling: findDanglingReferences(restored.plan, known) };
  });
}

export interface ApplyOptions {
  /** UTC ISO instant: the automatic backup's time. */
  now: string;
  appVersion: string;
  /** Why the automatic backup was made ("Before importing plan.json"). */
  reason: string;
  /** Called after each chunk is written, with records written and the total. */
  onProgress?: (written: number, total: number) => void;
  /** Records per write request (default 2,500). */
  chunkSize?: number;
  /** The file's name, for History's label ("Imported 'x.ics': 12 items added, 3 replaced"). */
  fileName?: string;
  /** History's label, instead of the one made from the file's name. */
  label?: string;
}

export interface ImportResult {
  mode: ImportMode;
  summary: MergeSummary;
  /** Replace: the id of the automatic backup of the plan as it was. */
  backupId?: string;
  /** The History entry (undefined when the import changed nothing); its Undo returns the plan to before. */
  entry?: HistoryEntry;
}

const items = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'item' : 'items'}`;

/** History's label for an import, in plain words. */
export function importLabel(mode: ImportMode, summary: MergeSummary, fileName = 'a file'): string {
  const t = summary.total;
  const name = `'${fileName}'`;
  if (mode === 'replace') return `Replaced the plan with ${name}: ${items(t.add)}`;
  const parts = [`${items(t.add)} added`];
  if (t.update) parts.push(`${t.update.toLocaleString('en')} replaced`);
  return `Imported ${name}: ${parts.join(', ')}`;
}

/**
 * The command an import is: every record the file brings (validated by the restore path, so not
 * parsed again; keeping the time each was edited) and, for a replace, every record of the plan
 * the file does not hold, deleted. Its History entry is compact (see `Command.compact`): the
 * records replaced or deleted in full, since Undo writes them back, and only the id and revision
 * of each record written, which is in its table anyway.
 */
function importCommand(
  writes: Partial<Record<TableName, unknown[]>>,
  acceptances: readonly Acceptance[],
  label: string,
): Command {
  return {
    label,
    kind: 'import',
    put: { ...writes, acceptances },
    validated: true,
    keepUpdatedAt: true,
    compact: true,
  };
}

/** The open plan's `plans` row with the file's name (made if the database has none yet). */
async function renamedPlanRow(db: SummitryDb, planId: PlanId, name: string | undefined, now: string) {
  const row = (await db.plans.get(planId)) ?? { id: planId, name: '', createdAt: now };
  return [{ ...row, name: (name ?? '').trim().slice(0, 300) || 'Imported plan' }];
}

/** For a replace: the ids in the plan now that the file does not hold (they are deleted). */
function leftOut(snapshot: PlanSnapshot, restored: Restored): Partial<Record<TableName | 'acceptances', string[]>> {
  const out: Partial<Record<TableName | 'acceptances', string[]>> = {};
  const gone = (now: readonly { id: string }[], kept: readonly { id: string }[]) => {
    const keep = new Set(kept.map((r) => r.id));
    return now.map((r) => r.id).filter((id) => !keep.has(id));
  };
  for (const name of TABLE_NAMES)
    out[name] = gone(snapshot.plan[name] as { id: string }[], restored.plan[name] as { id: string }[]);
  out.acceptances = gone(snapshot.acceptances, restored.acceptances);
  return out;
}

/**
 * Write a validated import as one command (src/db/commands.ts), in one transaction with its
 * History entry. Replace: the plan as it was is saved first as an automatic backup, then every
 * record the file holds is written and every other record of the plan deleted (tombstoned).
 * Merge: each record is decided again against the plan as it is now (see
 * src/domain/files/merge.ts). Any failure rejects and leaves every table, including the backups
 * and History, as it was. Undo of the entry returns the plan exactly to before.
 */
export async function applyImport(
  db: SummitryDb,
  original: Restored,
  mode: ImportMode,
  options: ApplyOptions,
): Promise<ImportResult> {
  const refusal = modeRefusal(original, mode);
  if (refusal) throw new Error(refusal);
  const run = { clock: () => options.now, onProgress: options.onProgress, chunkSize: options.chunkSize };
  return db.transaction('rw', [...commandTables(db), db.backups], async () => {
    // The file goes into the open plan (only): ids another plan uses are renamed first.
    const { restored, planId } = await intoOpenPlan(db, original);
    if (mode === 'replace') {
      const snapshot = await readSnapshot(db);
      const backupId = await saveAutomaticBackup(db, snapshot, options);
      const summary = replaceSummary(restored);
      const base = importCommand(
        restored.plan,
        restored.acceptances,
        options.label ?? importLabel(mode, summary, options.fileName),
      );
      const command: Command = {
        ...base,
        // The open plan takes the file's name (its `plans` row, so Undo brings the old name back).
        put: { ...base.put, plans: await renamedPlanRow(db, planId, restored.planName, options.now) },
        remove: leftOut(snapshot, restored),
      };
      const { entry } = await runCommand(db, command, run);
      return { mode, summary, backupId, entry };
    }
    const decided = await decideMerge(db, restored);
    const label = options.label ?? importLabel(mode, decided.summary, options.fileName);
    const { entry } = await runCommand(db, importCommand(decided.writes, decided.acceptances, label), run);
    return { mode, summary: decided.summary, entry };
  });
}

/** Inside a rw transaction: store the plan as it is now as an automatic backup; keep the newest few. */
async function saveAutomaticBackup(db: SummitryDb, snapshot: PlanSnapshot, options: ApplyOptions): Promise<string> {
  const data = encodeBackup(
    buildBackup({ ...snapshot, appVersion: options.appVersion, exportedAt: options.now, canonical: false }),
  );
  let id = `auto-${options.now}`;
  for (let n = 2; await db.backups.get(id); n++) id = `auto-${options.now}-${n}`;
  await db.backups.add({ id, createdAt: options.now, reason: options.reason, data });
  const keys = (await db.backups.orderBy('createdAt').primaryKeys()) as string[];
  if (keys.length > MAX_AUTOMATIC_BACKUPS)
    await db.backups.bulkDelete(keys.slice(0, keys.length - MAX_AUTOMATIC_BACKUPS));
  return id;
}

export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: string;
  planName?: string;
  /** Size of the stored JSON, in characters. */
  size: number;
}

/** The automatic backups, newest first (without their data). */
export async function listBackups(db: SummitryDb): Promise<BackupInfo[]> {
  const rows = await db.backups.orderBy('createdAt').reverse().toArray();
  return rows.map((r: BackupRow) => {
    const name = /"planName":\s*"((?:[^"\\]|\\.){0,300})"/.exec(r.data.slice(0, 4000))?.[1];
    let planName: string | undefined;
    try {
      planName = name !== undefined ? (JSON.parse(`"${name}"`) as string) : undefined;
    } catch {
      planName = undefined;
    }
    return { id: r.id, createdAt: r.createdAt, reason: r.reason, planName, size: r.data.length };
  });
}

/** The stored JSON of one automatic backup, or undefined. */
export async function readBackupData(db: SummitryDb, id: string): Promise<string | undefined> {
  return (await db.backups.get(id))?.data;
}

/**
 * Replace the plan with an automatic backup: the stored JSON goes through `restoreBackup` like
 * any file, and the plan it replaces is itself saved first as a new automatic backup.
 */
export async function restoreAutomaticBackup(
  db: SummitryDb,
  id: string,
  options: Omit<ApplyOptions, 'reason'>,
): Promise<{ ok: true; result: ImportResult } | { ok: false; errors: string[] }> {
  const data = await readBackupData(db, id);
  if (data === undefined) return { ok: false, errors: ['That automatic backup no longer exists.'] };
  const restored = restoreBackup(data);
  if (!restored.ok) return restored;
  const created = (await db.backups.get(id))?.createdAt ?? id;
  const result = await applyImport(db, restored.restored, 'replace', {
    ...options,
    reason: `Before restoring the automatic backup of ${created}`,
    label: `Restored the automatic backup of ${created}`,
  });
  return { ok: true, result };
}

export function deleteBackup(db: SummitryDb, id: string): Promise<void> {
  return db.backups.delete(id);
}
