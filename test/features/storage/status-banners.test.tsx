import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, LAST_BACKUP_KEY } from '../../../src/db';
import { resetSamplePlan } from '../../../src/db/seed';
import { StatusBanners } from '../../../src/features/storage/StatusBanners';
import { initialStatusState, useStatusStore } from '../../../src/store/status-store';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';

beforeEach(async () => {
  await resetSamplePlan(db, new Date().toISOString());
  await db.meta.delete(LAST_BACKUP_KEY);
  useUiStore.setState(initialUiState());
  useStatusStore.setState({ ...initialStatusState(), storageMode: 'indexeddb' });
});
afterAll(() => db.close());

describe('status banners', () => {
  it('offers a new version, and with an edit open waits for the editor to close, saying so', async () => {
    const user = userEvent.setup();
    const apply = vi.fn();
    useStatusStore.getState().setUpdate('ready', apply);
    useUiStore.getState().openEditor({ mode: 'new' });
    render(<StatusBanners />);
    const banner = screen.getByRole('status');
    expect(banner).toHaveTextContent('A new version of Summitry is ready.');
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(apply).not.toHaveBeenCalled();
    expect(banner).toHaveTextContent('Summitry will reload as soon as you save or cancel the item you are editing.');
    act(() => useUiStore.getState().closeEditor());
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('keeps the memory-only warning with its export, whatever else happens', () => {
    useStatusStore.getState().setStorage('memory', 'InvalidStateError: refused');
    render(<StatusBanners />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Your plan is only in memory.');
    expect(alert).toHaveTextContent('(the browser said: “InvalidStateError: refused”)');
    expect(screen.getByRole('button', { name: 'Export the plan (.json)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Later|Dismiss/ })).toBeNull();
  });

  it('reports an upgrade waiting on other tabs, and a database closed by a newer tab', () => {
    useStatusStore.getState().setDbNotice('blocked');
    const { rerender } = render(<StatusBanners />);
    expect(screen.getByRole('alert')).toHaveTextContent('Close other Summitry tabs to finish the upgrade.');
    act(() => useStatusStore.getState().setDbNotice('closed'));
    rerender(<StatusBanners />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Summitry was upgraded in another tab, so this tab can no longer save.',
    );
  });

  it('reminds about a backup more than a week old, and not about a recent one', async () => {
    await db.meta.put({ key: LAST_BACKUP_KEY, value: new Date(Date.now() - 8 * 86_400_000).toISOString() });
    render(<StatusBanners />);
    expect(await screen.findByText(/Your last backup is 8 days old\./)).toBeInTheDocument();
    // A newer backup is read through the live query; the reminder goes (a condition, not a wait).
    await db.meta.put({ key: LAST_BACKUP_KEY, value: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    await waitFor(() => expect(screen.queryByText(/Your last backup is/)).toBeNull());
  });
});
