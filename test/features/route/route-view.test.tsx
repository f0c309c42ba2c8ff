import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { db, resetSamplePlan } from '../../../src/db';
import type { Conflict } from '../../../src/domain/conflicts/types';
import { buildItinerary } from '../../../src/domain/planning/itinerary';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { ItineraryView } from '../../../src/features/route/ItineraryView';
import { RouteView } from '../../../src/features/route/RouteView';
import { useUiStore } from '../../../src/store/ui-store';
import { useUndoStore } from '../../../src/store/undo-store';
import { enterDateTime, shownDateTime } from '../../helpers/date-time';

// Live queries re-run after each write; on a busy machine that can take more than a second.
configure({ asyncUtilTimeout: 8000 });

const DRAFT_TITLE = 'Trump state visit to China — draft as reported 17 Sep 2025';

beforeEach(async () => {
  await resetSamplePlan(db);
  useUiStore.setState({ includeOptional: true, displayZone: 'Europe/London' });
  useUndoStore.getState().dismiss();
  window.history.replaceState(null, '', '/route');
});
afterAll(() => db.close());

const legRow = (route: RegExp) =>
  screen
    .getAllByRole('listitem')
    .find((li) => li.classList.contains('it-leg') && route.test(li.querySelector('.leg-route')?.textContent ?? ''));
const totals = () => screen.getByText((_, el) => el?.classList.contains('totals-shown') ?? false).textContent;

async function openRoute() {
  const utils = render(<RouteView />);
  await screen.findByRole('heading', { name: new RegExp(DRAFT_TITLE) });
  return utils;
}

