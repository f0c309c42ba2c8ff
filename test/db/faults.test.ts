import { afterEach, describe, expect, it } from 'vitest';
import {
  describeFailure,
  describeWriteError,
  failureMessage,
  isQuotaError,
  UNEXPECTED_FAILURE,
} from '../../src/db/errors';
import { installFaults } from '../../src/db/faults';
import { resetSamplePlan, seedIfFirstRun } from '../../src/db/seed';
import { dumpDb, freshDb } from '../helpers/fresh-db';
import { makeEvent } from '../helpers/factories';

const opened: { close(): void }[] = [];
function setup() {
  const f = freshDb();
  opened.push(f.db);
  const faults = installFaults(f.db);
  return { ...f, faults };
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('write faults injected through Dexie middleware', () => {
  it('a quota error on a save is reported as such and changes nothing', async () => {
    const { db, repos, faults } = setup();
    await seedIfFirstRun(db);
    const before = await dumpDb(db);
    faults.failWrites = 'quota';
    const busan = await repos.events.get('busan-summit-2025');
    const err = await repos.events.put({ ...busan, title: 'Edited' }, { expectedRev: 1 }).catch((e: unknown) => e);
    expect(isQuotaError(err)).toBe(true);
    expect(describeWriteError(err)).toMatch(/no more room.*storage quota exceeded/);
    expect(faults.failed).toBe(1);
    expect(await dumpDb(db)).toEqual(before);
    faults.failWrites = null;
    expect((await repos.events.put({ ...busan, title: 'Edited' }, { expectedRev: 1 })).rev).toBe(2);
  });

  it('a failure in the middle of a multi-table write (reset) leaves every table as it was', async () => {
    const { db, repos, faults } = setup();
    await seedIfFirstRun(db);
    await repos.events.put(makeEvent({ id: 'mine' as never, title: 'My own item' }));
    const before = await dumpDb(db);
    for (const pass of [1, 3, 6, 10]) {
      faults.failWrites = 'error';
      faults.passWrites = pass;
      await expect(resetSamplePlan(db)).rejects.toThrow(/Injected write failure/);
      expect(await dumpDb(db), `failing after ${pass} writes`).toEqual(before);
    }
  });

  it('a failure in the middle of putMany writes none of the records', async () => {
    const { db, repos, faults } = setup();
    const before = await dumpDb(db);
    faults.failWrites = 'quota';
    faults.passWrites = 0;
    await expect(repos.events.putMany([makeEvent(), makeEvent(), makeEvent()])).rejects.toSatisfy(isQuotaError);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('names other failures plainly', () => {
    expect(describeWriteError(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }))).toMatch(
      /upgraded in another tab/,
    );
    expect(describeWriteError(new Error('Disk on fire'))).toBe('Disk on fire');
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
  });

  it('never shows a raw error name or a program’s message; always says nothing was changed (issue 19)', () => {
    const raw = [
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }),
      Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new DOMException('Internal error.', 'UnknownError'),
      Object.assign(new Error('Key already exists in the object store.'), { name: 'ConstraintError' }),
      'a thrown string',
      undefined,
    ];
    for (const err of raw) {
      const text = failureMessage('Could not reset', err);
      expect(text).not.toMatch(/[A-Za-z]+Error\b|Cannot read|Internal error|Key already|thrown string|undefined/);
      expect(text).toMatch(/^Could not reset: .*Nothing was changed\. [A-Z]/);
    }
    expect(describeFailure(new TypeError('x is not a function'))).toBe(UNEXPECTED_FAILURE);
    // The app's own sentences are kept, and told that nothing was changed when they do not say so.
    expect(failureMessage('Not saved', new Error('Event "Busan": endsAt must be after the start'))).toBe(
      'Not saved: Event "Busan": endsAt must be after the start. Nothing was changed.',
    );
  });
});
