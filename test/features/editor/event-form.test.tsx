import { describe, expect, it } from 'vitest';
import { emptyEventForm, eventToForm, formToEvent } from '../../../src/features/editor/event-form';
import { parseEntity } from '../../../src/domain/model';
import { makeAllDayEvent, makeEvent } from '../../helpers/factories';

const newId = () => 'evt-new';

describe('event form adapter', () => {
  it("turns local wall-clock times in the item's zone into UTC instants", () => {
    const form = {
      ...emptyEventForm('Asia/Seoul'),
      title: 'Busan meeting',
      start: '2025-10-30T11:00',
      end: '2025-10-30T12:40',
    };
    const result = formToEvent(form, newId);
    expect(result.ok && [result.value.startsAt, result.value.endsAt]).toEqual([
      '2025-10-30T02:00:00.000Z',
      '2025-10-30T03:40:00.000Z',
    ]);
  });

  it('explains missing title, zone and an end before the start in plain words', () => {
    const result = formToEvent({ ...emptyEventForm(''), start: '2025-10-30T11:00', end: '2025-10-30T10:00' }, newId);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual({ title: 'Give the item a title.', timeZone: 'A time zone is required.' });
    const backwards = formToEvent(
      { ...emptyEventForm('UTC'), title: 'x', start: '2025-10-30T11:00', end: '2025-10-30T10:00' },
      newId,
    );
    expect(!backwards.ok && backwards.errors.end).toBe('The end must be after the start.');
  });

  it('round-trips timed and all-day events through the form', () => {
    for (const e of [
      makeEvent({
        title: 'Timed',
        topics: ['TikTok', 'Boeing'],
        sources: [{ title: 'AP', url: 'https://apnews.com/x', date: '2026-05-13' }],
      }),
      makeAllDayEvent('2025-10-31', '2025-11-01', 'Asia/Seoul', { title: 'All day' }),
    ]) {
      const result = formToEvent(eventToForm(e), newId);
      expect(result.ok).toBe(true);
      if (result.ok) expect(parseEntity('events', result.value)).toEqual(parseEntity('events', e));
    }
  });
});
