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
    expect(screen.getByText(/1 error and 1 info open/)).toBeInTheDocument();
  });

  it('lists accepted conflicts apart with their note; a reopened one is open again with the reason', () => {
    renderList();
    expect(screen.getByRole('heading', { name: 'Open (2)' })).toBeInTheDocument();
    const accepted = within(acceptedSection()).getByRole('article', { name: 'On a blackout date' });
    expect(within(accepted).getByText('Held on the eve; agreed with Beijing.')).toBeInTheDocument();
    const reopened = within(openSection()).getByRole('article', { name: 'At night locally' });
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
    expect(screen.getByRole('article', { name: 'At night locally' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Rule'), 'blackout');
    expect(within(openSection()).getByText('No open conflict matches the filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    expect(screen.queryByRole('article', { name: 'Too little time to travel' })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'On a blackout date' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-12-31' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The “to” date must be on or after the “from” date.');
  });

  it('sorts worst first at first, then by the key chosen, and reverses', async () => {
    const user = userEvent.setup();
    const late = makeConflict({ rule: 'window', severity: 'warning', at: '2026-01-01T00:00:00.000Z' });
    renderList({ entries: [...entries, { conflict: late, state: 'open', changedItems: [] }] });
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
});
