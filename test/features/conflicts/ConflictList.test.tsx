import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConflictEntry } from '../../../src/domain/conflicts/acceptance';
import { buildSamplePlan } from '../../../src/domain/sample/sample-plan';
import { ConflictList } from '../../../src/features/conflicts/ConflictList';
import { initialConflictsViewState, useConflictsViewStore } from '../../../src/store/conflicts-view-store';
import { makeConflict } from '../../helpers/conflict-factory';

const plan = buildSamplePlan();
const transit = makeConflict({
  rule: 'transit',
  severity: 'error',
  items: [
    { type: 'event', id: 'draft-shanghai-programme', title: 'Shanghai programme (with the rail leg)' },
    {
      type: 'leg',
      id: 'draft-leg-2',
      title: 'Beijing Capital International Airport → Gimhae International Airport / Gimhae Air Base',
    },
  ],
  participantIds: ['trump'],
  at: '2025-10-28T08:30:00.000Z',
  margin: 'short by 2 h 5 min',
  explanation:
    'Trump ends the Shanghai programme at 16:30 CST (China) and departs Beijing at 18:00 CST (China): 1,068 km apart, short by 2 h 5 min.',
  onlyWith: [{ type: 'event', id: 'draft-shanghai-programme', title: 'Shanghai programme (with the rail leg)' }],
});
const blackout = makeConflict({
  rule: 'blackout',
  severity: 'warning',
  items: [
    { type: 'event', id: 'xi-visit-talks', title: 'White House welcome and talks' },
    { type: 'window', id: 'mid-autumn-2026', title: 'Mid-Autumn Festival holiday (China)' },
  ],
  participantIds: ['xi'],
  at: '2026-09-25T14:00:00.000Z',
  margin: 'on the blackout',
  explanation: 'The talks fall on the Mid-Autumn Festival holiday for Xi Jinping.',
});
const night = makeConflict({
  rule: 'local-hours',
  severity: 'info',
  participantIds: ['xi'],
  at: '2025-11-24T14:00:00.000Z',
  explanation: 'The call is at 22:00 CST (China) in Beijing.',
});
const entries: ConflictEntry[] = [
  { conflict: transit, state: 'open', changedItems: [] },
  {
    conflict: blackout,
    state: 'accepted',
    acceptance: {
      id: blackout.id,
      note: 'Held on the eve; agreed with Beijing.',
      acceptedAt: '2026-11-28T12:00:00.000Z',
      itemsFingerprint: '[]',
    },
    changedItems: [],
  },
  {
    conflict: night,
    state: 'reopened',
    acceptance: {
      id: night.id,
      note: 'Xi takes late calls.',
      acceptedAt: '2026-11-20T12:00:00.000Z',
      itemsFingerprint: '[]',
    },
    changedItems: [night.items[0]!],
  },
];

function renderList(overrides: Partial<Parameters<typeof ConflictList>[0]> = {}) {
  const props = {
    entries,
    participants: plan.participants,
    displayZone: 'Asia/Shanghai',
    includeOptional: true,
    onOpenItem: vi.fn(),
    onAccept: vi.fn(),
    onReopen: vi.fn(),
    onShowOnTimeline: vi.fn(),
    ...overrides,
  };
  render(<ConflictList {...props} />);
  return props;
}

const openSection = () => screen.getByRole('region', { name: /^Open/ });
const infoSection = () => screen.getByRole('region', { name: /informational note|overlap/ });
const acceptedSection = () => screen.getByRole('region', { name: /^Accepted/ });

beforeEach(() => useConflictsViewStore.setState(initialConflictsViewState()));

