/** The Conflict list's tab and the Conflicts link count the same things: open errors and warnings. */
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConflictEntry } from '../../../src/domain/conflicts/acceptance';
import { ConflictTabs } from '../../../src/features/conflicts/ConflictTabs';
import { conflictBadge } from '../../../src/features/conflicts/use-conflict-badge';
import { initialConflictsViewState, useConflictsViewStore } from '../../../src/store/conflicts-view-store';
import { makeConflict } from '../../helpers/conflict-factory';

const entry = (
  severity: 'error' | 'warning' | 'info',
  id: string,
  state: ConflictEntry['state'] = 'open',
): ConflictEntry => ({
  conflict: makeConflict({ severity, items: [{ type: 'event', id, title: id }] }),
  state,
  changedItems: [],
});

beforeEach(() => useConflictsViewStore.setState(initialConflictsViewState()));

describe('the Conflict list tab', () => {
  it('shows the Conflicts link badge, in words: open errors and warnings, never info nor accepted ones', () => {
    const entries = [
      entry('error', 'e1'),
      entry('warning', 'w1'),
      entry('warning', 'w2', 'reopened'),
      entry('warning', 'w3', 'accepted'),
      ...Array.from({ length: 31 }, (_, i) => entry('info', `i${i}`)),
    ];
    expect(conflictBadge(entries)).toEqual({ text: '1✕ 2▲', label: '1 error, 2 warnings' });
    render(<ConflictTabs entries={entries} />);
    const tab = screen.getByRole('tab', { name: 'Conflict list, 1 error, 2 warnings to resolve' });
    expect(tab).toHaveTextContent('1✕ 2▲');
    expect(tab).toHaveAttribute('aria-selected', 'true');
  });

  it('has no count when only info-level conflicts are open, like the link', () => {
    const entries = [entry('info', 'i1'), entry('error', 'e1', 'accepted')];
    expect(conflictBadge(entries)).toBeUndefined();
    render(<ConflictTabs entries={entries} />);
    expect(screen.getByRole('tab', { name: 'Conflict list' })).toBeInTheDocument();
  });
});
