/**
 * Import and export transactions. Files are read, decrypted and validated (src/domain/files/restore.ts)
 * before anything here runs; each import is then one Dexie transaction over every plan table, so
 * a failure at any record leaves the database exactly as it was. Nothing but Dexie is awaited
 * inside a transaction, and no BulkError is caught there.
 */
import { buildBackup, encodeBackup, type Acceptance, type BackupScope } from '../domain/files';
import {
  idSuffix,
  remapAcceptances,
  remapPlan,
  renamedId,
  TABLE_NAMES,
  type EntityOf,
  type PlanId,
  type TableName,
} from '../domain/model';
import { decideAcceptance, decideRecord, countAction, emptySummary, type MergeSummary } from '../domain/files';
import type { Plan } from '../domain/model';
import { findDanglingReferences, restoreBackup, type Restored } from '../domain/files';
import type { BackupRow, SummitryDb } from './schema';
import { inPlan, openPlanId, planName as nameOfPlan } from './open-plan';
import { namePlan } from './seed';

export type ImportMode = 'replace' | 'merge';

/** Automatic backups kept; older ones are deleted when a new one is made. */
export const MAX_AUTOMATIC_BACKUPS = 10;
const DEFAULT_CHUNK = 2500;

export interface PlanSnapshot {
  plan: Plan;
  planName: string;
  acceptances: Acceptance[];
}

const planTables = (db: SummitryDb) => TABLE_NAMES.map((n) => db.table(n));
const allTables = (db: SummitryDb) => [...planTables(db), db.acceptances, db.backups, db.meta, db.plans];

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

