import { describe, expect, it } from 'vitest';
import { parseEntity } from '../../../src/domain/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { emptyLegForm, formToLeg, legToForm } from '../../../src/features/route/leg-form';
import { emptyStopForm, eventToStopForm, formToStopEvent } from '../../../src/features/route/stop-form';

const plan = buildSamplePlan();
const newId = () => 'new-id';

describe('leg form', () => {
  it('reads and writes each end in its own local time', () => {
    const leg = plan.legs.find((l) => l.id === 'draft-leg-2')!;
    const form = legToForm(leg, plan.places);
    expect([form.departs, form.arrives]).toEqual(['2025-10-28T18:00', '2025-10-28T21:10']);
    const result = formToLeg(form, plan.places, newId, leg);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(parseEntity('legs', result.value)).toEqual(parseEntity('legs', { ...leg, updatedAt: undefined }));
  });

  it('round-trips every sample leg', () => {
    for (const leg of plan.legs) {
      const result = formToLeg(legToForm(leg, plan.places), plan.places, newId, leg);
      expect(result.ok && parseEntity('legs', result.value)).toEqual(
        parseEntity('legs', { ...leg, updatedAt: undefined }),
      );
    }
  });

  it('explains what is missing or wrong in plain words', () => {
    const empty = formToLeg(emptyLegForm(), plan.places, newId);
    expect(!empty.ok && empty.errors).toEqual({
      fromPlaceId: 'Choose where the leg departs from.',
      toPlaceId: 'Choose where the leg arrives.',
      departs: 'Give the departure time.',
      arrives: 'Give the arrival time.',
    });
    const same = formToLeg(
      emptyLegForm({ fromPlaceId: 'pek', toPlaceId: 'pek', departs: '2025-10-28T18:00', arrives: '2025-10-28T19:00' }),
      plan.places,
      newId,
    );
    expect(!same.ok && same.errors.toPlaceId).toBe('The arrival place must differ from the departure place.');
    // 18:00 in Beijing is 19:00 in Busan: arriving at 18:30 Busan time is half an hour before leaving.
    const backwards = formToLeg(
      emptyLegForm({ fromPlaceId: 'pek', toPlaceId: 'pus', departs: '2025-10-28T18:00', arrives: '2025-10-28T18:30' }),
      plan.places,
      newId,
    );
    expect(!backwards.ok && backwards.errors.arrives).toBe(
      'The arrival must be after the departure. It departs Tue 28 Oct 2025, 18:00 CST (China) in Beijing Capital International Airport and would arrive Tue 28 Oct 2025, 18:30 KST in Gimhae International Airport / Gimhae Air Base, 30 min before it leaves.',
    );
    const unreal = formToLeg(
      emptyLegForm({ fromPlaceId: 'pek', toPlaceId: 'pus', departs: '2025-02-30T18:00', arrives: '2025-10-28T18:30' }),
      plan.places,
      newId,
    );
    expect(!unreal.ok && unreal.errors.departs).toBe('Give a real date and time.');
  });

  it('builds a new leg with an id, dropping empty carrier and number', () => {
    const result = formToLeg(
      emptyLegForm({
        fromPlaceId: 'pus',
        toPlaceId: 'gyeongju',
        mode: 'road',
        departs: '2025-10-29T10:00',
        arrives: '2025-10-29T11:05',
        carrier: '  ',
        visitId: 'trump-korea-2025',
      }),
      plan.places,
      newId,
    );
    expect(result.ok && result.value).toMatchObject({
      id: 'new-id',
      departsAt: '2025-10-29T01:00:00.000Z',
      arrivesAt: '2025-10-29T02:05:00.000Z',
      visitId: 'trump-korea-2025',
    });
    expect(result.ok && 'carrier' in result.value).toBe(false);
  });
});

describe('stop form', () => {
  it('edits an item in local time at its place, keeping what the form does not show', () => {
    const e = plan.events.find((x) => x.id === 'draft-welcome-talks')!;
    const form = eventToStopForm(e, plan.places);
    expect([form.start, form.end, form.placeId]).toEqual(['2025-10-27T10:00', '2025-10-27T12:30', 'great-hall']);
    const result = formToStopEvent({ ...form, start: '2025-10-27T09:30' }, plan.places, newId, e);
    expect(result.ok && result.value).toMatchObject({
      startsAt: '2025-10-27T01:30:00.000Z',
      topics: e.topics,
      sources: e.sources,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('adds an all-day stop item and refuses backwards dates', () => {
    const ok = formToStopEvent(
      emptyStopForm({
        placeId: 'shanghai',
        title: 'Shanghai day',
        allDay: true,
        start: '2025-10-28',
        end: '2025-10-28',
        visitId: 'draft-state-visit-2025',
      }),
      plan.places,
      newId,
    );
    expect(ok.ok && parseEntity('events', ok.value)).toMatchObject({
      startsAt: '2025-10-27T16:00:00.000Z',
      endsAt: '2025-10-28T16:00:00.000Z',
      visitId: 'draft-state-visit-2025',
    });
    const back = formToStopEvent(
      emptyStopForm({ placeId: 'shanghai', title: 'x', allDay: true, start: '2025-10-28', end: '2025-10-27' }),
      plan.places,
      newId,
    );
    expect(!back.ok && back.errors.end).toBe('The last day must be on or after the first day.');
    const none = formToStopEvent(emptyStopForm(), plan.places, newId);
    expect(!none.ok && Object.keys(none.errors).sort()).toEqual(['end', 'placeId', 'start', 'title']);
  });
});
