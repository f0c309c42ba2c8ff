/**
 * Policies for keeping the plan safe in the browser: when to remind the user to back up, and
 * when the browser's storage is nearly full.
 */
import { toMs } from '../time';

/** A backup older than this many days is due. */
export const BACKUP_INTERVAL_DAYS = 7;
/** Storage is "nearly full" from this fraction of the quota on. */
export const STORAGE_WARNING_FRACTION = 0.8;

const DAY_MS = 86_400_000;

export interface BackupReminder {
  due: boolean;
  /** Whole days since the last backup (or, with none, since the plan was started); null if unknown. */
  days: number | null;
  /** True when no backup was ever made. */
  never: boolean;
}

/**
 * Whether to remind the user to download a backup: the last backup, or with none the start of
 * the plan (`since`), is more than `BACKUP_INTERVAL_DAYS` × 24 h before `now`. All arguments are
 * UTC ISO instants; with neither a backup nor a start, nothing is due.
 */
export function backupReminder(lastBackupAt: string | null, since: string | null, now: string): BackupReminder {
  const from = lastBackupAt ?? since;
  if (!from) return { due: false, days: null, never: lastBackupAt === null };
  const elapsed = toMs(now) - toMs(from);
  return {
    due: elapsed > BACKUP_INTERVAL_DAYS * DAY_MS,
    days: Math.max(0, Math.floor(elapsed / DAY_MS)),
    never: lastBackupAt === null,
  };
}

export interface StorageLevel {
  /** usage / quota in [0, 1], or null when the quota is unknown or zero. */
  fraction: number | null;
  nearlyFull: boolean;
}

/** How full the browser's storage is; `usage` and `quota` in bytes (as `navigator.storage.estimate()` gives them). */
export function storageLevel(usage: number | undefined, quota: number | undefined): StorageLevel {
  if (usage === undefined || !quota || quota <= 0) return { fraction: null, nearlyFull: false };
  const fraction = Math.min(1, Math.max(0, usage / quota));
  return { fraction, nearlyFull: fraction >= STORAGE_WARNING_FRACTION };
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes in 1024-based units with at most one decimal: `0 bytes`, `1.5 KB`, `12 MB`, `9.8 GB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} ${value === 1 ? 'byte' : 'bytes'}`;
  const text = value >= 10 ? String(Math.round(value)) : (Math.round(value * 10) / 10).toString();
  return `${text} ${UNITS[unit]}`;
}

/** A fraction as a whole percentage for people: `0.8543` → `85 %`; tiny non-zero values read `< 1 %`. */
export function formatPercent(fraction: number): string {
  if (fraction > 0 && fraction < 0.01) return '< 1 %';
  return `${Math.floor(fraction * 100)} %`;
}
