import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../src/domain/conflicts/types';
import type { Participant, Place } from '../../../src/domain/model/model';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { localToInstant } from '../../../src/domain/time/time';
import {
  calendarId,
  parseCalendarId,
  toCalendarEvents,
  type AdapterOptions,
  type CalendarData,
} from '../../../src/features/calendar/calendar-adapter';
import { EMPTY_FILTERS } from '../../../src/store/ui-store';
import { makeAllDayEvent, makeEvent, makeLeg, makeWindow } from '../../helpers/factories';

const busan = {
  id: 'pus',
  name: 'Busan',
  country: 'South Korea',
  lat: 35.18,
  lon: 128.94,
  timeZone: 'Asia/Seoul',
  kind: 'airport',
} as Place;
const beijing = {
  id: 'beijing-south',
  name: 'Beijing South',
  country: 'China',
  lat: 39.87,
  lon: 116.38,
  timeZone: 'Asia/Shanghai',
  kind: 'rail-station',
} as Place;
const shanghai = {
  id: 'shanghai-hongqiao',
  name: 'Shanghai Hongqiao',
  country: 'China',
  lat: 31.19,
  lon: 121.32,
  timeZone: 'Asia/Shanghai',
  kind: 'rail-station',
} as Place;
const trump = { id: 'trump', name: 'Donald Trump', role: 'President', country: 'US', color: '#b22234' } as Participant;
const xi = { id: 'xi', name: 'Xi Jinping', role: 'President', country: 'CN', color: '#de2910' } as Participant;

const data = (over: Partial<CalendarData> = {}): CalendarData => ({
  events: [],
  legs: [],
  windows: [],
  places: [busan, beijing, shanghai],
  participants: [trump, xi],
  ...over,
});
const opts = (over: Partial<AdapterOptions> = {}): AdapterOptions => ({
  displayZone: 'America/New_York',
  includeOptional: true,
  filters: EMPTY_FILTERS,
  ...over,
});

/** A 100-minute meeting at 11:00 in Busan (Asia/Seoul) on a given local date. */
const seoulMeeting = (date: string) =>
  makeEvent({
    title: `Meeting ${date}`,
    timeZone: 'Asia/Seoul',
    placeId: 'pus' as Place['id'],
    startsAt: localToInstant(`${date}T11:00`, 'Asia/Seoul'),
    endsAt: localToInstant(`${date}T12:40`, 'Asia/Seoul'),
  });

describe('toCalendarEvents: zones', () => {
  it.each([
    // New York is on EDT (UTC−4) until 2 Nov 2025, then EST (UTC−5); Seoul is UTC+9 all year.
    ['2025-10-30', '2025-10-30T02:00:00.000Z', '22:00', '22:00–23:40 EDT'],
    ['2025-11-02', '2025-11-02T02:00:00.000Z', '22:00', '22:00–23:40 EDT'],
    ['2025-11-03', '2025-11-03T02:00:00.000Z', '21:00', '21:00–22:40 EST'],
    ['2025-11-05', '2025-11-05T02:00:00.000Z', '21:00', '21:00–22:40 EST'],
  ])('an 11:00 Seoul meeting on %s shows at the right New York hour', (date, instant, startTime, when) => {
    const [out] = toCalendarEvents(data({ events: [seoulMeeting(date)] }), opts());
    // FullCalendar gets the instant itself and places it in the display zone...
    expect(out!.start).toBe(instant);
    expect(out!.allDay).toBe(false);
    // ...and every text the item shows is in the display zone, with the local time at its place beside it.
    expect(out!.extendedProps.item.startTime).toBe(startTime);
    expect(out!.extendedProps.item.displayWhen).toBe(when);
    expect(out!.extendedProps.item.localWhen).toBe('11:00–12:40 KST in Busan');
    expect(out!.extendedProps.item.localDiffers).toBe(true);
  });

  it('in the item’s own zone shows its own hours and no separate local time', () => {
    const [out] = toCalendarEvents(data({ events: [seoulMeeting('2025-10-30')] }), opts({ displayZone: 'Asia/Seoul' }));
    expect(out!.extendedProps.item.displayWhen).toBe('11:00–12:40 KST');
    expect(out!.extendedProps.item.localDiffers).toBe(false);
    expect(out!.extendedProps.item.description).toContain('Thu 30 Oct 2025, 11:00–12:40 KST in Busan');
  });

  it('gives an item that ends on another day its end date', () => {
    const late = makeEvent({
      startsAt: '2025-10-27T02:00:00.000Z',
      endsAt: '2025-10-27T04:30:00.000Z',
      timeZone: 'Asia/Shanghai',
    });
    const [out] = toCalendarEvents(data({ events: [late] }), opts());
    expect(out!.extendedProps.item.displayWhen).toBe('22:00–Mon 27 Oct, 00:30 EDT');
  });

  it('keeps all-day items on their own local dates in every display zone (end exclusive for the calendar)', () => {
    const apec = makeAllDayEvent('2025-10-31', '2025-11-01', 'Asia/Seoul', { title: 'APEC leaders' });
    for (const displayZone of ['America/Los_Angeles', 'Asia/Seoul', 'Pacific/Kiritimati', 'UTC']) {
      const [out] = toCalendarEvents(data({ events: [apec] }), opts({ displayZone }));
      expect([out!.start, out!.end, out!.allDay]).toEqual(['2025-10-31', '2025-11-02', true]);
      expect(out!.extendedProps.item.displayWhen).toBe('31 Oct – 1 Nov 2025, all day');
    }
  });
});

