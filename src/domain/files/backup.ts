/**
 * The JSON backup format (documented in README.md, "Backup format"). This module writes the
 * current format version; reading every version goes through `restoreBackup` in ../restore.ts.
 *
 * A backup is one JSON object: format name and version, the app version that wrote it, when,
 * the plan's name, what it covers (the whole plan or one visit), every table as an array sorted
 * by id, and the accepted conflicts. Instants are UTC ISO strings; each item keeps its zone.
 */
import { ENTITIES, TABLE_NAMES, validateEntity, type TableName } from '../model';
import type { Acceptance, Plan } from '../model';

export const BACKUP_FORMAT = 'summitry-backup';
/**
 * The format version this app writes. Version 1 (the Storage panel's download before it wrote
 * this format: tables under `plan`, unsaved edits beside them) is read and upgraded.
 */
export const BACKUP_FORMAT_VERSION = 2;

/**
 * What a backup covers: the whole plan, one visit, or (read from format 1 files written when the
 * plan could not be read) only some records. Only a whole-plan backup can replace the plan.
 */
export type BackupScope = { kind: 'plan' } | { kind: 'visit'; visitId: string } | { kind: 'partial' };

/** A conflict the user marked as accepted (the `acceptances` table; see model/records/acceptance.ts). */
export type { Acceptance } from '../model';

/** An edit that could not be saved: the whole record as the editor had it, and its table. */
export interface UnsavedEdit {
  table: TableName;
  record: unknown;
}

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  appVersion: string;
  exportedAt: string;
  planName: string;
  scope: BackupScope;
  tables: Plan;
  acceptances: Acceptance[];
  /** Only in a backup made because a save failed: the edits that were not saved. */
  unsaved?: UnsavedEdit[];
}

export interface BackupInput {
  plan: Plan;
  planName: string;
  acceptances?: readonly Acceptance[];
  appVersion: string;
  /** UTC ISO instant. */
  exportedAt: string;
  scope?: BackupScope;
  /**
   * Put each record's fields in the validator's order (default true), so equal plans give equal
   * text. Automatic backups skip it: they are written inside the import's transaction, and their
   * records are validated when restored.
   */
  canonical?: boolean;
  /** Edits that could not be saved (a save failed): kept beside the tables, never mixed in. */
  unsaved?: readonly UnsavedEdit[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Each record in the validator's field order (so equal plans give equal text), or as stored if
 * it does not validate: an export never fails on a record, the import will name it.
 */
function canonicalRecords<T extends TableName>(table: T, records: readonly unknown[], canonical: boolean): Plan[T] {
  const out = records.map((r) => {
    const checked = canonical ? validateEntity(table, r) : undefined;
    return withoutRev(checked?.ok ? checked.value : r);
  }) as Plan[T];
  return [...out].sort(byId as never) as Plan[T];
}

/**
 * A record without the stamps that belong to one database (`planId`, `rev`, `updatedBy`; see
 * model/records/fields.ts): a backup is plan data, and an import stamps its own. `updatedAt` stays.
 */
export function withoutRev<T>(record: T): T {
  if (!record || typeof record !== 'object') return record;
  const r = record as T & { rev?: unknown; planId?: unknown; updatedBy?: unknown };
  if (!('rev' in r) && !('planId' in r) && !('updatedBy' in r)) return record;
  const { rev: _rev, planId: _plan, updatedBy: _by, ...rest } = r;
  return rest as T;
}

/** The backup document of a plan (or of the part of it `scope` names; see `selectVisit`). */
export function buildBackup(input: BackupInput): BackupDocument {
  const scope = input.scope ?? { kind: 'plan' };
  const plan = scope.kind === 'visit' ? selectVisit(input.plan, scope.visitId) : input.plan;
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) tables[name] = canonicalRecords(name, plan[name] ?? [], input.canonical ?? true);
  const acceptances =
    scope.kind === 'visit'
      ? []
      : [...(input.acceptances ?? [])]
          .map((a) => ({ id: a.id, note: a.note, acceptedAt: a.acceptedAt, itemsFingerprint: a.itemsFingerprint }))
          .sort(byId);
  const doc: BackupDocument = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: input.appVersion,
    exportedAt: input.exportedAt,
    planName: input.planName,
    scope,
    tables: tables as unknown as Plan,
    acceptances,
  };
  // An unsaved edit was made when the backup was: that is its edit time, so a merge sees it as
  // newer than the copy it was edited from.
  if (input.unsaved?.length)
    doc.unsaved = input.unsaved.map((u) => ({ table: u.table, record: stampEdit(u.record, input.exportedAt) }));
  return doc;
}

function stampEdit(record: unknown, at: string): unknown {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  return { ...withoutRev(record), updatedAt: at };
}

/** The backup as text: UTF-8 JSON, two-space indented, ending in a newline. */
export function encodeBackup(doc: BackupDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * One visit and what it needs to stand alone: its events and legs, the places they happen at
 * (with the cities those belong to), everyone involved, and the windows it is planned against.
 */
export function selectVisit(plan: Plan, visitId: string): Plan {
  const visits = plan.visits.filter((v) => v.id === visitId);
  const events = plan.events.filter((e) => e.visitId === visitId);
  const legs = plan.legs.filter((l) => l.visitId === visitId);
  const windowIds = new Set<string>();
  for (const x of [...visits, ...events]) if (x.windowId) windowIds.add(x.windowId);
  const windows = plan.windows.filter((w) => windowIds.has(w.id));
  const placeIds = new Set<string>();
  for (const x of [...events, ...windows]) if (x.placeId) placeIds.add(x.placeId);
  for (const l of legs) {
    placeIds.add(l.fromPlaceId);
    placeIds.add(l.toPlaceId);
  }
  for (const p of plan.places) if (placeIds.has(p.id) && p.cityId) placeIds.add(p.cityId);
  const participantIds = new Set<string>();
  for (const v of visits) [v.guestId, ...v.participantIds].forEach((id) => participantIds.add(id));
  for (const x of [...events, ...legs, ...windows]) x.participantIds.forEach((id) => participantIds.add(id));
  return {
    places: plan.places.filter((p) => placeIds.has(p.id)),
    participants: plan.participants.filter((p) => participantIds.has(p.id)),
    events,
    visits,
    legs,
    windows,
    scenarios: [],
  };
}

/** Labels for messages ("Event", "Leg"…), by table. */
export const TABLE_LABELS: Record<TableName, string> = Object.fromEntries(
  TABLE_NAMES.map((n) => [n, ENTITIES[n].label]),
) as Record<TableName, string>;
