import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ItemDetails } from '../../src/components/ItemDetails';

/** The terms and values of the details list, in order, as "term: value". */
const pairs = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent ?? ''}`);

describe('ItemDetails', () => {
  it('lists the rows in order, leaves out falsy ones, then the notes and the sources', () => {
    render(
      <ItemDetails
        title="Rail: Beijing South → Shanghai Hongqiao"
        lead={<p>lead line</p>}
        rows={[
          { label: 'Type', value: 'rail leg' },
          false,
          null,
          undefined,
          '',
          { label: 'Who', value: <em>Xi Jinping</em> },
        ]}
        notes={'Line one\nline two'}
        sources={[{ title: 'Report.az', url: 'https://report.az/x', date: '2025-09-17' }, { title: 'No address' }]}
        onClose={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Rail: Beijing South → Shanghai Hongqiao' });
    expect(within(dialog).getByText('lead line')).toBeInTheDocument();
    expect(pairs(dialog)).toEqual([
      'Type: rail leg',
      'Who: Xi Jinping',
      'Notes: Line one\nline two',
      'Sources: Report.az (2025-09-17)No address',
    ]);
    const link = within(dialog).getByRole('link', { name: 'Report.az' });
    expect(link).toHaveAttribute('href', 'https://report.az/x');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Report.az (2025-09-17)', 'No address']);
  });

  it('shows an unsafe source address as plain text, never as a link', () => {
    render(
      <ItemDetails
        title="Hostile"
        rows={[]}
        sources={[{ title: 'click me', url: 'javascript:alert(1)' }]}
        onClose={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Hostile' });
    expect(within(dialog).queryByRole('link')).toBeNull();
    expect(dialog.querySelector('a')).toBeNull();
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('click me');
  });

  it('has no Notes or Sources without them, puts what the view adds before Close, and closes', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(
      <ItemDetails title="Window" rows={[{ label: 'Who', value: 'Everyone' }]} onClose={onClose}>
        <button type="button">1 day later</button>
      </ItemDetails>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Window' });
    expect(pairs(dialog)).toEqual(['Who: Everyone']);
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1 day later', 'Close']);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('has no details list at all when there is nothing to list', () => {
    render(
      <ItemDetails title="Gone" lead={<p>Nothing here.</p>} rows={[false, undefined]} sources={[]} onClose={vi.fn()} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Gone' });
    expect(dialog.querySelector('dl')).toBeNull();
    expect(dialog).toHaveTextContent('Nothing here.');
  });
});
