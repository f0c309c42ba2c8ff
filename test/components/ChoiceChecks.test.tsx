import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChoiceChecks } from '../../src/components/ChoiceChecks';

const NAMES: Record<string, string> = { trump: 'Donald J. Trump', xi: 'Xi Jinping', lee: 'Lee Jae-myung' };

function Harness({ initial, onChange }: { initial: string[]; onChange: (ids: string[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <ChoiceChecks
      legend="Participants"
      choices={['trump', 'xi', 'lee']}
      describe={(id) => NAMES[id] ?? id}
      value={value}
      onChange={(ids) => {
        onChange(ids);
        setValue(ids);
      }}
    />
  );
}

describe('ChoiceChecks', () => {
  it('is a group of labelled checkboxes; ticking adds a choice last, unticking takes it out', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial={['xi']} onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Participants' });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).checked),
    ).toEqual([false, true, false]);
    await user.click(within(group).getByLabelText('Lee Jae-myung'));
    expect(onChange).toHaveBeenLastCalledWith(['xi', 'lee']);
    await user.click(within(group).getByLabelText('Donald J. Trump'));
    expect(onChange).toHaveBeenLastCalledWith(['xi', 'lee', 'trump']);
    await user.click(within(group).getByLabelText('Xi Jinping'));
    expect(onChange).toHaveBeenLastCalledWith(['lee', 'trump']);
    expect(within(group).getByLabelText('Xi Jinping')).not.toBeChecked();
  });

  it('shows the choices as they are when given no words for them', () => {
    render(
      <ChoiceChecks
        legend="Severity"
        className="severity-filter"
        choices={['error', 'warning']}
        value={[]}
        onChange={vi.fn()}
      />,
    );
    const group = screen.getByRole('group', { name: 'Severity' });
    expect(group).toHaveClass('severity-filter');
    expect(within(group).getByLabelText('warning')).not.toBeChecked();
  });
});
