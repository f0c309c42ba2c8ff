/**
 * The plan as a JSON backup file, and when the user last downloaded one. Any download counts as
 * a backup (the reminder asks for one a week). A backup made because a save failed also carries
 * the unsaved records, so a failed write never loses what the user typed.
 */
import type { Plan } from '../domain/model';
import { loadPlan } from './repositories';
import { CURRENT_VERSION, type SummitryDb } from './schema';
import { PLAN_NAME_KEY, SEEDED_KEY } from './seed';

export const LAST_BACKUP_KEY = 'lastBackupAt';
export const BACKUP_FORMAT = 'summitry-backup';

export interface BackupFile {
  fileName: string;
  text: string;
}

export interface UnsavedRecord {
  table: string;
  record: unknown;
}

/**
 * The whole plan (and any unsaved records) as a JSON backup file named by date. If the plan
 * cannot be read but there are unsaved records, the file carries those alone (`plan: null`).
 */
export async function makeBackup(db: SummitryDb, now: string, unsaved: readonly UnsavedRecord[] = []): Promise<BackupFile> {
  let plan: Plan | null = null;
  let planName: unknown = null;
  let planError: string | undefined;
  try {
    plan = await loadPlan(db);
    planName = (await db.meta.get(PLAN_NAME_KEY))?.value ?? null;
  } catch (err) {
    // The database may be closed (upgraded in another tab): the unsaved records still go out.
    if (unsaved.length === 0) throw err;
    planError = err instanceof Error ? err.message : String(err);
  }
  const body = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    schemaVersion: CURRENT_VERSION,
    exportedAt: now,
    planName,
    plan,
    ...(planError ? { planError } : {}),
    ...(unsaved.length > 0 ? { unsaved } : {}),
  };
  const stamp = now.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `summitry-backup-${stamp}${unsaved.length > 0 ? '-unsaved' : ''}.json`, text: JSON.stringify(body, null, 2) };
}

/** Note that a backup was downloaded at `now`. A full disk must not stop the download: failures are ignored. */
export async function recordBackup(db: SummitryDb, now: string): Promise<void> {
  try {
    await db.meta.put({ key: LAST_BACKUP_KEY, value: now });
  } catch {
    // The reminder will simply come back.
  }
}

/** When the last backup was made, and when the plan was first created (null when unknown). */
export async function backupTimes(db: SummitryDb): Promise<{ lastBackupAt: string | null; since: string | null }> {
  const [last, seeded] = await Promise.all([db.meta.get(LAST_BACKUP_KEY), db.meta.get(SEEDED_KEY)]);
  return {
    lastBackupAt: typeof last?.value === 'string' ? last.value : null,
    since: typeof seeded?.value === 'string' ? seeded.value : null,
  };
}
