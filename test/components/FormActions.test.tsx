import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormActions, FormProblem } from '../../src/components/FormActions';

describe('FormActions and FormProblem', () => {
  it('shows Cancel, the submit label and anything on the left; the submit is disabled while busy', async () => {
    const onCancel = vi.fn();
    const { rerender } = render(
      <FormActions submitLabel="Add place" busy={false} onCancel={onCancel}>
        <button type="button">Delete</button>
      </FormActions>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Delete', 'Cancel', 'Add place']);
    expect(screen.getByRole('button', { name: 'Add place' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<FormActions submitLabel="Add place" busy onCancel={onCancel} />);
    expect(screen.getByRole('button', { name: 'Add place' })).toBeDisabled();
  });

  it('announces a problem and shows nothing without one', () => {
    const { rerender } = render(<FormProblem problem={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<FormProblem problem="Choose a place." />);
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a place.');
  });
});
