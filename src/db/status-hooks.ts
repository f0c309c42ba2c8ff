/** Live reads of the database's own bookkeeping (backups), for the storage panel and reminders. */
import { useLiveQuery } from 'dexie-react-hooks';
import { backupTimes } from './backup';
import { db as defaultDb } from './index';

/** When the last backup was downloaded and when the plan was started; null while loading. */
export function useBackupTimes(db = defaultDb): { lastBackupAt: string | null; since: string | null } | null {
  return useLiveQuery(() => backupTimes(db), [db], null);
}
