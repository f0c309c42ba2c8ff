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

/**
 * Errors whose messages are the app's own, written for a person: a refused record (which field,
 * why), a stale revision, a refused undo, a refused file. A plain `Error` is the app's too (the
 * libraries and the browser throw their own kinds: TypeError, DOMException, Dexie's errors).
 */
const PLAIN_ERRORS = new Set([
  'Error',
  'ValidationError',
  'UndoRefusedError',
  'PlanRefusedError',
  'ScenarioMissingError',
  'VisitNotMovableError',
]);

/** What to say for the browser's own failures, by name (Dexie's or the DOMException's). */
const BROWSER_FAILURES: Record<string, string> = {
  DatabaseClosedError:
    'The plan database is closed in this tab (Summitry was upgraded in another tab). Nothing was changed. Download a backup of your edit, then reload.',
  MissingAPIError:
    'This browser refused access to its storage. Nothing was changed. Download a backup, then try again in a normal (not private) window.',
  InvalidStateError:
    'This browser refused access to its storage. Nothing was changed. Download a backup, then try again in a normal (not private) window.',
  VersionError:
    'This tab runs an older Summitry than another tab. Nothing was changed. Reload this tab, then try again.',
  ReadOnlyError: 'The browser allowed only reading the plan just then. Nothing was changed. Try again.',
  NotReadableError:
    'The file could not be read (it may have been moved, changed or locked meanwhile). Nothing was changed. Choose it again.',
  NotFoundError: 'The file is no longer there. Nothing was changed. Choose it again.',
};

/** The sentence for a failure nobody planned for: never the raw name or a program's message. */
export const UNEXPECTED_FAILURE =
  'Something went wrong inside the browser. Nothing was changed. Try again; if it happens again, download a backup and reload the page.';

/**
 * Any failure as plain sentences for a person: what happened, that nothing was changed, what to
 * do (issue 19). Import, reset, save, delete, restore, undo and export all report through it, so
 * no raw error name ("QuotaExceededError", "DatabaseClosedError") or program message ("Cannot
 * read properties of undefined") reaches the user. Every write is one transaction, so a failed
 * one has changed nothing.
 */
export function describeFailure(err: unknown): string {
  if (isQuotaError(err))
    return 'The browser has no more room for Summitry’s data (storage quota exceeded). Nothing was changed. Free some disk space or download a backup, then try again.';
  const name = errorName(err);
  if (name && Object.hasOwn(BROWSER_FAILURES, name)) return BROWSER_FAILURES[name]!;
  if (err instanceof StaleEditError)
    return `${err.message} Nothing was changed. Open the item again to see it as it is now.`;
  if (err instanceof Error && PLAIN_ERRORS.has(err.name) && err.message.trim()) return err.message;
  return UNEXPECTED_FAILURE;
}

/**
 * `what` failed ("Could not reset"), then why in plain words, always saying that nothing was
 * changed: "Could not reset: The browser has no more room … Nothing was changed. Free some …".
 */
export function failureMessage(what: string, err: unknown): string {
  const why = describeFailure(err);
  const full = /[.!?]$/.test(why) ? why : `${why}.`;
  return `${what}: ${full}${/nothing was (changed|written)/i.test(full) ? '' : ' Nothing was changed.'}`;
}

/** One sentence, for a person, saying why a write failed. Nothing was written in any case. */
export const describeWriteError = describeFailure;