describe('ConflictList', () => {
  it('lists each conflict with severity in words, rule, date, explanation, margin, items and who', () => {
    renderList();
    const card = within(openSection()).getByRole('article', { name: 'Too little time to travel' });
    expect(within(card).getByText('Error')).toBeInTheDocument();
    expect(within(card).getByText('Tue 28 Oct 2025, 16:30 CST (China)')).toBeInTheDocument();
    expect(within(card).getByText(transit.explanation)).toBeInTheDocument();
    expect(within(card).getByText('short by 2 h 5 min')).toBeInTheDocument();
    expect(within(card).getByText('Donald J. Trump')).toBeInTheDocument();
    expect(within(card).getByText('only with Shanghai programme (with the rail leg)')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^1 error to resolve, as counted on the Conflicts link\. Folded below for information: 1 informational note\./,
      ),
    ).toBeInTheDocument();
  });

  it('lists accepted conflicts apart with their note; a reopened one is open again with the reason', () => {
    renderList();
    expect(screen.getByRole('heading', { name: 'Open (1)' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '1 informational note', expanded: false }));
    const accepted = within(acceptedSection()).getByRole('article', { name: 'On a blackout date' });
    expect(within(accepted).getByText('Held on the eve; agreed with Beijing.')).toBeInTheDocument();
    const reopened = within(infoSection()).getByRole('article', { name: 'At night locally' });
    expect(within(reopened).getByText('reopened')).toBeInTheDocument();
    expect(within(reopened).getByText(/Reopened because “Item A” changed since/)).toBeInTheDocument();
  });

  it('opens an item, accepts, reopens and shows on the timeline through its callbacks', async () => {
    const user = userEvent.setup();
    const props = renderList();
    const card = within(openSection()).getByRole('article', { name: 'Too little time to travel' });
    await user.click(within(card).getByRole('button', { name: 'Shanghai programme (with the rail leg)' }));
    expect(props.onOpenItem).toHaveBeenCalledWith(transit.items[0]);
    await user.click(within(card).getByRole('button', { name: 'Accept…' }));
    expect(props.onAccept).toHaveBeenCalledWith(entries[0]);
    await user.click(within(card).getByRole('button', { name: 'Show on timeline' }));
    expect(props.onShowOnTimeline).toHaveBeenCalledWith(entries[0]);
    await user.click(within(acceptedSection()).getByRole('button', { name: 'Reopen' }));
    expect(props.onReopen).toHaveBeenCalledWith(entries[1]);
  });

  it('filters by severity, rule, participant and dates, and clears', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(screen.getByRole('checkbox', { name: 'Error' }));
    expect(
      within(openSection())
        .getAllByRole('article')
        .map((a) => a.getAttribute('aria-labelledby')),
    ).toHaveLength(1);
    expect(screen.queryByRole('article', { name: 'On a blackout date' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('Participant'), 'xi');
    expect(screen.queryByRole('article', { name: 'Too little time to travel' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '1 informational note' }));
    expect(screen.getByRole('article', { name: 'At night locally' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Rule'), 'blackout');
    expect(within(openSection()).getByText('No open error or warning matches the filters.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /informational note/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    expect(screen.queryByRole('article', { name: 'Too little time to travel' })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'On a blackout date' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-12-31' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The “to” date must be on or after the “from” date.');
  });

  it('sorts worst first at first, then by the key chosen, and reverses', async () => {
    const user = userEvent.setup();
    const late = makeConflict({ rule: 'window', severity: 'error', at: '2026-01-01T00:00:00.000Z' });
    const lateNight = { ...entries[2]!, conflict: { ...night, severity: 'warning' as const } };
    renderList({ entries: [entries[0]!, entries[1]!, lateNight, { conflict: late, state: 'open', changedItems: [] }] });
    const order = () =>
      within(openSection())
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent);
    expect(order()).toEqual(['Too little time to travel', 'Outside its window', 'At night locally']);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'date');
    expect(order()).toEqual(['Too little time to travel', 'At night locally', 'Outside its window']);
    await user.click(screen.getByRole('button', { name: /reverse it/ }));
    expect(order()).toEqual(['Outside its window', 'At night locally', 'Too little time to travel']);
  });

  describe('export', () => {
    let blobs: Blob[] = [];
    let downloads: string[] = [];
    beforeEach(() => {
      blobs = [];
      downloads = [];
      URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:test');
      URL.revokeObjectURL = () => undefined;
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    });
    afterEach(() => vi.restoreAllMocks());

    it('downloads the shown conflicts as guarded CSV, open ones first', async () => {
      const user = userEvent.setup();
      const hostile = makeConflict({
        rule: 'overlap',
        severity: 'warning',
        explanation: '=HYPERLINK("http://evil")',
        at: '2025-09-19T12:00:00.000Z',
      });
      renderList({ entries: [...entries, { conflict: hostile, state: 'open', changedItems: [] }] });
      await act(() => user.click(screen.getByRole('button', { name: 'Export CSV' })));
      expect(downloads[0]).toMatch(/^summitry-conflicts-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await blobs[0]!.text();
      const lines = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toMatch(/^State,Severity,Rule,When,Items/);
      expect(lines.slice(1, 5).map((l) => l.split(',')[0])).toEqual(['Open', 'Open', 'Reopened', 'Accepted']);
      expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    });
  });

  it('draws a long list a page at a time: each card says where it stands, Show more adds the next and focuses it', async () => {
    const user = userEvent.setup();
    const many: ConflictEntry[] = Array.from({ length: 100 }, (_, i) => ({
      conflict: makeConflict({
        items: [
          { type: 'event', id: `m-${i}`, title: `Meeting ${i}` },
          { type: 'event', id: `n-${i}`, title: `Other ${i}` },
        ],
        at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      }),
      state: 'open',
      changedItems: [],
    }));
    renderList({ entries: many });
    expect(screen.getByRole('heading', { name: 'Open (100)' })).toBeInTheDocument();
    const items = () => [...openSection().querySelectorAll('li[aria-posinset]')];
    const firstPage = items().length;
    expect(firstPage).toBeGreaterThan(0);
    expect(firstPage).toBeLessThan(100);
    expect(items()[0]).toHaveAttribute('aria-setsize', '100');
    expect(items()[0]).toHaveAttribute('aria-posinset', '1');
    expect(within(openSection()).getByText(`Showing ${firstPage} of 100 conflicts.`)).toBeInTheDocument();
    await user.click(within(openSection()).getByText(/^Show \d+ more$/));
    expect(items().length).toBeGreaterThan(firstPage);
    expect(items()[firstPage]).toHaveAttribute('aria-posinset', String(firstPage + 1));
    expect(items()[firstPage]!.querySelector('article')).toHaveFocus();
    while (within(openSection()).queryByText(/^Show \d+ more$/))
      await user.click(within(openSection()).getByText(/^Show \d+ more$/));
    expect(items()).toHaveLength(100);
    expect(within(openSection()).queryByText(/^Showing/)).not.toBeInTheDocument();
  });

  it('draws a conflict far down the list when it is revealed (jumped to from the timeline)', () => {
    const many: ConflictEntry[] = Array.from({ length: 120 }, (_, i) => ({
      conflict: makeConflict({
        items: [{ type: 'event', id: `m-${i}`, title: `Meeting ${i}` }],
        at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      }),
      state: 'open',
      changedItems: [],
    }));
    renderList({ entries: many, revealId: many[110]!.conflict.id });
    expect(within(openSection()).getByText('Meeting 110')).toBeInTheDocument();
    const drawn = openSection().querySelectorAll('li[aria-posinset]');
    expect(drawn.length).toBeLessThan(120);
    expect(drawn[drawn.length - 1]).toHaveTextContent('Meeting 110');
  });

  describe('info-level overlaps', () => {
    const win = (id: string) => ({ type: 'window' as const, id, title: `Window ${id}` });
    const ev = (id: string) => ({ type: 'event' as const, id, title: `Event ${id}` });
    const leg = (id: string) => ({ type: 'leg' as const, id, title: `Leg ${id}` });
    const overlaps: ConflictEntry[] = [
      [win('c'), win('a')],
      [leg('2'), win('b')],
      [ev('3'), ev('4')],
    ].map((items, i) => ({
      conflict: makeConflict({
        rule: 'overlap',
        severity: 'info',
        items,
        at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      }),
      state: 'open',
      changedItems: [],
    }));

    it('are grouped under one line, folded, and unfolded by a button that says so', async () => {
      const user = userEvent.setup();
      renderList({ entries: [entries[0]!, ...overlaps] });
      expect(screen.getByRole('heading', { name: 'Open (1)' })).toBeInTheDocument();
      const fold = screen.getByRole('button', { name: '3 overlaps, mostly with windows' });
      expect(fold).toHaveAttribute('aria-expanded', 'false');
      expect(document.getElementById(fold.getAttribute('aria-controls')!)).not.toBeVisible();
      expect(screen.queryByText('Event 3')).not.toBeInTheDocument();
      expect(screen.getByText(/Folded below for information: 3 overlaps, mostly with windows\./)).toBeInTheDocument();

      await user.click(fold);
      expect(fold).toHaveAttribute('aria-expanded', 'true');
      const group = screen.getByRole('region', { name: '3 overlaps, mostly with windows' });
      expect(within(group).getAllByRole('article')).toHaveLength(3);
      expect(within(openSection()).getAllByRole('article')).toHaveLength(1);

      await user.click(fold);
      expect(fold).toHaveAttribute('aria-expanded', 'false');
      expect(within(group).queryAllByRole('article')).toHaveLength(0);
    });

    it('unfold by themselves when one of them is jumped to from the timeline', () => {
      renderList({ entries: [entries[0]!, ...overlaps], revealId: overlaps[2]!.conflict.id });
      expect(screen.getByRole('button', { name: /^3 overlaps/ })).toHaveAttribute('aria-expanded', 'true');
      expect(screen.getByRole('region', { name: /^3 overlaps/ })).toHaveTextContent('Event 4');
    });

    it('are left out when there are none, and with them the group', () => {
      renderList({ entries: [entries[0]!] });
      expect(screen.queryByRole('button', { name: /overlap/ })).not.toBeInTheDocument();
      expect(screen.getByText(/^1 error to resolve, as counted on the Conflicts link\. Optional/)).toBeInTheDocument();
    });
  });
});