describe('toCalendarEvents: look', () => {
  it('classes an item by kind and status, for colour and style', () => {
    const [out] = toCalendarEvents(data({ events: [makeEvent({ kind: 'summit', status: 'tentative' })] }), opts());
    expect(out!.className.split(' ')).toEqual(
      expect.arrayContaining(['cal-item', 'cal-type-event', 'cal-kind-summit', 'cal-status-tentative']),
    );
    expect(out!.extendedProps.item.description).toMatch(/^Summit, Tentative\./);
  });

  it('marks optional items, and leaves them out when optional items are not included', () => {
    const plain = makeEvent({ title: 'Plain' });
    const optional = makeEvent({ title: 'Shanghai programme', optional: true });
    const rail = makeLeg({ optional: true, number: 'G1' });
    const withOptional = toCalendarEvents(data({ events: [plain, optional], legs: [rail] }), opts());
    expect(withOptional.map((e) => e.title)).toEqual([
      'Plain',
      'Shanghai programme',
      'Rail G1: Beijing South → Shanghai Hongqiao',
    ]);
    expect(withOptional[1]!.className).toContain('cal-optional');
    expect(withOptional[1]!.extendedProps.item.description).toContain('optional');
    const without = toCalendarEvents(
      data({ events: [plain, optional], legs: [rail] }),
      opts({ includeOptional: false }),
    );
    expect(without.map((e) => e.title)).toEqual(['Plain']);
  });

  it('shows legs with their mode, number and local times at both ends', () => {
    const rail = makeLeg({
      mode: 'rail',
      number: 'G17',
      carrier: 'China Railway',
      departsAt: '2025-10-28T01:00:00.000Z',
      arrivesAt: '2025-10-28T05:18:00.000Z',
    });
    const [out] = toCalendarEvents(data({ legs: [rail] }), opts());
    expect(out!.id).toBe(calendarId('leg', rail.id));
    expect(out!.title).toBe('Rail G17: Beijing South → Shanghai Hongqiao');
    expect(out!.className).toContain('cal-kind-rail');
    const item = out!.extendedProps.item;
    expect(item.displayWhen).toBe('21:00–Tue 28 Oct, 01:18 EDT');
    expect(item.localWhen).toBe(
      'departs 09:00 CST (China) Beijing South, arrives Tue 28 Oct 2025, 13:18 CST (China) Shanghai Hongqiao',
    );
    expect(item.description).toContain('Travel leg by rail (China Railway G17)');
  });

  it('puts windows and blackouts behind the items, as background bands on their dates', () => {
    const apec = makeWindow('2025-10-27', '2025-11-01', 'Asia/Seoul', { title: "APEC 2025 Economic Leaders' Week" });
    const blackout = makeWindow('2026-10-01', '2026-10-07', 'Asia/Shanghai', {
      title: 'Golden Week',
      kind: 'blackout',
    });
    const out = toCalendarEvents(
      data({ windows: [apec, blackout] }),
      opts({ filters: { participantIds: ['trump'], kinds: ['summit'], statuses: ['held'] } }),
    );
    expect(out.map((e) => [e.title, e.display, e.start, e.end, e.editable, e.className])).toEqual([
      ["APEC 2025 Economic Leaders' Week", 'background', '2025-10-27', '2025-11-02', false, 'cal-band cal-band-window'],
      ['Golden Week', 'background', '2026-10-01', '2026-10-08', false, 'cal-band cal-band-blackout'],
    ]);
  });

  it('marks items with an error or warning conflict, the worst one, and explains every conflict in words', () => {
    const a = makeEvent({ title: 'A' });
    const b = makeEvent({ title: 'B' });
    const c = makeEvent({ title: 'C' });
    const conflict = (rule: Conflict['rule'], severity: Conflict['severity'], ids: string[]): Conflict => ({
      id: `${rule}:${ids.join('+')}`,
      rule,
      severity,
      items: ids.map((id) => ({ type: 'event', id, title: id })),
      participantIds: [],
      at: a.startsAt,
      marginMs: 0,
      margin: '',
      explanation: `${rule} explained`,
      onlyWith: [],
    });
    const out = toCalendarEvents(
      data({ events: [a, b, c] }),
      opts({
        conflicts: [conflict('overlap', 'info', [a.id, b.id]), conflict('double-booking', 'error', [a.id, b.id])],
      }),
    );
    expect(out[0]!.extendedProps.item.conflictSeverity).toBe('error');
    expect(out[0]!.className).toContain('cal-conflict-error');
    expect(out[0]!.extendedProps.item.conflicts.map((x) => x.rule)).toEqual(['Overlap', 'Double booking']);
    expect(out[0]!.extendedProps.item.description).toContain('2 conflicts: Overlap; Double booking.');
    expect(out[2]!.extendedProps.item.conflictSeverity).toBeUndefined();
    expect(out[2]!.className).not.toContain('cal-conflict');
    // An overlap alone is information: told in words, not marked.
    const [onlyOverlap] = toCalendarEvents(
      data({ events: [c] }),
      opts({ conflicts: [conflict('overlap', 'info', [c.id])] }),
    );
    expect(onlyOverlap!.extendedProps.item.conflictSeverity).toBeUndefined();
    expect(onlyOverlap!.className).not.toContain('cal-conflict');
    expect(onlyOverlap!.extendedProps.item.description).toContain('1 conflict: Overlap.');
  });
});

