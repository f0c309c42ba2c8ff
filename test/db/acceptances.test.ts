import { afterEach, describe, expect, it } from 'vitest';
import { createAcceptances } from '../../src/db/acceptances';
import { loadPlan } from '../../src/db/repositories';
import { seedIfFirstRun } from '../../src/db/seed';
import { classifyConflicts, itemsFingerprint } from '../../src/domain/conflicts/acceptance';
import { ValidationError } from '../../src/domain/model/validate';
import { makeConflict } from '../helpers/conflict-factory';
import { dumpDb, freshDb } from '../helpers/fresh-db';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function setup() {
  let now = '2026-11-28T12:00:00.000Z';
  const clock = () => now;
  const f = freshDb(clock);
  opened.push(f.db);
  return { ...f, acceptances: createAcceptances(f.db, clock), setNow: (t: string) => (now = t) };
}

describe('acceptances repository', () => {
  it('stores an acceptance with its note, time and fingerprint, and reopens it', async () => {
    const { acceptances } = setup();
    const stored = await acceptances.accept({
      id: 'transit:a+b',
      note: '  The motorcade will wait.  ',
      itemsFingerprint: '[]',
    });
    expect(stored).toEqual({
      id: 'transit:a+b',
      note: 'The motorcade will wait.',
      acceptedAt: '2026-11-28T12:00:00.000Z',
      itemsFingerprint: '[]',
      planId: 'plan-1',
      rev: 1,
      updatedAt: '2026-11-28T12:00:00.000Z',
      updatedBy: expect.stringMatching(/^dev-/),
    });
    expect(await acceptances.all()).toEqual([stored]);
    await acceptances.reopen('transit:a+b');
    expect(await acceptances.get('transit:a+b')).toBeUndefined();
  });

  it('refuses an empty or over-long note in plain words and writes nothing', async () => {
    const { db, acceptances } = setup();
    const before = await dumpDb(db);
    await expect(acceptances.accept({ id: 'x', note: '   ', itemsFingerprint: '[]' })).rejects.toThrow(
      /note is required: say why/,
    );
    await expect(acceptances.accept({ id: 'x', note: 'n'.repeat(1001), itemsFingerprint: '[]' })).rejects.toThrow(
      /note is too long \(1000 characters at most\)/,
    );
    await expect(acceptances.accept({ id: '', note: 'ok', itemsFingerprint: '[]' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await dumpDb(db)).toEqual(before);
  });

  it('strips control characters and bidi overrides from the note', async () => {
    const { acceptances } = setup();
    const stored = await acceptances.accept({ id: 'x', note: 'ok\u0007\u202Egood', itemsFingerprint: '[]' });
    expect(stored.note).toBe('okgood');
  });

  it('an accepted conflict reopens after a repository write to one of its items, and not before', async () => {
    const { db, repos, acceptances, setNow } = setup();
    await seedIfFirstRun(db);
    const conflict = makeConflict({
      rule: 'transit',
      items: [
        { type: 'event', id: 'draft-shanghai-programme', title: 'Shanghai programme' },
        { type: 'leg', id: 'draft-leg-2', title: 'Beijing → Busan' },
      ],
    });
    let plan = await loadPlan(db);
    await acceptances.accept({
      id: conflict.id,
      note: 'Accepted for the draft.',
      itemsFingerprint: itemsFingerprint(conflict.items, plan),
    });
    expect(classifyConflicts([conflict], await acceptances.all(), plan)[0]!.state).toBe('accepted');

    setNow('2026-11-29T08:00:00.000Z');
    await repos.events.put({
      ...(await repos.events.get('busan-summit-2025'))!,
      title: 'Trump–Xi summit, Busan (edited)',
    });
    plan = await loadPlan(db);
    expect(classifyConflicts([conflict], await acceptances.all(), plan)[0]!.state).toBe('accepted');

    const leg = (await repos.legs.get('draft-leg-2'))!;
    await repos.legs.put({ ...leg, departsAt: '2025-10-28T10:30:00.000Z' });
    plan = await loadPlan(db);
    const [entry] = classifyConflicts([conflict], await acceptances.all(), plan);
    expect(entry).toMatchObject({ state: 'reopened', changedItems: [{ id: 'draft-leg-2' }] });
  });
});
