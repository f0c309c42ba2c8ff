import { fireEvent, screen, within } from '@testing-library/react';

/** The date and time parts of a DateTimeField named `name` ("Start" → "Start date", "Start time"). */
export function dateTimeParts(name: string, scope?: HTMLElement) {
  const q = scope ? within(scope) : screen;
  return {
    date: q.getByLabelText(`${name} date`) as HTMLInputElement,
    time: q.getByLabelText(`${name} time`) as HTMLInputElement,
  };
}

/** What a DateTimeField shows, as "YYYY-MM-DDT" plus the time as written (on the 24-hour clock "HH:mm"). */
export function shownDateTime(name: string, scope?: HTMLElement): string {
  const { date, time } = dateTimeParts(name, scope);
  return `${date.value}T${time.value}`;
}

/** Enter a local "YYYY-MM-DDTHH:mm" into a DateTimeField: the date picked, the time typed. */
export function enterDateTime(name: string, local: string, scope?: HTMLElement): void {
  const { date, time } = dateTimeParts(name, scope);
  fireEvent.change(date, { target: { value: local.slice(0, 10) } });
  fireEvent.change(time, { target: { value: local.slice(11) } });
  fireEvent.blur(time);
}
