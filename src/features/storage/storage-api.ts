/**
 * The browser's StorageManager, where it exists: persistent storage and the usage estimate.
 * Every call resolves (null for "unknown") so the panel can always say something.
 */

export interface StorageEstimateInfo {
  usage: number | undefined;
  quota: number | undefined;
}

function manager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : undefined;
}

/** Ask the browser to keep Summitry's data under storage pressure. True if granted. */
export async function requestPersistence(): Promise<boolean | null> {
  const m = manager();
  if (!m?.persist) return null;
  try {
    return (await m.persisted?.()) || (await m.persist());
  } catch {
    return null;
  }
}

export async function readPersisted(): Promise<boolean | null> {
  const m = manager();
  if (!m?.persisted) return null;
  try {
    return await m.persisted();
  } catch {
    return null;
  }
}

export async function readEstimate(): Promise<StorageEstimateInfo | null> {
  const m = manager();
  if (!m?.estimate) return null;
  try {
    const { usage, quota } = await m.estimate();
    return { usage, quota };
  } catch {
    return null;
  }
}
