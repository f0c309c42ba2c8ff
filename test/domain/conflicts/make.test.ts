import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, sortBuilt, type ConflictRecord } from '../../../src/domain/conflicts/make';
import { RULES, SEVERITIES } from '../../../src/domain/conflicts/types';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The order as written: time, severity, rule (RULES order), id. */
function written(a: ConflictRecord, b: ConflictRecord): number {
  return (
    a.atMs - b.atMs ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    RULES.indexOf(a.rule) - RULES.indexOf(b.rule) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const near = fc.integer({ min: -5, max: 5 }).map((k) => Date.UTC(2025, 9, 30) + k * 60_000);
const anywhere = fc.integer({ min: -8.64e15, max: 8.64e15 });
const record = (at: fc.Arbitrary<number>) =>
  fc
    .record({
      at,
      severity: fc.constantFrom(...SEVERITIES),
      rule: fc.constantFrom(...RULES),
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    })
    .map(({ at, severity, rule, id }) =>
      build({
        rule,
        severity,
        parties: [{ type: 'visit', id, title: id, optional: false, status: 'confirmed' }],
        participantIds: [],
        atMs: at,
        marginMs: 0,
        margin: '',
        explain: () => '',
      }),
    );

describe('sortBuilt', () => {
  it('orders conflicts by time, severity, rule and id, ties included, for any instants (radix-sorted or not)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(record(near), { maxLength: 1200, size: 'max' }),
          fc.array(record(fc.oneof(near, anywhere)), { maxLength: 1200, size: 'max' }),
        ),
        (list) => {
          const expected = [...list].sort(written).map((c) => `${c.atMs} ${c.severity} ${c.id}`);
          expect(sortBuilt([...list]).map((c) => `${c.atMs} ${c.severity} ${c.id}`)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    // Severity and rule share one small key per conflict (severity × 8 + rule): room for 8 rules.
    expect(RULES.length).toBeLessThanOrEqual(8);
  });
});

describe('ConflictRecord.compareId', () => {
  // Ids that are prefixes of one another, and characters on either side of ':' and '|'.
  const itemId = fc.stringMatching(/^[a-z0-9:|~ -]{0,4}$/);
  const party = fc.record({ type: fc.constantFrom('event', 'leg', 'window', 'visit'), id: itemId });
  const keyed = fc
    .record({
      rule: fc.constantFrom('overlap', 'local-hours'),
      parties: fc.array(party, { minLength: 1, maxLength: 3 }),
    })
    .map(({ rule, parties }) =>
      build({
        rule,
        severity: 'warning',
        parties: parties.map((p) => ({ ...p, title: p.id, optional: false, status: 'confirmed' }) as never),
        participantIds: [],
        atMs: 0,
        marginMs: 0,
        margin: '',
        explain: () => '',
      }),
    );

  it('orders two conflicts as their ids do, without making the ids of single-item ones', () => {
    fc.assert(
      fc.property(keyed, keyed, (a, b) => {
        const expected = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        expect(a.compareId(b)).toBe(expected);
        expect(b.compareId(a)).toBe(0 - expected);
      }),
      { numRuns: 3000 },
    );
  });
});