describe('toCalendarEvents: filters', () => {
  const summit = makeEvent({
    title: 'Summit',
    kind: 'summit',
    status: 'held',
    participantIds: ['trump', 'xi'] as never,
  });
  const call = makeEvent({ title: 'Call', kind: 'call', status: 'tentative', participantIds: ['trump'] as never });
  const flight = makeLeg({ mode: 'flight', status: 'held', participantIds: ['xi'] as never });
  const titles = (filters: AdapterOptions['filters']) =>
    toCalendarEvents(data({ events: [summit, call], legs: [flight] }), opts({ filters })).map((e) => e.title);

  it('shows everything when nothing is ticked', () => {
    expect(titles(EMPTY_FILTERS)).toHaveLength(3);
  });
  it('keeps items that share a chosen participant', () => {
    expect(titles({ ...EMPTY_FILTERS, participantIds: ['xi'] })).toEqual([
      'Summit',
      'Flight: Beijing South → Shanghai Hongqiao',
    ]);
  });
  it('keeps items with a chosen status', () => {
    expect(titles({ ...EMPTY_FILTERS, statuses: ['tentative'] })).toEqual(['Call']);
  });
  it('filters events by kind; legs follow only the participant and status filters', () => {
    expect(titles({ ...EMPTY_FILTERS, kinds: ['call'] })).toEqual([
      'Call',
      'Flight: Beijing South → Shanghai Hongqiao',
    ]);
    expect(titles({ participantIds: ['trump'], kinds: ['summit'], statuses: ['held'] })).toEqual(['Summit']);
  });
});

describe('calendar ids', () => {
  it('round-trip, including ids with colons', () => {
    expect(parseCalendarId(calendarId('event', 'evt:1'))).toEqual({ type: 'event', id: 'evt:1' });
    expect(parseCalendarId(calendarId('leg', 'x'))).toEqual({ type: 'leg', id: 'x' });
    expect(parseCalendarId('visit:1')).toBeNull();
    expect(parseCalendarId('nocolon')).toBeNull();
  });
});

describe('toCalendarEvents on the sample plan', () => {
  it('gives every item a unique id and text for screen readers', () => {
    const plan = buildSamplePlan();
    const out = toCalendarEvents(plan, opts());
    expect(new Set(out.map((e) => e.id)).size).toBe(out.length);
    expect(out.length).toBe(plan.events.length + plan.legs.length + plan.windows.length);
    for (const e of out) expect(e.extendedProps.item.description.length).toBeGreaterThan(10);
    const summit = out.find((e) => e.title === 'Trump–Xi summit, Busan')!;
    expect(summit.extendedProps.item.displayWhen).toBe('22:00–23:40 EDT');
    expect(summit.extendedProps.item.localWhen).toBe(
      '11:00–12:40 KST in Gimhae International Airport / Gimhae Air Base',
    );
  });
});
