import { act, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetSamplePlan } from '../../../src/db';
import { CalendarView } from '../../../src/features/calendar/CalendarView';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';

configure({ asyncUtilTimeout: 8000 });

beforeAll(() => {
  // jsdom has no layout: FullCalendar only needs these to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

beforeEach(async () => {
  await db.open();
  await resetSamplePlan(db);
  useUiStore.setState({ ...initialUiState(), displayZone: 'Asia/Seoul' });
});

describe('CalendarView', () => {
  it('opens on the next upcoming item after "now" and puts the view and date in the URL', async () => {
    const onSearchChange = vi.fn();
    // Just after the Busan summit's day began in Seoul: the next item is the Marine One leg on 30 Oct.
    render(
      <CalendarView
        search={new URLSearchParams()}
        onSearchChange={onSearchChange}
        now={() => new Date('2025-10-29T20:00:00.000Z')}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'October 2025' })).toBeInTheDocument();
    await waitFor(() => expect(onSearchChange).toHaveBeenCalled());
    expect(onSearchChange.mock.lastCall![0].toString()).toBe('view=month&date=2025-10-30');
  });

  it('on a first run, moves to the next item once the sample plan has been written', async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    render(
      <CalendarView
        search={new URLSearchParams()}
        onSearchChange={() => undefined}
        now={() => new Date('2026-01-01T00:00:00.000Z')}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'January 2026' })).toBeInTheDocument();
    await act(() => resetSamplePlan(db));
    // The next event after New Year 2026 is the first-set Beijing visit, 31 Mar.
    expect(await screen.findByRole('heading', { name: 'March 2026' })).toBeInTheDocument();
  });

  it('opens on the date and view the URL names', async () => {
    render(<CalendarView search={new URLSearchParams('view=list&date=2026-05-14')} onSearchChange={() => undefined} />);
    expect(await screen.findByRole('heading', { name: 'May 2026' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('remembers filters in the store, and explains the marks in a legend', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <CalendarView search={new URLSearchParams('view=month&date=2025-10-30')} onSearchChange={() => undefined} />,
    );
    await screen.findByRole('heading', { name: 'October 2025' });
    await user.click(await screen.findByRole('checkbox', { name: 'Xi Jinping' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tentative' }));
    expect(useUiStore.getState().filters).toEqual({ participantIds: ['xi'], kinds: [], statuses: ['tentative'] });
    expect(JSON.parse(localStorage.getItem('summitry-ui')!).state.filters.participantIds).toEqual(['xi']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(useUiStore.getState().filters).toEqual({ participantIds: [], kinds: [], statuses: [] });
    expect(screen.getByText('Tentative: striped, dashed edge')).toBeInTheDocument();
    expect(screen.getByText('Conflict: error (see Conflicts)')).toBeInTheDocument();
  });

  it('follows the Today, Previous and Next buttons', async () => {
    const user = userEvent.setup({ delay: null });
    const onSearchChange = vi.fn();
    render(
      <CalendarView
        search={new URLSearchParams('view=month&date=2025-10-30')}
        onSearchChange={onSearchChange}
        now={() => new Date('2026-05-14T03:00:00.000Z')}
      />,
    );
    await screen.findByRole('heading', { name: 'October 2025' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: 'November 2025' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(await screen.findByRole('heading', { name: 'May 2026' })).toBeInTheDocument();
    await act(async () => undefined);
    expect(onSearchChange.mock.lastCall![0].get('date')).toBe('2026-05-14');
  });
});