/** Inside a transaction: read the records the file names and decide each one. */
async function decideMerge(db: SummitryDb, restored: Restored, planId?: string): Promise<Decided> {
  const summary = emptySummary();
  const writes: Partial<Record<TableName, unknown[]>> = {};
  const names = TABLE_NAMES.filter((name) => restored.plan[name].length > 0);
  // Every table is read at once (one wait for IndexedDB, not one per table), and only the records
  // the plan has: a key scan is far cheaper than thousands of misses.
  const [stored, existingAcceptances] = await Promise.all([
    Promise.all(names.map((name) => readShared(db, name, restored.plan[name] as EntityOf<typeof name>[]))),
    restored.acceptances.length ? db.acceptances.bulkGet(restored.acceptances.map((a) => a.id)) : [],
  ]);
  names.forEach((name, t) => {
    const incoming = restored.plan[name] as EntityOf<typeof name>[];
    const byId = stored[t]!;
    const fields = restored.fields?.[name];
    const out: unknown[] = [];
    for (const record of incoming) {
      const existing = byId.get(record.id);
      const decision = decideRecord(name, existing, record, fields?.get(record.id));
      countAction(summary, name, decision.action);
      if (decision.record)
        out.push({ ...decision.record, ...(planId ? { planId } : {}), rev: (existing?.rev ?? 0) + 1 });
    }
    writes[name] = out;
  });
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

/**
 * Inside a transaction: the file as it goes into the open plan. Ids are unique across plans, so
 * a record whose id another plan already uses gets a new id (and references to it follow);
 * an id the open plan has is kept, so a merge still recognises its records.
 */
async function intoOpenPlan(db: SummitryDb, restored: Restored): Promise<{ restored: Restored; planId: PlanId }> {
  const planId = await openPlanId(db);
  const taken = new Set<string>();
  const keys = await Promise.all(
    TABLE_NAMES.map((name) => db.table(name).where('planId').notEqual(planId).primaryKeys()),
  );
  for (const list of keys) for (const k of list) taken.add(k as string);
  if (taken.size === 0) return { restored, planId };
  const suffix = idSuffix();
  const map = new Map<string, string>();
  for (const name of TABLE_NAMES)
    for (const r of restored.plan[name] as { id: string }[])
      if (taken.has(r.id)) map.set(r.id, renamedId(r.id, suffix));
  if (map.size === 0) return { restored, planId };
  const fields: Restored['fields'] = {};
  for (const [name, byId] of Object.entries(restored.fields ?? {}) as [
    TableName,
    ReadonlyMap<string, readonly string[]>,
  ][])
    fields[name] = new Map([...byId].map(([id, list]) => [map.get(id) ?? id, list]));
  return {
    planId,
    restored: {
      ...restored,
      plan: remapPlan(restored.plan, map),
      acceptances: remapAcceptances(restored.acceptances, map),
      ...(restored.fields ? { fields } : {}),
    },
  };
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
}

export interface ImportResult {
  mode: ImportMode;
  summary: MergeSummary;
  /** Replace: the id of the automatic backup of the plan as it was. */
  backupId?: string;
}

/**
 * Write a validated import in one transaction. Replace: the plan as it was is saved first as an
 * automatic backup, then every plan table is emptied and filled from the file. Merge: each
 * record is decided again against the plan as it is now (see src/domain/files/merge.ts). Any failure
 * rejects and leaves every table, including the backups, as it was.
 */
export async function applyImport(
  db: SummitryDb,
  original: Restored,
  mode: ImportMode,
  options: ApplyOptions,
): Promise<ImportResult> {
  const refusal = modeRefusal(original, mode);
  if (refusal) throw new Error(refusal);
  return db.transaction('rw', allTables(db), async () => {
    const { restored, planId } = await intoOpenPlan(db, original);
    const mine = inPlan(planId);
    if (mode === 'replace') {
      const snapshot = await readSnapshot(db);
      const backupId = await saveAutomaticBackup(db, snapshot, options);
      const total = TABLE_NAMES.reduce((n, t) => n + restored.plan[t].length, 0) + restored.acceptances.length;
      // Emptied first, then added to: `add` (not `put`) so a repeated id fails the import rather
      // than silently keeping one copy.
      await Promise.all([...planTables(db), db.acceptances].map((t) => t.filter(mine).delete()));
      let written = 0;
      for (const name of TABLE_NAMES) {
        // Revisions go on from the replaced records', so an editor left open on one sees it changed.
        const revs = new Map((snapshot.plan[name] as { id: string; rev?: number }[]).map((r) => [r.id, r.rev ?? 0]));
        const records = (restored.plan[name] as { id: string }[]).map((r) => ({
          ...r,
          planId,
          rev: (revs.get(r.id) ?? 0) + 1,
        }));
        written = await writeChunks(db, name, records, 'add', written, total, options);
      }
      if (restored.acceptances.length)
        await db.acceptances.bulkAdd(restored.acceptances.map((a) => ({ ...a, planId })));
      options.onProgress?.(total, total);
      await namePlan(db, planId, restored.planName ?? 'Imported plan', options.now);
      return { mode, summary: replaceSummary(restored), backupId };
    }
    const decided = await decideMerge(db, restored, planId);
    const total =
      Object.values(decided.writes).reduce((n, list) => n + (list?.length ?? 0), 0) + decided.acceptances.length;
    let written = 0;
    for (const name of TABLE_NAMES) {
      const list = decided.writes[name];
      if (list?.length) written = await writeChunks(db, name, list, 'put', written, total, options);
    }
    if (decided.acceptances.length) await db.acceptances.bulkPut(decided.acceptances.map((a) => ({ ...a, planId })));
    options.onProgress?.(total, total);
    return { mode, summary: decided.summary };
  });
}

async function writeChunks(
  db: SummitryDb,
  name: TableName,
  records: readonly unknown[],
  how: 'add' | 'put',
  written: number,
  total: number,
  options: Pick<ApplyOptions, 'onProgress' | 'chunkSize'>,
): Promise<number> {
  const table = db.table(name);
  const size = options.chunkSize ?? DEFAULT_CHUNK;
  for (let i = 0; i < records.length; i += size) {
    const chunk = records.slice(i, i + size);
    await (how === 'add' ? table.bulkAdd(chunk) : table.bulkPut(chunk));
    written += chunk.length;
    options.onProgress?.(written, total);
  }
  return written;
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
  });
  return { ok: true, result };
}

export function deleteBackup(db: SummitryDb, id: string): Promise<void> {
  return db.backups.delete(id);
}
