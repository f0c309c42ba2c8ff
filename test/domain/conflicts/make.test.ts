import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, sortBuilt, type ConflictRecord, type Party } from '../../../src/domain/conflicts/make';
import { sortedOrder, type Node } from '../../../src/domain/conflicts/nodes';
import { RULES, SEVERITIES } from '../../../src/domain/conflicts/types';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The order as written: time, severity, rule (RULES order), then (one visit each) id. */
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
  it('orders conflicts by time, severity, rule and item, ties included, for any instants (radix-sorted or not)', () => {
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
    // Mostly in order already, as the rules list them: the merge sort's path.
    fc.assert(
      fc.property(
        fc.array(record(near), { maxLength: 1200, size: 'max' }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (list, swaps) => {
          const expected = [...list].sort(written);
          const mostly = [...expected];
          for (const k of swaps) {
            const i = mostly.length > 1 ? k % (mostly.length - 1) : 0;
            if (mostly.length > 1) [mostly[i], mostly[i + 1]] = [mostly[i + 1]!, mostly[i]!];
          }
          const key = (c: ConflictRecord) => `${c.atMs} ${c.severity} ${c.rule} ${c.id}`;
          expect(sortBuilt(mostly).map(key)).toEqual(expected.map(key));
        },
      ),
      { numRuns: 60 },
    );
    // Severity and rule share one small key per conflict (severity × 8 + rule): room for 8 rules.
    expect(RULES.length).toBeLessThanOrEqual(8);
  });

  it('orders conflicts of items that share instants by their items, in any order given (the radix path included)', () => {
    fc.assert(
      fc.property(
        fc.array(itemConflict, { minLength: 0, maxLength: 1500, size: 'max' }),
        fc.boolean(),
        (list, half) => {
          // Shuffled (many out of order: the radix sort's path), or half in order.
          const k = list.length >> 1;
          const given = half ? [...list.slice(0, k).sort(byWritten), ...list.slice(k)] : list;
          const expected = [...given].sort(byWritten).map(keyOf);
          return same(sortBuilt([...given]).map(keyOf), expected);
        },
      ),
      // No shrinking: a failing list of a thousand is shrunk for minutes, and the seed replays it.
      { numRuns: 40, endOnFailure: true },
    );
  });
});

describe('sortedOrder', () => {
  it('orders positions by key, ties in index order (short lists sorted by comparison, long ones by radix)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 1400, size: 'max' }), (raw) => {
        const keys = Float64Array.from(raw, (k) => Date.UTC(2025, 9, 30) + k * 60_000);
        const expected = [...raw.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
        return same([...sortedOrder(keys)], expected);
      }),
      // No shrinking: a failing list of a thousand is shrunk for minutes, and the seed replays it.
      { numRuns: 40, endOnFailure: true },
    );
  });
});

/** Two lists alike, as a property's verdict (cheaper than `toEqual` on lists a thousand long). */
function same<T>(actual: readonly T[], expected: readonly T[]): boolean {
  return actual.length === expected.length && actual.every((x, i) => x === expected[i]);
}

const TYPES = ['event', 'leg', 'window'] as const;

/** An engine node as far as ordering goes: start, end, type and id. */
const itemNode = fc
  .record({
    start: fc.integer({ min: 0, max: 6 }),
    length: fc.integer({ min: 1, max: 3 }),
    type: fc.constantFrom(...TYPES),
    id: fc.constantFrom('a', 'b', 'c', 'd'),
  })
  .map(
    ({ start, length, type, id }) =>
      ({
        type,
        id,
        start: Date.UTC(2025, 9, 30) + start * 3_600_000,
        end: Date.UTC(2025, 9, 30) + (start + length) * 3_600_000,
        participants: [],
        optional: false,
        status: 'confirmed',
        title: id,
        source: { fromPlaceId: 'here', toPlaceId: 'there', mode: 'rail' },
      }) as unknown as Node,
  );
const visitParty = fc
  .constantFrom('v1', 'v2')
  .map((id): Party => ({ type: 'visit', id, title: id, optional: false, status: 'confirmed' }));

/** A conflict of one or two items (or a visit and an item), at one of a few instants. */
const itemConflict = fc
  .record({
    at: fc.integer({ min: 0, max: 3 }),
    severity: fc.constantFrom(...SEVERITIES),
    rule: fc.constantFrom(...RULES),
    parties: fc.oneof(
      fc.uniqueArray(itemNode, { minLength: 1, maxLength: 2, selector: (x) => `${x.type}:${x.id}` }),
      fc.tuple(visitParty, itemNode).map(([v, x]) => [v, x]),
    ),
  })
  .map(({ at, severity, rule, parties }) =>
    build({
      rule,
      severity,
      parties: parties.length === 1 ? parties[0]! : parties,
      participantIds: [],
      atMs: Date.UTC(2025, 9, 30) + at * 3_600_000,
      marginMs: 0,
      margin: '',
      explain: () => '',
    }),
  );

