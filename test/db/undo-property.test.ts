import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/db/commands';
import { applyImport } from '../../src/db/io';
import { listPlans, OPEN_PLAN_KEY, openPlanId } from '../../src/db/open-plan';
import { createPlan, deletePlan, duplicatePlan, renamePlan } from '../../src/db/plans';
import type { MetaRow, SummitryDb } from '../../src/db/schema';
import { resetSamplePlan } from '../../src/db/seed';
import { undoEntry } from '../../src/db/undo';
import { buildBackup, encodeBackup, restoreBackup } from '../../src/domain/files';
import type { Plan, PlanEvent } from '../../src/domain/model';
import { dbsPerTest, planDump } from '../helpers/fresh-db';
import { makeEvent } from '../helpers/factories';

const NOW = '2026-11-28T12:00:00.000Z';
const dbs = dbsPerTest();
const opts = { clock: () => NOW, device: { id: 'dev-prop-000000', name: 'Property test' } };
const empty = (): Plan => ({
  places: [],
  participants: [],
  events: [],
  visits: [],
  legs: [],
  windows: [],
  scenarios: [],
});

type Step =
  | { kind: 'save'; pick: number; title: string }
  | { kind: 'move'; pick: number; hours: number }
  | { kind: 'add'; n: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'import'; mode: 'merge' | 'replace'; n: number; pick: number }
  | { kind: 'reset' }
  | { kind: 'newPlan'; name: string }
  | { kind: 'duplicate' }
  | { kind: 'renamePlan'; name: string }
  | { kind: 'deletePlan'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), pick: fc.nat(), title: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), hours: fc.integer({ min: -48, max: 48 }) }),
  fc.record({ kind: fc.constant('add' as const), n: fc.nat(99) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('import' as const),
    mode: fc.constantFrom('merge' as const, 'replace' as const),
    n: fc.integer({ min: 1, max: 4 }),
    pick: fc.nat(),
  }),
  fc.record({ kind: fc.constant('reset' as const) }),
  fc.record({ kind: fc.constant('newPlan' as const), name: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('duplicate' as const) }),
  fc.record({ kind: fc.constant('renamePlan' as const), name: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('deletePlan' as const), pick: fc.nat() }),
);

const shift = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

async function pickEvent(db: SummitryDb, pick: number): Promise<PlanEvent | undefined> {
  const events = await db.events.orderBy(':id').toArray();
  return events.length ? events[pick % events.length] : undefined;
}

/** Run one step as the app would; the History entry it wrote, if it changed anything. */
async function apply(db: SummitryDb, s: Step): Promise<string | undefined> {
  switch (s.kind) {
    case 'save':
    case 'move': {
      const e = await pickEvent(db, s.pick);
      if (!e || e.allDay) return undefined;
      const next =
        s.kind === 'save'
          ? { ...e, title: s.title.trim() || 'x' }
          : { ...e, startsAt: shift(e.startsAt, s.hours), endsAt: shift(e.endsAt, s.hours) };
      const r = await runCommand(
        db,
        { label: s.kind, put: { events: [next] }, expect: { [`events/${e.id}`]: e.rev! } },
        opts,
      );
      return r.entry?.id;
    }
    case 'add':
      return (await runCommand(db, { label: 'add', put: { events: [makeEvent({ id: `new-${s.n}` as never })] } }, opts))
        .entry?.id;
    case 'delete': {
      const e = await pickEvent(db, s.pick);
      if (!e) return undefined;
      return (
        await runCommand(
          db,
          { label: 'delete', remove: { events: [e.id] }, expect: { [`events/${e.id}`]: e.rev! } },
          opts,
        )
      ).entry?.id;
    }
    case 'import': {
      const existing = await pickEvent(db, s.pick);
      const events: PlanEvent[] = Array.from({ length: s.n }, (_, i) =>
        makeEvent({ id: `file-${i}` as never, title: `File ${i}`, updatedAt: '2026-12-01T00:00:00.000Z' }),
      );
      // An event an earlier import added may be picked: the file must not hold its id twice.
      if (existing && !existing.allDay && !events.some((e) => e.id === existing.id))
        events.push({ ...existing, title: `${existing.title} (file)`, updatedAt: '2027-01-01T00:00:00.000Z' });
      const text = encodeBackup(
        buildBackup({ plan: { ...empty(), events }, planName: 'File', appVersion: '0.1.0', exportedAt: NOW }),
      );
      const read = restoreBackup(text);
      if (!read.ok) throw new Error(read.errors.join(' '));
      const result = await applyImport(db, read.restored, s.mode, { now: NOW, appVersion: '0.1.0', reason: 'test' });
      return result.entry?.id;
    }
    case 'reset':
      return (await resetSamplePlan(db, NOW)).entry?.id;
    case 'newPlan':
      return (await createPlan(db, s.name, opts)).entry?.id;
    case 'duplicate':
      return (await duplicatePlan(db, await openPlanId(db), undefined, opts)).entry?.id;
    case 'renamePlan': {
      if (!s.name.trim()) return undefined;
      return (await renamePlan(db, await openPlanId(db), s.name, opts)).entry?.id;
    }
    case 'deletePlan': {
      const plans = await listPlans(db);
      if (plans.length < 2) return undefined;
      return (await deletePlan(db, plans[s.pick % plans.length]!.id, opts)).entry?.id;
    }
  }
}

/**
 * The plan without the automatic backups (a replace keeps one; Undo does not take it away) and
 * with the plan that opens instead of the open-plan marker: switching plans is not a change to
 * any plan, so Undo leaves the marker; the plan it names (or the oldest, if it names one gone)
 * must be the one open at the start.
 */
async function plan(db: SummitryDb) {
  const { backups: _backups, meta, ...rest } = await planDump(db);
  return { ...rest, meta: meta!.filter((m) => (m as MetaRow).key !== OPEN_PLAN_KEY), open: await openPlanId(db) };
}

describe('undo', () => {
  it('any sequence of commands followed by as many undos returns the database to its starting state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const db = await dbs.seeded(NOW);
        try {
          const start = await plan(db);
          const entries: string[] = [];
          for (const s of steps) {
            const id = await apply(db, s);
            if (id) entries.push(id);
          }
          for (const id of entries.reverse()) await undoEntry(db, id, opts);
          expect(await plan(db)).toEqual(start);
        } finally {
          db.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