describe('the route view on the sample plan', () => {
  it('shows the draft state visit first, with Beijing → Shanghai by rail as an optional leg', async () => {
    await openRoute();
    expect((screen.getByLabelText('Visit') as HTMLSelectElement).value).toBe('draft-state-visit-2025');
    const rail = legRow(/Beijing → Shanghai/)!;
    expect(rail).toBeDefined();
    expect(within(rail).getByText('Rail')).toBeInTheDocument();
    expect(within(rail).getByText('optional')).toBeInTheDocument();
    expect(rail.textContent).toContain('Beijing South → Shanghai Hongqiao');
    expect(rail.textContent).toContain('09:00 CST (China) [01:00 GMT]');
    expect(rail.textContent).toContain('4 h 18 min');
    expect(rail.textContent).toContain('1,062 km');
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Sat 25 Oct 2025',
      'Sun 26 Oct 2025',
      'Mon 27 Oct 2025',
      'Tue 28 Oct 2025',
    ]);
    expect(screen.getByText(/No leg brings the principal here from Shanghai/)).toBeInTheDocument();
  });

  it('leaves the optional leg out when the shared toggle is off, and the totals change', async () => {
    await openRoute();
    expect(totals()).toBe('3 legs, 21 h 8 min, 13,413 km');
    act(() => useUiStore.getState().setIncludeOptional(false));
    await waitFor(() => expect(legRow(/Beijing → Shanghai/)).toBeUndefined());
    expect(totals()).toBe('2 legs, 16 h 50 min, 12,351 km');
    expect(screen.getByText(/With optional legs/).textContent).toContain('3 legs, 21 h 8 min, 13,413 km');
    expect(document.querySelector('[data-leg-id="draft-leg-rail"]')).toBeNull();
  });

  it('draws the legs as great circles and then the bundled land', async () => {
    await openRoute();
    const svg = document.querySelector('svg.route-map-svg')!;
    const focusable = [...svg.querySelectorAll('g.map-leg[role="button"]')];
    expect(focusable.map((g) => g.getAttribute('data-leg-id'))).toEqual([
      'draft-leg-1',
      'draft-leg-rail',
      'draft-leg-2',
    ]);
    expect(focusable[1]!.getAttribute('aria-label')).toMatch(
      /^Leg 2: rail \(optional\), Beijing South to Shanghai Hongqiao/,
    );
    for (const g of focusable) expect(g.querySelector('.leg-line')!.getAttribute('d')!.length).toBeGreaterThan(20);
    await waitFor(() => expect(svg.querySelector('path.land')!.getAttribute('d')!.length).toBeGreaterThan(1000));
    fireEvent.focus(focusable[1]!);
    expect(screen.getByText(/^Leg 2: rail \(optional\)/, { selector: '.map-details' })).toBeInTheDocument();
  });

  it('switches a leg’s optional flag at once, with undo', async () => {
    await openRoute();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Optional (leg 2)' }));
    await waitFor(async () => expect((await db.legs.get('draft-leg-rail'))?.optional).toBe(false));
    expect(useUndoStore.getState().message).toMatch(/no longer optional/);
    await act(() => useUndoStore.getState().undo!());
    await waitFor(async () => expect((await db.legs.get('draft-leg-rail'))?.optional).toBe(true));
  });

  it('moves a leg later by swapping time slots with the next one, with undo', async () => {
    await openRoute();
    const before = await db.legs.bulkGet(['draft-leg-rail', 'draft-leg-2']);
    await userEvent.click(screen.getByRole('button', { name: /^Later: leg 2 takes leg 3's time slot/ }));
    await waitFor(async () => expect((await db.legs.get('draft-leg-2'))?.departsAt).toBe(before[0]!.departsAt));
    const moved = (await db.legs.get('draft-leg-rail'))!;
    expect(Date.parse(moved.arrivesAt) - Date.parse(moved.departsAt)).toBe(
      Date.parse(before[0]!.arrivesAt) - Date.parse(before[0]!.departsAt),
    );
    await act(() => useUndoStore.getState().undo!());
    await waitFor(async () => expect((await db.legs.get('draft-leg-rail'))?.departsAt).toBe(before[0]!.departsAt));
  });

  it('adds a leg through a form that explains a backwards time in plain words', async () => {
    await openRoute();
    await userEvent.click(screen.getByRole('button', { name: 'Add leg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add leg' });
    // It starts from where the route ends, a couple of hours after the arrival.
    expect((within(dialog).getByLabelText('From') as HTMLSelectElement).value).toBe('pus');
    expect(shownDateTime('Departs', dialog)).toBe('2025-10-29T00:00');
    await userEvent.selectOptions(within(dialog).getByLabelText('To'), 'gyeongju');
    enterDateTime('Departs', '2025-10-29T10:00', dialog);
    enterDateTime('Arrives', '2025-10-29T09:30', dialog);
    await userEvent.selectOptions(within(dialog).getByLabelText('Mode'), 'road');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save leg' }));
    expect(
      within(dialog).getByText(
        'The arrival must be after the departure. It departs Wed 29 Oct 2025, 10:00 KST in Gimhae International Airport / Gimhae Air Base and would arrive Wed 29 Oct 2025, 09:30 KST in Gyeongju, 30 min before it leaves.',
      ),
    ).toBeInTheDocument();
    enterDateTime('Arrives', '2025-10-29T11:05', dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save leg' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(legRow(/Busan → Gyeongju/)).toBeDefined());
    const row = legRow(/Busan → Gyeongju/)!;
    expect(row.textContent).toContain('1 h 5 min');
    const stored = (await db.legs.where('visitId').equals('draft-state-visit-2025').toArray()).find(
      (l) => l.toPlaceId === 'gyeongju',
    )!;
    expect([stored.mode, stored.departsAt, stored.participantIds]).toEqual([
      'road',
      '2025-10-29T01:00:00.000Z',
      ['trump'],
    ]);
  });

  it('removes a stop with its programme and the leg that brings the principal there, and undoes it', async () => {
    await openRoute();
    const shanghai = screen
      .getAllByRole('listitem')
      .find((li) => li.classList.contains('it-stop') && li.querySelector('.stop-name')?.textContent === 'Shanghai')!;
    await userEvent.click(within(shanghai).getByRole('button', { name: 'Remove stop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the stop in Shanghai?' });
    expect(dialog.textContent).toContain('Beijing South → Shanghai Hongqiao');
    expect(dialog.textContent).toContain('“Shanghai programme (with the rail leg)”');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove stop' }));
    await waitFor(async () => expect(await db.legs.get('draft-leg-rail')).toBeUndefined());
    expect(await db.events.get('draft-shanghai-programme')).toBeUndefined();
    await act(() => useUndoStore.getState().undo!());
    await waitFor(async () => expect(await db.legs.get('draft-leg-rail')).toBeDefined());
    expect(await db.events.get('draft-shanghai-programme')).toBeDefined();
  });

  it('edits a programme item at its place in local time', async () => {
    await openRoute();
    await userEvent.click(screen.getByRole('button', { name: 'Edit State banquet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit State banquet' });
    expect(shownDateTime('Starts', dialog)).toBe('2025-10-27T19:00');
    enterDateTime('Starts', '2025-10-27T19:30', dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await db.events.get('draft-state-banquet'))?.startsAt).toBe('2025-10-27T11:30:00.000Z'),
    );
    expect((await db.events.get('draft-state-banquet'))?.sources).toEqual([]);
  });

  it('"Add item in <place>" starts inside the stay, at the starting point before the departure', async () => {
    await openRoute();
    await userEvent.click(screen.getByRole('button', { name: 'Add item in Washington, DC' }));
    const home = await screen.findByRole('dialog', { name: 'Add item in Washington, DC' });
    // The flight leaves Joint Base Andrews at 08:00 EDT on 25 October.
    expect(shownDateTime('Starts', home)).toBe('2025-10-25T05:00');
    expect(shownDateTime('Ends', home)).toBe('2025-10-25T06:00');
    expect(within(home).getByRole('group', { name: 'Participants' })).toBeInTheDocument();
    await userEvent.click(within(home).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getAllByRole('button', { name: 'Add item in Beijing' })[0]!);
    const beijing = await screen.findByRole('dialog', { name: 'Add item in Beijing' });
    expect(shownDateTime('Starts', beijing) > '2025-10-26T10:40').toBe(true);
  });

  it('lists every visit in "All visits" and numbers legs across them', async () => {
    await openRoute();
    await userEvent.selectOptions(screen.getByLabelText('Visit'), 'all');
    await screen.findByRole('heading', { name: /Xi state visit to the United States/ });
    expect(window.location.search).toBe('?visit=all');
    expect(screen.getAllByRole('heading', { level: 3 }).length).toBe(5);
    const homeward = screen
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('it-leg') && /Beijing → Washington, DC/.test(li.textContent ?? ''));
    expect(homeward.map((li) => li.querySelector('.leg-badge')!.textContent)).toEqual(['6', '7']);
    expect(screen.getByText(/All visits together: 8 legs/)).toBeInTheDocument();
  });
});

describe('conflicts in the itinerary', () => {
  it('shows each conflict on the leg it concerns, with its explanation', () => {
    const plan = buildSamplePlan();
    const it = buildItinerary(plan, 'draft-state-visit-2025', { displayZone: 'Europe/London', includeOptional: true });
    const conflict: Conflict = {
      id: 'continuity:draft-leg-2',
      rule: 'continuity',
      severity: 'error',
      items: [{ type: 'leg', id: 'draft-leg-2', title: 'Beijing → Busan' }],
      participantIds: ['trump'],
      at: '2025-10-28T10:00:00.000Z',
      marginMs: 0,
      margin: '',
      explanation: 'The flight leaves Beijing at 18:00 CST (China), but Trump is then in Shanghai.',
      onlyWith: [{ type: 'leg', id: 'draft-leg-rail', title: 'Beijing South → Shanghai Hongqiao' }],
    };
    render(
      <ItineraryView
        itinerary={it}
        conflicts={new Map([['draft-leg-2', [conflict]]])}
        includeOptional
        activeLegId={null}
        onActiveLeg={() => {}}
        onAction={() => {}}
      />,
    );
    const row = legRow(/Beijing → Busan/)!;
    const list = within(row).getByRole('list', { name: 'Conflicts' });
    expect(list.textContent).toBe(
      'Conflict: Leg departs from the wrong place The flight leaves Beijing at 18:00 CST (China), but Trump is then in Shanghai. (only with Beijing South → Shanghai Hongqiao)',
    );
    expect(within(legRow(/Beijing → Shanghai/)!).queryByRole('list', { name: 'Conflicts' })).toBeNull();
  });
});