/** One party's order as written: a visit first (by id); items by start, end, type, id. */
function partyOrder(x: Party, y: Party): number {
  if (x.type === 'visit' || y.type === 'visit') {
    if (x.type !== y.type) return x.type === 'visit' ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  }
  return (
    x.start - y.start ||
    x.end - y.end ||
    TYPES.indexOf(x.type) - TYPES.indexOf(y.type) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

/** The engine's order as written: time, severity, rule, then items one by one, fewer first. */
function byWritten(a: ConflictRecord, b: ConflictRecord): number {
  const head =
    a.atMs - b.atMs ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    RULES.indexOf(a.rule) - RULES.indexOf(b.rule);
  return head !== 0 ? head : partiesInOrder(partiesOf(a), partiesOf(b));
}

/** Two lists of parties in order as written: party by party (`partyOrder`), then fewer first. */
function partiesInOrder(xs: readonly Party[], ys: readonly Party[]): number {
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const order = partyOrder(xs[i]!, ys[i]!);
    if (order !== 0) return order;
  }
  return xs.length - ys.length;
}

function partiesOf(c: ConflictRecord): Party[] {
  // The parties are distinct items here, so there are as many as the conflict names.
  return Array.from({ length: c.items.length }, (_, i) => c.partyAt(i));
}

function keyOf(c: ConflictRecord): string {
  return `${c.atMs} ${c.severity} ${c.rule} ${partiesOf(c)
    .map((p) => `${p.type}:${p.id}@${p.type === 'visit' ? '' : `${p.start}-${p.end}`}`)
    .join(',')}`;
}

describe('ConflictRecord.compareItems', () => {
  // Items that share starts, ends and ids (across types), and visits among them.
  const party = fc.oneof(
    fc.record({
      type: fc.constantFrom('event', 'leg', 'window'),
      id: fc.stringMatching(/^[a-c0-9|:]{0,3}$/),
      start: fc.integer({ min: 0, max: 3 }),
      span: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({ type: fc.constant('visit'), id: fc.stringMatching(/^[a-c0-9]{0,3}$/) }),
  );
  type Drawn = { type: string; id: string; start?: number; span?: number };
  const keyed = fc
    .record({
      rule: fc.constantFrom('overlap', 'local-hours'),
      parties: fc.array(party, { minLength: 1, maxLength: 3 }),
    })
    .map(({ rule, parties }) => {
      const built = (parties as Drawn[]).map((p): Party =>
        p.type === 'visit'
          ? { type: 'visit', id: p.id, title: p.id, optional: false, status: 'confirmed' }
          : ({ type: p.type, id: p.id, start: p.start, end: p.start! + p.span!, title: p.id } as never),
      );
      return {
        parties: built,
        conflict: build({
          rule,
          severity: 'warning',
          parties: built,
          participantIds: [],
          atMs: 0,
          marginMs: 0,
          margin: '',
          explain: () => '',
        }),
      };
    });

  it('orders two conflicts of one rule by their items in time order, and of two rules by id', () => {
    fc.assert(
      fc.property(keyed, keyed, (a, b) => {
        const expected =
          a.conflict.rule === b.conflict.rule
            ? Math.sign(partiesInOrder(a.parties, b.parties))
            : Math.sign(a.conflict.id < b.conflict.id ? -1 : a.conflict.id > b.conflict.id ? 1 : 0);
        expect(Math.sign(a.conflict.compareItems(b.conflict))).toBe(expected);
        expect(Math.sign(b.conflict.compareItems(a.conflict))).toBe(0 - expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ConflictRecord.participantIds', () => {
  it('lists the parties’ participants, sorted and each once, when the rule leaves them out', () => {
    const item = (id: string, participants: string[]) =>
      ({ type: 'event', id, start: 0, end: 1, title: id, participants }) as never;
    const c = build({
      rule: 'overlap',
      severity: 'info',
      parties: [item('a', ['xi', 'trump']), item('b', ['lee', 'xi'])],
      atMs: 0,
      marginMs: 1,
      margin: '',
      explain: () => '',
    });
    expect(c.participantIds).toEqual(['lee', 'trump', 'xi']);
    expect(c.participantIds).toBe(c.participantIds);
    const given = build({
      rule: 'double-booking',
      severity: 'error',
      parties: [item('a', ['xi', 'trump']), item('b', ['xi'])],
      participantIds: ['xi'],
      atMs: 0,
      marginMs: 1,
      margin: '',
      explain: () => '',
    });
    expect(given.participantIds).toEqual(['xi']);
  });
});
