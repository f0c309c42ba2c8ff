import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { RangeCheckPanel } from '../../../src/features/conflicts/RangeCheckPanel';
import { initialConflictsViewState, useConflictsViewStore } from '../../../src/store/conflicts-view-store';

const plan = buildSamplePlan();
beforeEach(() => useConflictsViewStore.setState(initialConflictsViewState()));

function renderPanel(displayZone = 'Europe/London') {
  const onOpenItem = vi.fn();
  render(<RangeCheckPanel plan={plan} displayZone={displayZone} includeOptional onOpenItem={onOpenItem} />);
  return { onOpenItem };
}

describe('RangeCheckPanel', () => {
  it('starts from the dates of the visit still being planned, leaving out its own items', () => {
    renderPanel('Asia/Shanghai');
    expect(screen.getByLabelText('Take the dates of')).toHaveValue('draft-state-visit-2025');
    expect(screen.getByLabelText('First day')).toHaveValue('2025-10-25');
    expect(screen.getByLabelText('Last day')).toHaveValue('2025-10-28');
    const overlaps = screen.getByRole('region', { name: /^Overlaps/ });
    expect(within(overlaps).queryByRole('button', { name: 'State banquet' })).not.toBeInTheDocument();
    expect(within(overlaps).getByRole('button', { name: /Fifth round of trade talks/ })).toBeInTheDocument();
  });

  it("finds the APEC leaders' meeting for 28 Oct – 2 Nov 2025, and says by how much a shorter range misses it", async () => {
    const user = userEvent.setup();
    const { onOpenItem } = renderPanel();
    await user.selectOptions(screen.getByLabelText('Take the dates of'), '');
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2025-10-28' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2025-11-02' } });
    const overlaps = screen.getByRole('region', { name: /^Overlaps/ });
    const apec = within(overlaps).getByRole('button', { name: "32nd APEC Economic Leaders' Meeting, Gyeongju" });
    expect(
      within(overlaps).getByText("Takes in all of “32nd APEC Economic Leaders' Meeting, Gyeongju” (2 days)."),
    ).toBeInTheDocument();
    await user.click(apec);
    expect(onOpenItem).toHaveBeenCalledWith({
      type: 'event',
      id: 'apec-leaders-2025',
      title: "32nd APEC Economic Leaders' Meeting, Gyeongju",
    });

    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2025-10-28' } });
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2025-10-25' } });
    const near = screen.getByRole('region', { name: /^Within 7 days/ });
    expect(
      within(near).getByText("Ends 2 days before “32nd APEC Economic Leaders' Meeting, Gyeongju” starts."),
    ).toBeInTheDocument();
  });

  it('explains a backwards range instead of listing', () => {
    renderPanel();
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2025-11-05' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2025-11-01' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The last day must be on or after the first day.');
  });
});
