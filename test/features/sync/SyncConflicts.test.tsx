import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncConflicts } from '../../../src/features/sync/SyncConflicts';
import { useSyncUi } from '../../../src/features/sync/sync-state';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';

beforeEach(() => {
  useUiStore.setState({ ...initialUiState(), displayZone: 'Asia/Seoul' });
  useSyncUi.getState().setSnapshot({
    status: 'online',
    pending: 0,
    members: [
      { id: 'm-1', name: 'Ana', role: 'editor', me: true, online: true },
      { id: 'm-2', name: 'Ben', role: 'editor', me: false, online: true },
    ],
    conflicts: [
      {
        id: 'events/e1/title/w2',
        planId: 'p',
        kind: 'field',
        table: 'events',
        recordId: 'e1',
        title: 'Summit',
        field: 'title',
        kept: { value: 'Summit, Busan', by: 'm-1', at: '2025-10-30T05:30:00.000Z' },
        lost: { value: 'Summit, Gyeongju', by: 'm-2', at: '2025-10-30T05:31:00.000Z' },
      },
    ],
    quarantined: [],
    problem: null,
  } as never);
});

describe('Sync conflicts', () => {
  it('says when each side was written in the display zone, on the clock setting', () => {
    render(<SyncConflicts />);
    expect(screen.getByText(/Summit, Busan — Ana/).textContent).toContain('Thu 30 Oct 2025, 14:30 KST');
    act(() => useUiStore.getState().setClock('12h'));
    expect(screen.getByText(/Summit, Gyeongju — Ben/).textContent).toContain('Thu 30 Oct 2025, 2:31 PM KST');
  });
});
