import { useCallback, useEffect, useState } from 'react';
import { downloadTextFile } from '../../components/download';
import { db, describeWriteError, makeBackup, recordBackup, type UnsavedRecord } from '../../db';
import { useUndoStore } from '../../store/undo-store';
import { readEstimate, type StorageEstimateInfo } from './storage-api';

/** The browser's storage estimate, read on mount and every `intervalMs`; null until known. */
export function useStorageEstimate(intervalMs = 5 * 60_000): {
  estimate: StorageEstimateInfo | null;
  refresh: () => void;
} {
  const [estimate, setEstimate] = useState<StorageEstimateInfo | null>(null);
  const refresh = useCallback(() => {
    void readEstimate().then(setEstimate);
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);
  return { estimate, refresh };
}

/** Download the whole plan as a JSON backup and note the time; tells the user if it fails. */
export async function downloadBackup(unsaved: readonly UnsavedRecord[] = []): Promise<boolean> {
  const now = new Date().toISOString();
  try {
    const file = await makeBackup(db, now, unsaved);
    downloadTextFile(file.fileName, file.text);
    await recordBackup(db, now);
    return true;
  } catch (err) {
    useUndoStore.getState().notify(`The backup could not be made: ${describeWriteError(err)}`);
    return false;
  }
}
