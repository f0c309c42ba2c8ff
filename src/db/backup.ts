/**
 * The plan as a JSON backup file, and when the user last downloaded one. Any download counts as
 * a backup (the reminder asks for one a week). The file is the documented backup format
 * (src/domain/files/backup.ts), so Import… reads it like an export. A backup made because a
 * save failed also carries the unsaved records, so a failed write never loses what the user typed.
 */
import { APP_VERSION } from '../domain/model';
import type { UnsavedEdit } from '../domain/files';
import { EMPTY_PLAN } from '../domain/model';
import type { PlanSnapshot } from './io';
import type { SummitryDb } from './schema';
import { SEEDED_KEY } from './seed';

export const LAST_BACKUP_KEY = 'lastBackupAt';

export interface BackupFile {
  fileName: string;
  text: string;
}

export type UnsavedRecord = UnsavedEdit;

/**
 * The whole plan (and any unsaved records) as a backup file named by date. If the plan cannot
 * be read but there are unsaved records, the file carries those alone: no tables, scope
 * `partial` (it can be merged, not used to replace a plan).
 */
export async function makeBackup(
  db: SummitryDb,
  now: string,
  unsaved: readonly UnsavedRecord[] = [],
): Promise<BackupFile> {
  // Loaded when a backup is made, not with the app: the backup writer and the import/export
  // code it shares stay out of the first load (they are precached for offline use).
  const [{ buildBackup, encodeBackup }, { loadSnapshot }] = await Promise.all([
    import('../domain/files'),
    import('./io'),
  ]);
  let snapshot: PlanSnapshot | null = null;
  try {
    snapshot = await loadSnapshot(db);
  } catch (err) {
    // The database may be closed (upgraded in another tab): the unsaved records still go out.
    if (unsaved.length === 0) throw err;
  }
  const doc = buildBackup({
    ...(snapshot ?? { plan: EMPTY_PLAN, planName: 'Unsaved edits', scope: { kind: 'partial' as const } }),
    appVersion: APP_VERSION,
    exportedAt: now,
    unsaved,
  });
  const stamp = now.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `summitry-backup-${stamp}${unsaved.length > 0 ? '-unsaved' : ''}.json`, text: encodeBackup(doc) };
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
