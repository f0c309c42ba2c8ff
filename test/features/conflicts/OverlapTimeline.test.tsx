import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConflictEntry } from '../../../src/domain/conflicts/acceptance';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { ZOOM_LEVELS_DAYS } from '../../../src/domain/layout/timeline';
import { OverlapTimeline } from '../../../src/features/conflicts/OverlapTimeline';
import { initialConflictsViewState, useConflictsViewStore } from '../../../src/store/conflicts-view-store';
import { makeConflict } from '../../helpers/conflict-factory';

const plan = buildSamplePlan();
const continuity = makeConflict({
  rule: 'continuity',
  severity: 'warning',
  items: [
    { type: 'leg', id: 'draft-leg-rail', title: 'Beijing South → Shanghai Hongqiao' },
    { type: 'leg', id: 'draft-leg-2', title: 'Beijing Capital → Gimhae' },
  ],
  participantIds: ['trump'],
  at: '2025-10-28T10:00:00.000Z',
  explanation: 'Trump is in Shanghai after the rail leg, but the flight departs from Beijing.',
});
const entries: ConflictEntry[] = [{ conflict: continuity, state: 'open', changedItems: [] }];

function renderTimeline() {
  const props = {
    plan,
    entries,
    displayZone: 'Asia/Shanghai',
    includeOptional: true,
    onOpenItem: vi.fn(),
    onShowInList: vi.fn(),
  };
  render(<OverlapTimeline {...props} />);
  return props;
}

beforeEach(() =>
  useConflictsViewStore.setState({
    ...initialConflictsViewState(),
    panel: 'timeline',
    timelineZoom: ZOOM_LEVELS_DAYS.indexOf(7),
  }),
);

describe('OverlapTimeline', () => {
  it('centres on the earliest of the worst open conflicts, with lanes per participant, a marker and labelled bars', () => {
    const earlierInfo = makeConflict({ rule: 'overlap', severity: 'info', at: '2025-10-01T00:00:00.000Z' });
    render(
      <OverlapTimeline
        plan={plan}
        entries={[{ conflict: earlierInfo, state: 'open', changedItems: [] }, ...entries]}
        displayZone="Asia/Shanghai"
        includeOptional
        onOpenItem={vi.fn()}
        onShowInList={vi.fn()}
      />,
    );
    const svg = screen.getByRole('group', { name: /^Overlap timeline, Sat 25 Oct 2025 – / });
    expect(within(svg).getByRole('group', { name: /^Donald J\. Trump: \d+ items/ })).toBeInTheDocument();
    expect(
      within(svg).getByRole('button', {
        name: /^Warning: Leg departs from the wrong place, Tue 28 Oct 2025, 18:00 CST \(China\)/,
      }),
    ).toBeInTheDocument();
    const rail = within(svg).getAllByRole('button', {
      name: /^Beijing South → Shanghai Hongqiao, Tue 28 Oct 2025, 09:00–13:18 CST \(China\)\. proposed, optional\. /,
    });
    expect(rail).toHaveLength(2); // Trump's lane and Xi's
    expect(rail[0]!.getAttribute('aria-label')).toContain('Warning: Leg departs from the wrong place');
    expect(rail[0]!.getAttribute('class')).toContain('conflicted severity-warning');
  });

  it('moves between items with the arrow keys and opens one with Enter', () => {
    const props = renderTimeline();
    const svg = screen.getByRole('group', { name: /^Overlap timeline/ });
    const first = within(svg)
      .getAllByRole('button')
      .find((b) => b.getAttribute('tabindex') === '0')!;
    expect(
      within(svg)
        .getAllByRole('button')
        .filter((b) => b.getAttribute('tabindex') === '0'),
    ).toHaveLength(1);
    act(() => first.focus());
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Warning: /);
    // The focused marker lights up the conflict's items.
    const lit = [...svg.querySelectorAll('.bar.lit')].map((b) => b.getAttribute('aria-label')!.split(',')[0]);
    expect(lit.sort()).toEqual([
      'Beijing Capital International Airport → Gimhae International Airport / Gimhae Air Base',
      'Beijing South → Shanghai Hongqiao',
      'Beijing South → Shanghai Hongqiao',
    ]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    const trumpFirst = document.activeElement!.getAttribute('aria-label')!;
    expect(trumpFirst).toMatch(/Donald J\. Trump/);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    const next = document.activeElement!.getAttribute('aria-label')!;
    expect(next).not.toBe(trumpFirst);
    expect(next).toMatch(/Donald J\. Trump/);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement!.getAttribute('aria-label')).toBe(trumpFirst);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(props.onOpenItem).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('region', { name: 'Selected on the timeline' })).toHaveTextContent(/Open “/);
  });

  it('zooms with + and −, pans with Page Down, and switches lanes to kinds', async () => {
    const user = userEvent.setup();
    renderTimeline();
    const svg = screen.getByRole('group', { name: /^Overlap timeline/ });
    const marker = within(svg).getByRole('button', { name: /^Warning: / });
    marker.focus();
    fireEvent.keyDown(marker, { key: '+' });
    expect(ZOOM_LEVELS_DAYS[useConflictsViewStore.getState().timelineZoom]).toBe(3);
    fireEvent.keyDown(document.activeElement!, { key: '-' });
    fireEvent.keyDown(document.activeElement!, { key: '-' });
    expect(ZOOM_LEVELS_DAYS[useConflictsViewStore.getState().timelineZoom]).toBe(14);
    const centre = useConflictsViewStore.getState().timelineCentre!;
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(Date.parse(useConflictsViewStore.getState().timelineCentre!) - Date.parse(centre)).toBe(7 * 86_400_000);
    await user.click(screen.getByRole('radio', { name: 'By kind' }));
    expect(
      within(screen.getByRole('group', { name: /^Overlap timeline/ })).getByRole('group', { name: /^Travel: / }),
    ).toBeInTheDocument();
  });

  it('shows a blackout band and an overlap span where items in a lane overlap', () => {
    useConflictsViewStore.setState({ timelineCentre: '2026-09-25T12:00:00.000Z' });
    const { container } = render(
      <OverlapTimeline
        plan={plan}
        entries={[]}
        displayZone="America/New_York"
        includeOptional
        onOpenItem={vi.fn()}
        onShowInList={vi.fn()}
      />,
    );
    expect(container.querySelectorAll('.band-blackout').length).toBeGreaterThan(0);
    // UNGA general debate (all day, 22–28 Sep) and the White House talks on 25 Sep share Trump's lane.
    expect(container.querySelectorAll('.overlap-span').length).toBeGreaterThan(0);
    expect(screen.getByRole('group', { name: /^Donald J\. Trump: \d+ items, \d+ overlaps?/ })).toBeInTheDocument();
  });
});
