/**
 * Fault injection for tests: a Dexie middleware that makes writes fail on demand, the way a full
 * disk or a broken storage backend would. Installed only by tests, or in the browser when the
 * page is opened with `?faults=1`; the normal path never loads it.
 */
import type Dexie from 'dexie';

export type FaultKind = 'quota' | 'error';

export interface FaultControl {
  /** Fail every write from now on with this kind of error; null lets writes through. */
  failWrites: FaultKind | null;
  /** Let this many more writes through before failing (to fail in the middle of a transaction). */
  passWrites: number;
  /** How many writes have been failed so far. */
  failed: number;
}

export function makeFault(kind: FaultKind): Error {
  return kind === 'quota'
    ? new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    : new Error('Injected write failure');
}

/** Add the fault middleware to `db` (before it is opened) and return its control. */
export function installFaults(
  db: Dexie,
  control: FaultControl = { failWrites: null, passWrites: 0, failed: 0 },
): FaultControl {
  db.use({
    stack: 'dbcore',
    name: 'summitry-faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (control.failWrites === null) return table.mutate(req);
            if (control.passWrites > 0) {
              control.passWrites -= 1;
              return table.mutate(req);
            }
            control.failed += 1;
            return Promise.reject(makeFault(control.failWrites));
          },
        };
      },
    }),
  });
  return control;
}
