import { describe, expect, it } from 'vitest';
import { changeCount, entryChanges, parseRecord, type HistoryEntry } from '../../../../src/domain/model';

const entry = (added?: HistoryEntry['added']): HistoryEntry => ({
  id: 'h-1',
  at: '2026-12-06T00:00:00.000Z',
  deviceId: 'd-1',
  label: 'Imported x.json',
  kind: 'import',
  itemKeys: ['events/e-9', '*compact'],
  changes: [
    {
      table: 'events',
      id: 'e-9',
      title: 'Nine',
      before: { id: 'e-9', rev: 2 },
      after: { id: 'e-9', rev: 3 },
      brief: true,
    },
  ],
  ...(added ? { added } : {}),
});

describe('a history entry’s added records, in columns', () => {
  it('entryChanges gives each added record as a brief change after the entry’s own changes', () => {
    const e = entry({
      events: { ids: ['e-1', 'e-2'], titles: ['One', 'Two'], revs: [1, 4] },
      places: { ids: ['p-1'], titles: ['Busan'], revs: [1] },
    });
    expect(entryChanges(e).map((c) => `${c.table}/${c.id}`)).toEqual([
      'events/e-9',
      'events/e-1',
      'events/e-2',
      'places/p-1',
    ]);
    expect(entryChanges(e)[2]).toEqual({
      table: 'events',
      id: 'e-2',
      title: 'Two',
      before: null,
      after: { id: 'e-2', rev: 4 },
      brief: true,
    });
    expect(changeCount(e)).toBe(4);
    // Read once per entry: the same array comes back.
    expect(entryChanges(e)).toBe(entryChanges(e));
  });

  it('an entry without added records reads as its changes', () => {
    const e = entry();
    expect(entryChanges(e)).toBe(e.changes);
    expect(changeCount(e)).toBe(1);
  });

  it('columns of different lengths are refused by the schema', () => {
    expect(() =>
      parseRecord('history', entry({ events: { ids: ['e-1', 'e-2'], titles: ['One'], revs: [1, 1] } })),
    ).toThrow();
    expect(parseRecord('history', entry({ events: { ids: ['e-1'], titles: ['One'], revs: [1] } })).added).toEqual({
      events: { ids: ['e-1'], titles: ['One'], revs: [1] },
    });
  });
});
