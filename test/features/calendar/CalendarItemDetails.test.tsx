import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, repos, resetSamplePlan } from '../../../src/db';
import { CalendarItemDetails } from '../../../src/features/calendar/CalendarItemDetails';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';
import { useUndoStore } from '../../../src/store/undo-store';

configure({ asyncUtilTimeout: 8000 });

beforeEach(async () => {
  await db.open();
  await resetSamplePlan(db);
  useUiStore.setState({ ...initialUiState(), displayZone: 'America/New_York' });
  useUndoStore.getState().dismiss();
});

describe('CalendarItemDetails', () => {
  it('shows a leg in the display zone and at both ends, and moves it from the keyboard, saved at once', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CalendarItemDetails type="leg" id="draft-leg-rail" onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'Rail: Beijing South → Shanghai Hongqiao' });
    expect(dialog).toHaveTextContent('Mon 27 Oct 2025, 21:00–Tue 28 Oct, 01:18 EDT');
    expect(dialog).toHaveTextContent(
      'departs 09:00 CST (China) Beijing South, arrives Tue 28 Oct 2025, 13:18 CST (China) Shanghai Hongqiao',
    );
    const before = (await repos.legs.get('draft-leg-rail'))!;
    screen.getByRole('button', { name: '1 day later' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(async () =>
      expect((await repos.legs.get('draft-leg-rail'))!.departsAt).toBe('2025-10-29T01:00:00.000Z'),
    );
    expect((await repos.legs.get('draft-leg-rail'))!.arrivesAt).toBe('2025-10-29T05:18:00.000Z');
    expect(useUndoStore.getState().message).toBe('Moved "Rail: Beijing South → Shanghai Hongqiao" 1 day later.');
    await useUndoStore.getState().undo!();
    expect((await repos.legs.get('draft-leg-rail'))!.departsAt).toBe(before.departsAt);
  });

  it('shows a window with its local dates, and says so when an item is gone', async () => {
    const { unmount } = render(<CalendarItemDetails type="window" id="apec-2025-week" onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: "APEC 2025 Economic Leaders' Week" });
    expect(dialog).toHaveTextContent('27 Oct – 1 Nov 2025 (local dates in Gyeongju, Asia/Seoul)');
    expect(screen.queryByRole('group', { name: /Move this leg/ })).toBeNull();
    unmount();
    render(<CalendarItemDetails type="leg" id="nothing-here" onClose={vi.fn()} />);
    expect(await screen.findByRole('dialog', { name: 'Item not found' })).toBeInTheDocument();
  });
});
