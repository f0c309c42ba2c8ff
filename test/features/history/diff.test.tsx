import { describe, expect, it } from 'vitest';
import { fieldRows, fieldWords } from '../../../src/features/history/diff';

const zoneOf = (record: Record<string, unknown>) => (record.timeZone as string) ?? 'UTC';

describe('fieldRows', () => {
  it('lists each changed field in words, before → after, instants in the record’s zone, stamps left out', () => {
    const before = {
      id: 'a',
      rev: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      title: 'Busan meeting',
      startsAt: '2025-10-30T02:00:00.000Z',
      timeZone: 'Asia/Seoul',
      kind: 'summit',
      optional: false,
    };
    const after = {
      ...before,
      rev: 2,
      updatedAt: '2026-01-02T00:00:00.000Z',
      startsAt: '2025-10-30T03:00:00.000Z',
      optional: true,
    };
    const rows = fieldRows(before, after, zoneOf);
    expect(rows.map((r) => r.field)).toEqual(['Starts', 'Optional']);
    expect(rows[0]!.before).toMatch(/30 Oct 2025.*11:00.*KST/);
    expect(rows[0]!.after).toMatch(/30 Oct 2025.*12:00.*KST/);
    expect(rows[1]).toEqual({ field: 'Optional', before: 'No', after: 'Yes' });
  });

  it('names places, participants and visits instead of showing their ids, and keeps an id whose record is gone', () => {
    const names = new Map([
      ['beijing', 'Beijing'],
      ['trump', 'Donald Trump'],
      ['xi', 'Xi Jinping'],
    ]);
    const before = { id: 'e', placeId: 'beijing', participantIds: ['trump'] };
    const after = { id: 'e', placeId: 'gone-place', participantIds: ['trump', 'xi'] };
    const rows = fieldRows(before, after, zoneOf, (id) => names.get(id));
    expect(rows).toEqual([
      { field: 'Place', before: 'Beijing', after: 'gone-place' },
      { field: 'Participants', before: 'Donald Trump', after: 'Donald Trump, Xi Jinping' },
    ]);
  });

  it('shows an added record against nothing and a deleted one the other way', () => {
    const record = { id: 'p', name: 'Busan', notes: '' };
    expect(fieldRows(null, record, zoneOf)).toEqual([
      { field: 'Name', before: '—', after: 'Busan' },
      { field: 'Notes', before: '—', after: '—' },
    ]);
    expect(fieldRows(record, null, zoneOf)[0]).toEqual({ field: 'Name', before: 'Busan', after: '—' });
  });

  it('names unknown fields in words', () => {
    expect(fieldWords('someNewField')).toBe('Some new field');
  });
});
