import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ItemMissing } from '../../src/components/ItemMissing';

describe('ItemMissing', () => {
  it('says the item is gone, by default as "Item not found", and closes', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<ItemMissing onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Item not found' });
    expect(dialog).toHaveTextContent('This item no longer exists. It may have been deleted in another tab.');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('takes the title and the words of the view that opened it', () => {
    render(
      <ItemMissing
        title="Beijing South → Shanghai Hongqiao"
        message="This item is no longer in the plan."
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByRole('dialog', { name: 'Beijing South → Shanghai Hongqiao' })).toHaveTextContent(
      'This item is no longer in the plan.',
    );
  });
});
