import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DateTimeField, refuseBadTimes, TimeField } from '../../src/components/DateTimeField';
import { initialUiState, useUiStore } from '../../src/store/ui-store';

/** A form holding one DateTimeField; saving records the value it would send. */
function Form({ initial, onSave }: { initial: string; onSave: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (refuseBadTimes(e.currentTarget)) return;
        onSave(value);
      }}
    >
      <DateTimeField
        label="Start (local time)"
        name="Start"
        hint="Local time in Busan"
        value={value}
        onChange={setValue}
      />
      <button type="button" onClick={() => setValue('2025-10-31T08:05')}>
        Move
      </button>
      <button type="submit">Save</button>
    </form>
  );
}

const setup = (initial = '2025-10-30T14:30') => {
  const onSave = vi.fn();
  const user = userEvent.setup({ delay: null });
  render(<Form initial={initial} onSave={onSave} />);
  const date = screen.getByLabelText('Start date') as HTMLInputElement;
  const time = screen.getByLabelText('Start time') as HTMLInputElement;
  const save = () => user.click(screen.getByRole('button', { name: 'Save' }));
  return { user, onSave, date, time, save };
};

beforeEach(() => {
  useUiStore.setState(initialUiState());
});

describe('DateTimeField: a date and a time typed on the clock setting', () => {
  it('is one labelled group whose parts are named, with the hint describing both', () => {
    const { date, time } = setup();
    expect(screen.getByRole('group', { name: 'Start (local time)' })).toContainElement(time);
    expect(date).toHaveAttribute('type', 'date');
    expect(date).toHaveAccessibleDescription('Local time in Busan');
    expect(time).toHaveAccessibleDescription('Local time in Busan');
  });

  it('shows 14:30 on the 24-hour clock and 2:30 PM on the 12-hour clock, and follows a change of setting', () => {
    const { date, time } = setup();
    expect([date.value, time.value]).toEqual(['2025-10-30', '14:30']);
    act(() => useUiStore.getState().setClock('12h'));
    expect(time.value).toBe('2:30 PM');
    expect(time).toHaveAttribute('placeholder', '2:30 PM');
  });

  it('reads "3:15 pm" on the 12-hour clock, writes it back as 3:15 PM and saves 15:15', async () => {
    act(() => useUiStore.getState().setClock('12h'));
    const { user, onSave, time, save } = setup();
    await user.clear(time);
    await user.type(time, '3:15 pm');
    await user.tab();
    expect(time.value).toBe('3:15 PM');
    await save();
    expect(onSave).toHaveBeenCalledWith('2025-10-30T15:15');
  });

  it.each([
    ['1430', '14:30'],
    ['14.30', '14:30'],
    ['2:30pm', '14:30'],
    ['0905', '09:05'],
  ])('reads %s as %s on the 24-hour clock', async (typed, shown) => {
    const { user, onSave, time, save } = setup('2025-10-30T08:00');
    await user.clear(time);
    await user.type(time, typed);
    await user.tab();
    expect(time.value).toBe(shown);
    await save();
    expect(onSave).toHaveBeenCalledWith(`2025-10-30T${shown}`);
  });

  it('says what to write for a time it cannot read, blocks saving and changes nothing', async () => {
    const { user, onSave, time, save } = setup();
    await user.clear(time);
    await user.type(time, '25:70');
    // No message while typing; it comes when the field is left.
    expect(screen.queryByText('Write a time like 14:30.')).toBeNull();
    await save();
    expect(onSave).not.toHaveBeenCalled();
    const message = screen.getByText('Write a time like 14:30.');
    expect(message).toBeVisible();
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(time).toHaveAccessibleDescription(/Write a time like 14:30\./);
    // The field keeps what was typed and has the focus back; the value is still the last good one.
    expect(time).toHaveFocus();
    expect(time.value).toBe('25:70');
    await user.clear(time);
    await user.type(time, '16:00{Enter}');
    expect(onSave).toHaveBeenCalledWith('2025-10-30T16:00');
    expect(time).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Write a time like 14:30.')).toBeNull();
  });

  it('on the 12-hour clock asks for AM or PM rather than guess, and blocks Enter too', async () => {
    act(() => useUiStore.getState().setClock('12h'));
    const { user, onSave, time } = setup();
    await user.clear(time);
    await user.type(time, '2:30{Enter}');
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Add AM or PM, like 2:30 PM.')).toBeVisible();
    await user.type(time, ' am{Enter}');
    expect(onSave).toHaveBeenCalledWith('2025-10-30T02:30');
  });

  it('keeps a date picked before the time is written, and gives the whole value once both are there', async () => {
    const { user, onSave, date, time, save } = setup('');
    await user.type(date, '2025-11-02');
    expect(date.value).toBe('2025-11-02');
    await save();
    expect(onSave).toHaveBeenLastCalledWith('');
    await user.type(time, '9:45');
    await save();
    expect(onSave).toHaveBeenLastCalledWith('2025-11-02T09:45');
  });

  it('shows a value changed from outside (a Move button), dropping a half-typed time', async () => {
    const { user, date, time } = setup();
    await user.clear(time);
    await user.type(time, '9');
    await user.click(screen.getByRole('button', { name: 'Move' }));
    expect([date.value, time.value]).toEqual(['2025-10-31', '08:05']);
  });
});

describe('TimeField', () => {
  it('is labelled, shows HH:mm on the clock setting and gives HH:mm back', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup({ delay: null });
    function Host() {
      const [v, setV] = useState('09:00');
      return (
        <TimeField
          label="Each day from"
          value={v}
          onChange={(t) => {
            onChange(t);
            setV(t);
          }}
        />
      );
    }
    act(() => useUiStore.getState().setClock('12h'));
    render(<Host />);
    const input = screen.getByLabelText('Each day from') as HTMLInputElement;
    expect(input.value).toBe('9:00 AM');
    await user.clear(input);
    await user.type(input, '7:30 pm');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith('19:30');
    expect(input.value).toBe('7:30 PM');
  });
});
