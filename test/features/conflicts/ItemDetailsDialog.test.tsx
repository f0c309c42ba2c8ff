import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { ItemDetailsDialog } from '../../../src/features/conflicts/ItemDetailsDialog';

const plan = buildSamplePlan();

describe('ItemDetailsDialog', () => {
  it('shows a window with its place and, with no participants, "Everyone"', () => {
    render(
      <ItemDetailsDialog item={{ type: 'window', id: 'apec-2025-week', title: 'x' }} plan={plan} onClose={vi.fn()} />,
    );
    const dialog = screen.getByRole('dialog', { name: "APEC 2025 Economic Leaders' Week" });
    const terms = [...dialog.querySelectorAll('dt')].map(
      (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
    );
    expect(terms).toEqual(expect.arrayContaining(['Type: window', 'Status: Held', 'Place: Gyeongju', 'Who: Everyone']));
    expect(within(dialog).getByText(/CSOM 27–28 Oct/)).toBeInTheDocument();
  });

  it('shows a visit with its guest and host country', () => {
    render(
      <ItemDetailsDialog
        item={{ type: 'visit', id: 'trump-china-2026-first', title: 'x' }}
        plan={plan}
        onClose={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Trump visit to China — as first set' });
    expect(dialog).toHaveTextContent('visit');
    expect(dialog).toHaveTextContent('Postponed');
    expect(dialog).toHaveTextContent('Donald J. Trump to China');
  });

  it('says so when the item is no longer in the plan', () => {
    render(
      <ItemDetailsDialog item={{ type: 'leg', id: 'gone', title: 'A leg that was' }} plan={plan} onClose={vi.fn()} />,
    );
    expect(screen.getByRole('dialog', { name: 'A leg that was' })).toHaveTextContent(
      'This item is no longer in the plan.',
    );
  });
});
