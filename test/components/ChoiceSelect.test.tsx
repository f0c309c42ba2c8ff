import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChoiceSelect } from '../../src/components/ChoiceSelect';
import { EVENT_KINDS, STATUSES } from '../../src/domain/model/model';

describe('ChoiceSelect', () => {
  it('is a labelled select of the choices, in their words, and hands over the value chosen', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <ChoiceSelect
        label="Kind"
        value="talks"
        choices={EVENT_KINDS}
        describe={(k) => k.replace('-', ' ')}
        onChange={onChange}
      />,
    );
    const select = screen.getByLabelText('Kind');
    expect(select).toHaveValue('talks');
    const options = within(select).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => o.value)).toEqual([...EVENT_KINDS]);
    expect(options.find((o) => o.value === 'visit-day')).toHaveTextContent('visit day');
    await user.selectOptions(select, 'visit-day');
    expect(onChange).toHaveBeenCalledWith('visit-day');
  });

  it('shows the choices as they are when given no words for them', () => {
    render(<ChoiceSelect label="Status" value="held" choices={STATUSES} onChange={vi.fn()} />);
    const select = screen.getByLabelText('Status');
    expect(select).toHaveValue('held');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([...STATUSES]);
  });
});
