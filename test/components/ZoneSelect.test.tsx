import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ZoneSelect } from '../../src/components/ZoneSelect';

function Harness({
  initial,
  onChange,
  required = true,
}: {
  initial: string;
  onChange: (z: string) => void;
  required?: boolean;
}) {
  const [value, setValue] = useState(initial);
  return (
    <ZoneSelect
      label="Time zone"
      required={required}
      value={value}
      onChange={(z) => {
        onChange(z);
        setValue(z);
      }}
    />
  );
}

const options = () => within(screen.getByRole('listbox', { name: 'Zones found' })).getAllByRole('option');

describe('ZoneSelect', () => {
  it('is a labelled combobox showing the zone, its UTC offset, label and country', () => {
    render(<Harness initial="Asia/Shanghai" onChange={() => {}} />);
    const box = screen.getByRole('combobox', { name: 'Time zone' });
    expect(box).toHaveValue('Asia/Shanghai');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveAccessibleDescription('UTC+8 · CST (China) · China');
  });

  it.each([
    ['Seoul', 'Asia/Seoul', 'Seoul South Korea · Asia/Seoul UTC+9 KST'],
    ['Korea', 'Asia/Seoul', 'Seoul South Korea · Asia/Seoul UTC+9 KST'],
    ['Kolkata', 'Asia/Kolkata', 'Kolkata India · Asia/Kolkata UTC+5:30 IST (India)'],
    ['New York', 'America/New_York', null],
  ])('finds “%s” and picks %s from the keyboard', async (query, zone, text) => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="UTC" onChange={onChange} />);
    const box = screen.getByRole('combobox', { name: 'Time zone' });
    await user.click(box);
    await user.keyboard('{Control>}a{/Control}');
    await user.keyboard(query);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const first = options()[0]!;
    if (text) expect(first).toHaveTextContent(text);
    expect(box).toHaveAttribute('aria-activedescendant', first.id);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith(zone);
    expect(box).toHaveValue(zone);
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('never offers the old names such as Asia/Calcutta', async () => {
    const user = userEvent.setup();
    render(<Harness initial="UTC" onChange={() => {}} />);
    await user.click(screen.getByRole('combobox', { name: 'Time zone' }));
    await user.keyboard('{Control>}a{/Control}Calcutta');
    expect(options().map((o) => o.textContent)).toEqual([expect.stringContaining('Asia/Kolkata')]);
  });

  it('moves with the arrows, and Escape puts the zone back and changes nothing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="Europe/Madrid" onChange={onChange} />);
    const box = screen.getByRole('combobox', { name: 'Time zone' });
    await user.click(box);
    await user.keyboard('{Control>}a{/Control}UTC+9');
    const listed = options();
    expect(listed.length).toBeGreaterThan(2);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', listed[1]!.id);
    expect(listed[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('Europe/Madrid');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says so when nothing matches, and leaving the field keeps the zone', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="Europe/Madrid" onChange={onChange} />);
    const box = screen.getByRole('combobox', { name: 'Time zone' });
    await user.click(box);
    await user.keyboard('{Control>}a{/Control}Atlantis');
    expect(screen.getByText(/No zone matches “Atlantis”/)).toBeInTheDocument();
    await user.tab();
    expect(box).toHaveValue('Europe/Madrid');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('takes a zone name typed in full when leaving the field', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="Europe/Madrid" onChange={onChange} />);
    await user.click(screen.getByRole('combobox', { name: 'Time zone' }));
    await user.keyboard('{Control>}a{/Control}asia/calcutta');
    await user.tab();
    expect(onChange).toHaveBeenCalledWith('Asia/Kolkata');
  });

  it('offers “No zone” when a zone is not required', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="Asia/Seoul" required={false} onChange={onChange} />);
    await user.click(screen.getByRole('combobox', { name: 'Time zone' }));
    expect(options()[0]).toHaveTextContent('No zone');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith('');
  });
});
