/**
 * Errors a write can end in, and the plain sentence the user is shown for each. A failed write
 * has changed nothing (every write is one transaction), so every message can say so.
 */

/** A save made against a revision that is no longer the stored one (another tab saved first). */
export class StaleEditError extends Error {
  override readonly name = 'StaleEditError';
  constructor(
    readonly table: string,
    readonly id: string,
    /** The revision the edit was made from. */
    readonly expectedRev: number,
    /** The stored revision now, or null when the item has since been deleted. */
    readonly actualRev: number | null,
    /** The stored record as it is now (for showing the user the other version). */
    readonly stored?: unknown,
  ) {
    super(
      actualRev === null
        ? `This item was deleted in another tab or window since you opened it.`
        : `This item was changed in another tab or window since you opened it (revision ${expectedRev}, now ${actualRev}).`,
    );
  }
}

function errorName(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'name' in err && typeof err.name === 'string' ? err.name : undefined;
}

/** True when `err`, or the error it wraps, is the browser refusing more storage. */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (errorName(e) === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/** One sentence, for a person, saying why a write failed. Nothing was written in any case. */
export function describeWriteError(err: unknown): string {
  if (err instanceof StaleEditError) return err.message;
  if (isQuotaError(err))
    return 'The browser has no more room for Summitry’s data (storage quota exceeded). Free some disk space or download a backup, then try again.';
  const name = errorName(err);
  if (name === 'DatabaseClosedError')
    return 'The plan database is closed in this tab (Summitry was upgraded in another tab). Download a backup of your edit, then reload.';
  if (name === 'MissingAPIError' || name === 'InvalidStateError') return 'This browser refused access to its storage.';
  const message = err instanceof Error ? err.message : String(err);
  return message || 'The browser could not store the change.';
}
