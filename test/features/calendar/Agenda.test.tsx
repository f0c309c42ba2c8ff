import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Agenda, agendaRows } from '../../../src/features/calendar/Agenda';
import { toCalendarEvents } from '../../../src/features/calendar/calendar-adapter';
import { EMPTY_FILTERS, useUiStore } from '../../../src/store/ui-store';
import { makeAllDayEvent, makeEvent } from '../../helpers/factories';

const ZONE = 'America/New_York';
/** March 2027 in New York, as FullCalendar's list gives it. */
const MARCH = { start: '2027-03-01T05:00:00.000Z', end: '2027-04-01T04:00:00.000Z' };

const inputs = (events: ReturnType<typeof makeEvent>[]) =>
  toCalendarEvents(
    { events, legs: [], windows: [], places: [], participants: [] },
    { displayZone: ZONE, includeOptional: true, filters: EMPTY_FILTERS },
  );

beforeEach(() => useUiStore.setState({ editor: null }));

describe('agendaRows', () => {
  it('lists the items meeting the range under their local day in the display zone, all-day first, then by start', () => {
    const late = makeEvent({ title: 'Late', startsAt: '2027-03-03T03:30:00.000Z', endsAt: '2027-03-03T04:00:00.000Z' });
    const early = makeEvent({
      title: 'Early',
      startsAt: '2027-03-02T14:00:00.000Z',
      endsAt: '2027-03-02T15:00:00.000Z',
    });
    const allDay = makeAllDayEvent('2027-03-02', '2027-03-02', 'Asia/Seoul', { title: 'All day' });
    const before = makeEvent({
      title: 'February',
      startsAt: '2027-02-20T14:00:00.000Z',
      endsAt: '2027-02-20T15:00:00.000Z',
    });
    const across = makeAllDayEvent('2027-02-27', '2027-03-01', 'Asia/Seoul', { title: 'Across' });
    const rows = agendaRows(inputs([late, early, allDay, before, across]), MARCH, ZONE);
    expect(rows.map((r) => [r.date, r.input.title])).toEqual([
      ['2027-03-01', 'Across'],
      ['2027-03-02', 'All day'],
      ['2027-03-02', 'Early'],
      // 03:30 UTC on the 3rd is 22:30 on the 2nd in New York.
      ['2027-03-02', 'Late'],
    ]);
  });
});

describe('Agenda', () => {
  const many = Array.from({ length: 100 }, (_, i) =>
    makeEvent({
      id: `busy-${i}` as ReturnType<typeof makeEvent>['id'],
      title: `Busy ${i}`,
      startsAt: new Date(Date.parse('2027-03-01T14:00:00.000Z') + i * 3_600_000).toISOString(),
      endsAt: new Date(Date.parse('2027-03-01T14:30:00.000Z') + i * 3_600_000).toISOString(),
    }),
  );

  it('draws a first page grouped by day, each row placed in the whole list; Show more adds rows; a row opens its item', async () => {
    const user = userEvent.setup();
    const onDetails = vi.fn();
    render(<Agenda rows={agendaRows(inputs(many), MARCH, ZONE)} title="March 2027" onDetails={onDetails} />);
    const agenda = screen.getByRole('region', { name: 'Agenda, March 2027' });
    expect(
      within(agenda).getByText('100 items in March 2027, day by day. Filters narrow the list.'),
    ).toBeInTheDocument();
    expect(within(agenda).getByRole('heading', { name: 'Mon 1 Mar 2027' })).toBeInTheDocument();
    const rows = () => agenda.querySelectorAll('li[aria-posinset]');
    const first = rows().length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(100);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '100');
    await user.click(within(agenda).getByText(/^Show \d+ more$/));
    expect(rows()).toHaveLength(100);
    expect(rows()[first]!.querySelector('button')).toHaveFocus();
    await user.click(within(agenda).getByText('Busy 3'));
    expect(useUiStore.getState().editor).toMatchObject({ mode: 'edit', type: 'event', id: 'busy-3' });
    expect(onDetails).not.toHaveBeenCalled();
  });
});
