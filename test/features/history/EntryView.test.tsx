/**
 * An opened History entry shows each field before → after. A change that holds its "after"
 * shows it in the very first render; only a compact change reads its record from the table.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/domain/model';
import { EntryView } from '../../../src/features/history/EntryView';

const before = { id: 'busan', rev: 1, title: 'Trump–Xi summit, Busan', timeZone: 'Asia/Seoul' };
const entry = (brief: boolean): HistoryEntry => ({
  id: 'h1',
  at: '2026-12-07T05:00:00.000Z',
  deviceId: 'd1',
  label: "Saved 'Busan summit, renamed'",
  kind: 'edit',
  itemKeys: ['events/busan'],
  changes: [
    {
      table: 'events',
      id: 'busan',
      title: 'Busan summit, renamed',
      before,
      after: brief ? { id: 'busan', rev: 2 } : { ...before, rev: 2, title: 'Busan summit, renamed' },
      ...(brief ? { brief: true as const } : {}),
    },
  ],
});
const zoneOf = () => 'Asia/Seoul';
const nameOf = () => undefined;

describe('EntryView', () => {
  it('shows a change’s fields before → after in its first render, not "—" while a read it does not need is under way', () => {
    render(<EntryView entry={entry(false)} zoneOf={zoneOf} nameOf={nameOf} onSaid={() => {}} />);
    const title = screen.getByRole('row', { name: /^Title/ });
    expect(
      within(title)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Trump–Xi summit, Busan', '→ Busan summit, renamed']);
  });

  it('says it is reading a compact change’s record, not "No field changed", until the read comes back', async () => {
    render(<EntryView entry={entry(true)} zoneOf={zoneOf} nameOf={nameOf} onSaid={() => {}} />);
    expect(screen.getByText('Reading the record…')).toBeInTheDocument();
    expect(screen.queryByText('No field changed.')).toBeNull();
    // The record is not in the table (this test's database is empty): changed again since.
    expect(await screen.findByText(/^Changed again since/)).toBeInTheDocument();
  });
});
