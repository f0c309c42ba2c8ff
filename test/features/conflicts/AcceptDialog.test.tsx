import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AcceptDialog } from '../../../src/features/conflicts/AcceptDialog';
import { makeConflict } from '../../helpers/conflict-factory';

const entry = {
  conflict: makeConflict({ rule: 'transit', explanation: 'Short by 2 h.' }),
  state: 'open' as const,
  changedItems: [],
};

describe('AcceptDialog', () => {
  it('requires a note, then hands it over', async () => {
    const user = userEvent.setup();
    const onAccept = vi.fn(async () => undefined);
    render(<AcceptDialog entry={entry} onAccept={onAccept} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Accept this conflict' });
    expect(dialog).toHaveTextContent('Too little time to travel: Short by 2 h.');
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Say why this conflict is acceptable.');
    expect(onAccept).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Why is it acceptable? (required)'), 'Air Force One waits.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    expect(onAccept).toHaveBeenCalledWith('Air Force One waits.');
  });

  it('shows why a save failed and stays open', async () => {
    const user = userEvent.setup();
    render(
      <AcceptDialog
        entry={entry}
        onAccept={() => Promise.reject(new Error('Acceptance: note is too long'))}
        onClose={vi.fn()}
      />,
    );
    await user.type(screen.getByLabelText('Why is it acceptable? (required)'), 'x');
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: Acceptance: note is too long');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
