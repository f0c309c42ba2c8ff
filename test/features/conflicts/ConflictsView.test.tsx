import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetSamplePlan } from '../../../src/db';
import { ConflictsView } from '../../../src/features/conflicts/ConflictsView';
import { initialConflictsViewState, useConflictsViewStore } from '../../../src/store/conflicts-view-store';
import { initialUiState, useUiStore } from '../../../src/store/ui-store';

beforeEach(async () => {
  await resetSamplePlan(db);
  await db.acceptances.clear();
  useConflictsViewStore.setState(initialConflictsViewState());
  useUiStore.setState({ ...initialUiState(), displayZone: 'Asia/Shanghai' });
});

describe('ConflictsView', () => {
  it('switches tools with the tabs, by click and by arrow keys', async () => {
    const user = userEvent.setup();
    render(<ConflictsView />);
    const list = await screen.findByRole('tab', { name: /^Conflict list/ });
    expect(list).toHaveAttribute('aria-selected', 'true');
    list.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'What if' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'What if' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent(/Base plan/);
    await user.keyboard('{End}');
    expect(screen.getByRole('tabpanel', { name: 'Check dates' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Overlap timeline' }));
    expect(screen.getByRole('group', { name: /^Overlap timeline, / })).toBeInTheDocument();
  });

  it('checks 28 Oct – 2 Nov 2025 and finds the APEC leaders\' meeting; events open the editor, legs show their details', async () => {
    const user = userEvent.setup();
    useConflictsViewStore.setState({ panel: 'check' });
    render(<ConflictsView />);
    await user.selectOptions(await screen.findByLabelText('Take the dates of'), '');
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2025-10-28' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2025-11-02' } });
    const overlaps = screen.getByRole('region', { name: /^Overlaps/ });
    await user.click(within(overlaps).getByRole('button', { name: '32nd APEC Economic Leaders\' Meeting, Gyeongju' }));
    expect(useUiStore.getState().editor).toEqual({ mode: 'edit', type: 'event', id: 'apec-leaders-2025' });
    await user.click(within(overlaps).getByRole('button', { name: 'Beijing South → Shanghai Hongqiao' }));
    const details = screen.getByRole('dialog', { name: 'Beijing South → Shanghai Hongqiao' });
    expect(details).toHaveTextContent('rail leg (optional)');
    expect(details).toHaveTextContent('Tue 28 Oct 2025, 09:00–13:18 CST');
    expect(within(details).getByRole('link', { name: /Report\.az/ })).toHaveAttribute('href', expect.stringMatching(/^https:\/\//));
    await user.click(within(details).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
